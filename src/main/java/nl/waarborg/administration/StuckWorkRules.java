package nl.waarborg.administration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The plain rule of the administrator's due-date correction: a corrected due date lies today or later (the task is
 * then due at the end of that day). Every stuck-work action also needs a reason ({@link Reasons}).
 */
public final class StuckWorkRules {

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
        return date.atTime(LocalTime.of(23, 59)).atZone(now.getZone()).toInstant();
    }
}
