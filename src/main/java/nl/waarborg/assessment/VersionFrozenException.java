package nl.waarborg.assessment;

/** Something tried to change a version that was approved, rejected or superseded. */
public class VersionFrozenException extends IllegalStateException {

    public VersionFrozenException(String assessmentId, int number, VersionStatus status) {
        super("Version " + number + " of assessment " + assessmentId + " is " + status + " and can no longer be changed;"
                + " a new round creates a new version.");
    }
}
