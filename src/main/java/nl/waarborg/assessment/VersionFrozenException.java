package nl.waarborg.assessment;

import nl.waarborg.shared.ConflictException;

/** Something tried to change a version that was approved, rejected or superseded (409). */
public class VersionFrozenException extends ConflictException {

    public VersionFrozenException(String assessmentId, int number, VersionStatus status) {
        super("Version " + number + " of assessment " + assessmentId + " is " + status
                + " and can no longer be changed;" + " a new round creates a new version.");
    }
}
