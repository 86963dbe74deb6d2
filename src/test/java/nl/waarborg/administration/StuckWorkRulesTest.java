package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.waarborg.administration.StuckWorkRefusedException.Reason;
import org.junit.jupiter.api.Test;

/** The plain rules of the stuck-work actions: a reason is required, a corrected due date is not in the past. */
class StuckWorkRulesTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final ZonedDateTime NOW = ZonedDateTime.of(2027, 3, 10, 23, 30, 0, 0, AMSTERDAM);

    static Reason refusal(Runnable rule) {
        try {
            rule.run();
        } catch (StuckWorkRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aReasonIsRequiredTrimmedAndLimited() {
        assertThat(StuckWorkRules.reason("  Verlof  ")).isEqualTo("Verlof");
        assertThat(refusal(() -> StuckWorkRules.reason(null))).isEqualTo(Reason.REASON_MISSING);
        assertThat(refusal(() -> StuckWorkRules.reason(" \n\t"))).isEqualTo(Reason.REASON_MISSING);
        String longest = "x".repeat(StuckWorkRules.MAX_REASON);
        assertThat(StuckWorkRules.reason(" " + longest + " ")).isEqualTo(longest);
        assertThat(refusal(() -> StuckWorkRules.reason(longest + "y"))).isEqualTo(Reason.REASON_TOO_LONG);
        assertThatThrownBy(() -> StuckWorkRules.reason(""))
                .isInstanceOf(StuckWorkRefusedException.class)
                .hasMessageContaining("'reason'");
    }

    @Test
    void aDueDateIsTodayOrLaterAndDueAtTheEndOfThatDay() {
        assertThat(StuckWorkRules.dueAt(LocalDate.of(2027, 3, 10), NOW))
                .isEqualTo(
                        ZonedDateTime.of(2027, 3, 10, 23, 59, 0, 0, AMSTERDAM).toInstant());
        assertThat(StuckWorkRules.dueAt(LocalDate.of(2027, 4, 1), NOW))
                .isEqualTo(ZonedDateTime.of(2027, 4, 1, 23, 59, 0, 0, AMSTERDAM).toInstant());
        assertThat(refusal(() -> StuckWorkRules.dueAt(LocalDate.of(2027, 3, 9), NOW)))
                .isEqualTo(Reason.DUE_DATE_IN_PAST);
        assertThat(refusal(() -> StuckWorkRules.dueAt(null, NOW))).isEqualTo(Reason.DUE_DATE_MISSING);
    }

    @Test
    void eachRefusalNamesItsFieldAndStatus() {
        StuckWorkRefusedException reason = new StuckWorkRefusedException(Reason.REASON_MISSING, "x");
        assertThat(reason.field()).isEqualTo("reason");
        assertThat(reason.getStatusCode().value()).isEqualTo(400);
        assertThat(new StuckWorkRefusedException(Reason.SEGREGATION_OF_DUTIES, "x")
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(new StuckWorkRefusedException(Reason.DUE_DATE_IN_PAST, "x").field())
                .isEqualTo("dueDate");
    }
}
