package nl.waarborg.administration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import nl.waarborg.administration.StuckWorkRefusedException.Reason;

/**
 * The plain rules of the administrator's stuck-work actions: every action needs a reason (recorded in the audit trail),
 * and a corrected due date lies today or later (the task is then due at the end of that day).
 */
public final class StuckWorkRules {

    /** The longest reason kept (it goes into the audit trail and the engine's history). */
    public static final int MAX_REASON = 2000;

    private StuckWorkRules() {}

    /** The reason, trimmed; refused when it is missing, blank or too long. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new StuckWorkRefusedException(
                    Reason.REASON_MISSING,
                    "Field 'reason' is required: say why, it is recorded in the audit trail with the action.");
        }
        String trimmed = reason.trim();
        if (trimmed.length() > MAX_REASON) {
            throw new StuckWorkRefusedException(
                    Reason.REASON_TOO_LONG, "Field 'reason' may have at most " + MAX_REASON + " characters.");
        }
        return trimmed;
    }

    /** When a task with this new due date is due: the end of that day where {@code now} is; never in the past. */
    public static Instant dueAt(LocalDate date, ZonedDateTime now) {
        if (date == null) {
            throw new StuckWorkRefusedException(
                    Reason.DUE_DATE_MISSING, "Field 'dueDate' is required, as a date (yyyy-MM-dd).");
        }
        if (date.isBefore(now.toLocalDate())) {
            throw new StuckWorkRefusedException(
                    Reason.DUE_DATE_IN_PAST,
                    "Field 'dueDate' (" + date + ") lies in the past; choose today (" + now.toLocalDate()
                            + ") or later.");
        }
        return date.atTime(LocalTime.of(23, 59)).atZone(now.getZone()).toInstant();
    }
}
