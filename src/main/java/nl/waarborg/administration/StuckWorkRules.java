package nl.waarborg.administration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The plain rule of the administrator's due-date correction: a corrected due date lies today or later, and at most
 * {@link #MAX_YEARS_AHEAD} year ahead (the task is then due at the end of that day). A date further on is a slip of the
 * keyboard (2126 for 2026) or a way to silence a gate's service-level timer for good. Every stuck-work action also
 * needs a reason ({@link Reasons}).
 */
public final class StuckWorkRules {

    /** How far ahead a corrected due date may lie, in years from today. */
    public static final int MAX_YEARS_AHEAD = 1;

    /** When a task with this new due date is due: the end of that day where {@code now} is; never in the past. */
    public static Instant dueAt(LocalDate date, ZonedDateTime now) {
        if (date == null) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.DUE_DATE_MISSING,
                    "Field 'dueDate' is required, as a date (yyyy-MM-dd).");
        }
        if (date.isBefore(now.toLocalDate())) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.DUE_DATE_IN_PAST,
                    "Field 'dueDate' (" + date + ") lies in the past; choose today (" + now.toLocalDate()
                            + ") or later.");
        }
        LocalDate latest = now.toLocalDate().plusYears(MAX_YEARS_AHEAD);
        if (date.isAfter(latest)) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.DUE_DATE_TOO_FAR,
                    "Field 'dueDate' (" + date + ") lies more than " + MAX_YEARS_AHEAD + " year ahead; choose " + latest
                            + " or earlier.");
        }
        return date.atTime(LocalTime.of(23, 59)).atZone(now.getZone()).toInstant();
    }
}
