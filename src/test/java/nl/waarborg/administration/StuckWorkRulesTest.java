package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.waarborg.administration.AdministrationRefusal.Code;
import org.junit.jupiter.api.Test;

/** The plain rule of the due-date correction: not in the past; and the refusals name their field and status. */
class StuckWorkRulesTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final ZonedDateTime NOW = ZonedDateTime.of(2027, 3, 10, 23, 30, 0, 0, AMSTERDAM);

    static Code refusal(Runnable rule) {
        try {
            rule.run();
        } catch (AdministrationRefusal e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aDueDateIsTodayOrLaterAndDueAtTheEndOfThatDay() {
        assertThat(StuckWorkRules.dueAt(LocalDate.of(2027, 3, 10), NOW))
                .isEqualTo(
                        ZonedDateTime.of(2027, 3, 10, 23, 59, 0, 0, AMSTERDAM).toInstant());
        assertThat(StuckWorkRules.dueAt(LocalDate.of(2027, 4, 1), NOW))
                .isEqualTo(ZonedDateTime.of(2027, 4, 1, 23, 59, 0, 0, AMSTERDAM).toInstant());
        assertThat(refusal(() -> StuckWorkRules.dueAt(LocalDate.of(2027, 3, 9), NOW)))
                .isEqualTo(Code.DUE_DATE_IN_PAST);
        assertThat(refusal(() -> StuckWorkRules.dueAt(null, NOW))).isEqualTo(Code.DUE_DATE_MISSING);
    }

    @Test
    void aDueDateLiesAtMostAYearAhead() {
        assertThat(StuckWorkRules.dueAt(LocalDate.of(2028, 3, 10), NOW))
                .isEqualTo(
                        ZonedDateTime.of(2028, 3, 10, 23, 59, 0, 0, AMSTERDAM).toInstant());
        assertThat(refusal(() -> StuckWorkRules.dueAt(LocalDate.of(2028, 3, 11), NOW)))
                .isEqualTo(Code.DUE_DATE_TOO_FAR);
        assertThat(refusal(() -> StuckWorkRules.dueAt(LocalDate.of(2127, 3, 10), NOW)))
                .isEqualTo(Code.DUE_DATE_TOO_FAR);
        assertThat(refusal(() -> StuckWorkRules.dueAt(LocalDate.MAX, NOW))).isEqualTo(Code.DUE_DATE_TOO_FAR);
    }

    @Test
    void eachRefusalNamesItsFieldAndStatus() {
        AdministrationRefusal reason = new AdministrationRefusal(Code.REASON_REQUIRED, "x");
        assertThat(reason.field()).isEqualTo("reason");
        assertThat(reason.getStatusCode().value()).isEqualTo(400);
        assertThat(new AdministrationRefusal(Code.SEGREGATION_OF_DUTIES, "x")
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(new AdministrationRefusal(Code.DUE_DATE_IN_PAST, "x").field())
                .isEqualTo("dueDate");
    }
}
