package nl.waarborg.workflow.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Working days: Monday to Friday. Public holidays are not known here: a holiday on a weekday counts as a working day
 * (a known gap, see docs/mutation.md).
 */
public final class WorkingDays {

    private WorkingDays() {}

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The moment {@code days} working days after {@code start}, at the same time of day; {@code start} itself never counts. */
    public static ZonedDateTime add(ZonedDateTime start, int days) {
        ZonedDateTime result = start;
        int added = 0;
        while (added < days) {
            result = result.plusDays(1);
            if (isWorkingDay(result.toLocalDate())) {
                added++;
            }
        }
        return result;
    }
}
