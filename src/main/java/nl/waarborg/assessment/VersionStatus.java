package nl.waarborg.assessment;

/**
 * Life of a version: DRAFT → IN_REVIEW → APPROVED (→ SUPERSEDED) or REJECTED; SENT_BACK returns it to DRAFT. A draft or
 * a version in review becomes WITHDRAWN when an administrator cancels the cycle it belongs to.
 */
public enum VersionStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    SUPERSEDED,
    WITHDRAWN;

    /** Closed for good: nothing in it changes any more (the database guards refuse it too). */
    public boolean frozen() {
        return this == APPROVED || this == REJECTED || this == SUPERSEDED || this == WITHDRAWN;
    }
}
