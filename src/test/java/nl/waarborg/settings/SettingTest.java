package nl.waarborg.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The check of a setting's value: the plain form when it fits, else an IllegalArgumentException naming the setting. */
class SettingTest {

    @Test
    void workingDaysAreAWholeNumberInRange() {
        assertThat(Setting.GATE_SLA_WORKING_DAYS.check(" 15 ")).isEqualTo("15");
        for (String value :
                new String[] {null, "", "0", "-5", "61", "1000000000", "99999999999999999999", "1e3", "15.5"}) {
            assertThatThrownBy(() -> Setting.GATE_SLA_WORKING_DAYS.check(value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gateSlaWorkingDays");
        }
    }

    @Test
    void aPeriodIsWholeMonthsInRangeAndAnOverflowIsRefusedLikeAnyOtherValue() {
        assertThat(Setting.REVIEW_INTERVAL_A.check("p18m")).isEqualTo("P1Y6M");
        for (String value : new String[] {"P0M", "-P1Y", "P10D", "P6Y", "P2147483647Y2147483647M", "P2147483647M"}) {
            assertThatThrownBy(() -> Setting.REVIEW_INTERVAL_A.check(value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reviewIntervalA");
        }
    }
}
