package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** 7 December 2026 is a Monday. */
    static ZonedDateTime at(int day, int hour) {
        return ZonedDateTime.of(LocalDateTime.of(2026, 12, day, hour, 30), AMSTERDAM);
    }

    @Test
    void mondayToFridayAreWorkingDaysAndTheWeekendIsNot() {
        for (int day = 7; day <= 11; day++) {
            assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, day)))
                    .as("December %d", day)
                    .isTrue();
        }
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 12)))
                .as("Saturday")
                .isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 13)))
                .as("Sunday")
                .isFalse();
    }

    @Test
    void easterIsComputedForAnyYear() {
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(WorkingDays.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(WorkingDays.easterSunday(2038)).as("the latest date").isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(WorkingDays.easterSunday(2285)).as("the earliest date").isEqualTo(LocalDate.of(2285, 3, 22));
    }

    /**
     * Easter Sundays of 1818–2299 as another implementation of the Gregorian computus gives them (python-dateutil's
     * {@code easter}, western method), every seventh year and the years whose correction terms are unusual (the
     * earliest and latest dates, the years of the 451 correction).
     */
    private static final String EASTER_SUNDAYS = ""
            + "1818-03-22 1900-04-15 1907-03-31 1914-04-12 1921-03-27 1928-04-08 1935-04-21 1942-04-05 "
            + "1943-04-25 1949-04-17 1954-04-18 1956-04-01 1963-04-14 1970-03-29 1977-04-10 1981-04-19 "
            + "1984-04-22 1991-03-31 1998-04-12 2005-03-27 2008-03-23 2011-04-24 2012-04-08 2019-04-21 "
            + "2026-04-05 2033-04-17 2038-04-25 2040-04-01 2047-04-14 2049-04-18 2054-03-29 2061-04-10 "
            + "2068-04-22 2075-04-07 2076-04-19 2082-04-19 2089-04-03 2096-04-15 2103-03-25 2106-04-18 "
            + "2110-04-06 2117-04-18 2124-04-02 2131-04-15 2133-04-19 2138-03-30 2145-04-11 2152-04-23 "
            + "2159-04-08 2166-04-20 2173-04-04 2180-04-16 2187-03-25 2194-04-06 2201-04-19 2208-04-03 "
            + "2215-04-16 2222-03-31 2229-04-12 2236-03-27 2243-04-09 2250-04-21 2257-04-05 2264-04-17 "
            + "2271-04-02 2278-04-14 2285-03-22 2292-04-10 2299-04-16 ";

    @Test
    void easterAgreesWithAnIndependentComputusOverFourCenturies() {
        for (String date : EASTER_SUNDAYS.trim().split(" ")) {
            LocalDate easter = LocalDate.parse(date);
            assertThat(WorkingDays.easterSunday(easter.getYear()))
                    .as("Easter %d", easter.getYear())
                    .isEqualTo(easter);
        }
    }

    @Test
    void theHolidaysOfTheAlgemeneTermijnenwetAreNoWorkingDays() {
        // 2027: every holiday that moves with Easter falls on a weekday, as do New Year, King's Day and 5 May.
        for (LocalDate holiday : List.of(
                LocalDate.of(2027, 1, 1), // Nieuwjaarsdag, a Friday
                LocalDate.of(2027, 3, 26), // Goede Vrijdag
                LocalDate.of(2027, 3, 29), // Tweede Paasdag
                LocalDate.of(2027, 4, 27), // Koningsdag, a Tuesday
                LocalDate.of(2027, 5, 5), // Bevrijdingsdag, a Wednesday, not a lustrum year: it counts every year
                LocalDate.of(2027, 5, 6), // Hemelvaartsdag
                LocalDate.of(2027, 5, 17), // Tweede Pinksterdag
                LocalDate.of(2026, 12, 25), // Eerste Kerstdag, a Friday
                LocalDate.of(2028, 12, 26))) { // Tweede Kerstdag, a Tuesday
            assertThat(WorkingDays.isPublicHoliday(holiday)).as("%s", holiday).isTrue();
            assertThat(WorkingDays.isWorkingDay(holiday)).as("%s", holiday).isFalse();
        }
        for (LocalDate ordinary : List.of(
                LocalDate.of(2027, 1, 4),
                LocalDate.of(2027, 3, 25), // Maundy Thursday
                LocalDate.of(2027, 3, 30),
                LocalDate.of(2027, 4, 26),
                LocalDate.of(2027, 5, 4), // Remembrance Day is no holiday
                LocalDate.of(2027, 5, 7), // the Friday after Ascension is only equated with one by decree
                LocalDate.of(2027, 5, 18),
                LocalDate.of(2026, 12, 24),
                LocalDate.of(2026, 12, 31))) {
            assertThat(WorkingDays.isWorkingDay(ordinary)).as("%s", ordinary).isTrue();
        }
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 5)))
                .as("Easter Sunday")
                .isTrue();
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 24)))
                .as("Whit Sunday")
                .isTrue();
    }

    @Test
    void kingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday() {
        assertThat(WorkingDays.kingsDay(2025)).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(WorkingDays.kingsDay(2031)).isEqualTo(LocalDate.of(2031, 4, 26));
        assertThat(WorkingDays.kingsDay(2026)).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2025, 4, 27))).isFalse();
        // 27 April 2026 is a Monday and no working day; 28 April is.
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 28))).isTrue();
    }

    @Test
    void addingSkipsHolidaysLikeWeekends() {
        ZonedDateTime thursday = ZonedDateTime.of(LocalDateTime.of(2027, 3, 25, 14, 0), AMSTERDAM);
        assertThat(WorkingDays.add(thursday, 1).toLocalDate())
                .as("Maundy Thursday + 1 skips Good Friday, the weekend and Easter Monday")
                .isEqualTo(LocalDate.of(2027, 3, 30));
        ZonedDateTime tuesday = ZonedDateTime.of(LocalDateTime.of(2027, 5, 4, 9, 0), AMSTERDAM);
        assertThat(WorkingDays.add(tuesday, 2).toLocalDate())
                .as("4 May + 2 skips 5 May and Ascension Day")
                .isEqualTo(LocalDate.of(2027, 5, 10));
    }

    @Test
    void addingSkipsWeekendsAndKeepsTheTimeOfDay() {
        assertThat(WorkingDays.add(at(7, 9), 1)).isEqualTo(at(8, 9));
        assertThat(WorkingDays.add(at(7, 9), 4)).isEqualTo(at(11, 9));
        assertThat(WorkingDays.add(at(7, 9), 5))
                .as("Monday + 5 is the next Monday")
                .isEqualTo(at(14, 9));
        assertThat(WorkingDays.add(at(7, 9), 10))
                .as("Monday + 10 is two weeks on")
                .isEqualTo(at(21, 9));
        assertThat(WorkingDays.add(at(11, 16), 1)).as("Friday + 1 is Monday").isEqualTo(at(14, 16));
        assertThat(WorkingDays.add(at(11, 16), 9)).as("Friday + 9").isEqualTo(at(24, 16));
        assertThat(WorkingDays.add(at(11, 16), 10))
                .as("Friday + 10 skips both Christmas days")
                .isEqualTo(at(28, 16));
    }

    @Test
    void aStartInTheWeekendCountsFromMonday() {
        assertThat(WorkingDays.add(at(12, 10), 1)).as("Saturday + 1").isEqualTo(at(14, 10));
        assertThat(WorkingDays.add(at(13, 10), 1)).as("Sunday + 1").isEqualTo(at(14, 10));
        assertThat(WorkingDays.add(at(13, 10), 9)).as("Sunday + 9").isEqualTo(at(24, 10));
    }

    @Test
    void noDaysIsTheStartItself() {
        assertThat(WorkingDays.add(at(12, 10), 0)).isEqualTo(at(12, 10));
    }

    @Test
    void theDueDateNeverFallsInAWeekend() {
        ZonedDateTime start = at(7, 8);
        for (int offset = 0; offset < 7; offset++) {
            for (int days = 1; days <= 15; days++) {
                ZonedDateTime due = WorkingDays.add(start.plusDays(offset), days);
                assertThat(WorkingDays.isWorkingDay(due.toLocalDate()))
                        .as("start +%d, %d working days: %s", offset, days, due)
                        .isTrue();
            }
        }
    }

    @Test
    void theClockChangeKeepsTheLocalTime() {
        // Summer time ends on Sunday 25 October 2026: Friday 09:00 CEST + 1 working day is Monday 09:00 CET.
        ZonedDateTime friday = ZonedDateTime.of(LocalDateTime.of(2026, 10, 23, 9, 0), AMSTERDAM);
        ZonedDateTime monday = WorkingDays.add(friday, 1);
        assertThat(monday.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 10, 26, 9, 0));
        assertThat(monday.getOffset().getTotalSeconds()).isEqualTo(3600);
    }

    @Test
    void aGateIsDueTheConfiguredNumberOfWorkingDaysAfterItOpens() {
        assertThat(new GateDeadline(10).dueFrom(at(4, 16))).isEqualTo(at(18, 16));
        assertThat(new GateDeadline(10).dueFrom(at(11, 16)))
                .as("over Christmas")
                .isEqualTo(at(28, 16));
        assertThat(new GateDeadline(1).dueFrom(at(11, 16))).isEqualTo(at(14, 16));
        assertThat(new GateDeadline(3).workingDays()).isEqualTo(3);
    }

    @Test
    void aGateDeadlineOfLessThanOneWorkingDayIsRefused() {
        assertThatThrownBy(() -> new GateDeadline(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("waarborg.gates.sla-working-days must be at least 1, not 0");
        assertThatThrownBy(() -> new GateDeadline(-2)).isInstanceOf(IllegalStateException.class);
    }
}
