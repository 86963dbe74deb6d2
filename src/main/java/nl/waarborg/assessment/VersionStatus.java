package nl.waarborg.assessment;

/** Life of a version: DRAFT → IN_REVIEW → APPROVED (→ SUPERSEDED) or REJECTED; SENT_BACK returns it to DRAFT. */
public enum VersionStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    SUPERSEDED;

    public boolean frozen() {
        return this == APPROVED || this == REJECTED || this == SUPERSEDED;
    }
}
