package nl.waarborg.system;

import java.time.Instant;

/** One algorithm or AI system in the register. */
public record SystemRecord(
        String id,
        String name,
        String description,
        String department,
        String owner,
        String publicationCategory,
        Phase phase,
        Status status,
        String statusReason,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the system is in the lifecycle. */
    public enum Phase {
        REGISTERED,
        DEVELOP,
        IMPLEMENT,
        EVALUATE,
        STOPPED,
        RETIRED
    }

    /** What the system is doing now. */
    public enum Status {
        NEW,
        IN_ASSESSMENT,
        IN_IMPLEMENTATION,
        IN_USE,
        STOPPED,
        RETIRED
    }
}
