package nl.waarborg.assessment;

import nl.waarborg.shared.ConflictException;

/**
 * The version is not in a state that allows this (409): a section edited while the version is in review, or the
 * alderman deciding on content that the advisers did not see.
 */
public class VersionConflictException extends ConflictException {

    /** What stands in the way, for clients that explain it in their own words (the web pages). */
    public enum Reason {
        NOT_DRAFT,
        UNSEEN_CONTENT
    }

    private final Reason reason;

    public VersionConflictException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
