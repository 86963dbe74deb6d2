package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ConsultationPeriodTest {

    /** The defaults: eight weeks, extendable once by six (GDPR Art. 36(2)). */
    final ConsultationPeriod gdpr = ConsultationPeriod.of("P8W", "P6W");

    @Test
    void theAnswerIsDueEightWeeksAfterTheRequest() {
        assertThat(gdpr.period()).isEqualTo(Period.ofWeeks(8));
        assertThat(gdpr.due(Instant.parse("2026-01-05T10:00:00Z"), false))
                .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void anExtensionAddsSixWeeks() {
        assertThat(gdpr.extension()).isEqualTo(Period.ofWeeks(6));
        assertThat(gdpr.due(Instant.parse("2026-01-05T10:00:00Z"), true))
                .isEqualTo(Instant.parse("2026-04-13T09:00:00Z"));
    }

    @Test
    void periodsRunOnTheAmsterdamCalendar() {
        // Across the start of summer time (29 March 2026) the local time stays 11:00, so the instant is an hour
        // earlier.
        assertThat(gdpr.due(Instant.parse("2026-03-02T10:00:00Z"), false))
                .isEqualTo(Instant.parse("2026-04-27T09:00:00Z"));
        ConsultationPeriod months = ConsultationPeriod.of("P2M", "P1M");
        assertThat(months.due(Instant.parse("2026-01-31T12:00:00Z"), false))
                .isEqualTo(Instant.parse("2026-03-31T11:00:00Z"));
        assertThat(months.due(Instant.parse("2026-01-31T12:00:00Z"), true))
                .isEqualTo(Instant.parse("2026-04-30T11:00:00Z"));
    }

    @Test
    void thePeriodCanBeExtendedOnlyOnce() {
        assertThat(ConsultationPeriod.mayExtend(false)).isTrue();
        assertThat(ConsultationPeriod.mayExtend(true)).isFalse();
    }
}
