package nl.waarborg.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A measure agreed in an assessment part, carried out in the Implement phase: {@code result} says what was done and
 * {@code evidence} where that can be checked (both empty until it is done).
 */
public record ActionPoint(
        String id,
        String versionId,
        String section,
        String what,
        String owner,
        LocalDate dueDate,
        boolean done,
        String doneBy,
        Instant doneAt,
        String result,
        String evidence) {}
