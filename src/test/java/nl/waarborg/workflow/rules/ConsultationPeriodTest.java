package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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

    @Test
    void thePeriodRunsFromTheReceiptDateAsEntered() {
        LocalDate received = LocalDate.parse("2026-01-05");
        assertThat(gdpr.lastDay(received, false, 0)).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(gdpr.lastDay(received, true, 0)).isEqualTo(LocalDate.parse("2026-04-13"));
        // The period has run out at the end of its last day, Amsterdam time (CET in March, CEST in April).
        assertThat(gdpr.expires(received, false, 0)).isEqualTo(Instant.parse("2026-03-02T23:00:00Z"));
        assertThat(gdpr.expires(received, true, 0)).isEqualTo(Instant.parse("2026-04-13T22:00:00Z"));
    }

    @Test
    void aSuspensionAddsTheDaysTheDpaWaitedForInformation() {
        LocalDate received = LocalDate.parse("2026-01-05");
        long suspended = ConsultationPeriod.suspendedDays(LocalDate.parse("2026-01-20"), LocalDate.parse("2026-02-03"));
        assertThat(suspended).isEqualTo(14);
        assertThat(gdpr.lastDay(received, false, suspended)).isEqualTo(LocalDate.parse("2026-03-16"));
        assertThat(gdpr.lastDay(received, true, suspended)).isEqualTo(LocalDate.parse("2026-04-27"));
        assertThat(ConsultationPeriod.suspendedDays(LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-20")))
                .isZero();
        assertThatThrownBy(() ->
                        ConsultationPeriod.suspendedDays(LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-19")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gdpr.lastDay(received, false, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExtensionMustBeAnnouncedWithinAMonthOfTheReceipt() {
        LocalDate received = LocalDate.parse("2026-01-31");
        assertThat(ConsultationPeriod.extensionAnnouncedInTime(received, LocalDate.parse("2026-01-31")))
                .isTrue();
        assertThat(ConsultationPeriod.extensionAnnouncedInTime(received, LocalDate.parse("2026-02-28")))
                .as("one month after 31 January is 28 February")
                .isTrue();
        assertThat(ConsultationPeriod.extensionAnnouncedInTime(received, LocalDate.parse("2026-03-01")))
                .isFalse();
        assertThat(ConsultationPeriod.extensionAnnouncedInTime(received, LocalDate.parse("2026-01-30")))
                .as("before the receipt")
                .isFalse();
    }
}
