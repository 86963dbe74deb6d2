package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
    void publicHolidaysAreNotKnownAndCountAsWorkingDays() {
        // A known gap, stated in WorkingDays: Christmas Day 2026 (a Friday) and King's Day 2027 (a Tuesday) count.
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2027, 4, 27))).isTrue();
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
        assertThat(WorkingDays.add(at(11, 16), 10)).as("Friday + 10").isEqualTo(at(25, 16));
    }

    @Test
    void aStartInTheWeekendCountsFromMonday() {
        assertThat(WorkingDays.add(at(12, 10), 1)).as("Saturday + 1").isEqualTo(at(14, 10));
        assertThat(WorkingDays.add(at(13, 10), 1)).as("Sunday + 1").isEqualTo(at(14, 10));
        assertThat(WorkingDays.add(at(13, 10), 10)).as("Sunday + 10").isEqualTo(at(25, 10));
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
        assertThat(new GateDeadline(10).dueFrom(at(11, 16))).isEqualTo(at(25, 16));
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
