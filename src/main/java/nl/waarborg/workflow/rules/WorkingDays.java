package nl.waarborg.workflow.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZonedDateTime;

/**
 * Working days: Monday to Friday, except the Dutch public holidays of the Algemene termijnenwet (article 3), the days
 * by which Dutch law counts its periods (ADR 0029): New Year's Day, Good Friday, Easter Monday, King's Day (27 April,
 * or 26 April when the 27th is a Sunday), Liberation Day (5 May, every year as in that act, not only every fifth year
 * as many employers give it off), Ascension Day, Whit Monday, and Christmas Day and Boxing Day. They are computed for
 * any year (Easter by the Gregorian computus), not read from a list. The extra days the government equates with
 * holidays by decree every few years (bridge days) are not known here.
 */
public final class WorkingDays {

    private WorkingDays() {}

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isPublicHoliday(date);
    }

    /** Whether the date is one of the public holidays of the Algemene termijnenwet (whatever day of the week it is). */
    public static boolean isPublicHoliday(LocalDate date) {
        int year = date.getYear();
        if (date.equals(LocalDate.of(year, Month.JANUARY, 1))
                || date.equals(kingsDay(year))
                || date.equals(LocalDate.of(year, Month.MAY, 5))
                || (date.getMonth() == Month.DECEMBER && (date.getDayOfMonth() == 25 || date.getDayOfMonth() == 26))) {
            return true;
        }
        long fromEaster = date.toEpochDay() - easterSunday(year).toEpochDay();
        // Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday.
        return fromEaster == -2
                || fromEaster == 0
                || fromEaster == 1
                || fromEaster == 39
                || fromEaster == 49
                || fromEaster == 50;
    }

    /** The King's birthday as celebrated: 27 April, or the Saturday before when the 27th is a Sunday. */
    static LocalDate kingsDay(int year) {
        LocalDate birthday = LocalDate.of(year, Month.APRIL, 27);
        return birthday.getDayOfWeek() == DayOfWeek.SUNDAY ? birthday.minusDays(1) : birthday;
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
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
