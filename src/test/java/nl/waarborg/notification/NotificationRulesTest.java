package nl.waarborg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.waarborg.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The plain rules of the notifications: retries, deadline notices in working days, the digest's pace, settings. */
class NotificationRulesTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestAndStopAtTheLastAttempt() {
        RetryBackoff backoff = new RetryBackoff(5, Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(backoff.after(1)).hasValue(Duration.ofMinutes(1));
        assertThat(backoff.after(2)).hasValue(Duration.ofMinutes(2));
        assertThat(backoff.after(3)).hasValue(Duration.ofMinutes(4));
        assertThat(backoff.after(4)).hasValue(Duration.ofMinutes(5));
        assertThat(backoff.after(5)).isEmpty();
        assertThat(new RetryBackoff(100, Duration.ofSeconds(1), Duration.ofHours(1)).after(99))
                .hasValue(Duration.ofHours(1));
    }

    @Test
    void aDeadlineApproachesFromTheGivenWorkingDaysBeforeItAndWeekendsDoNotCount() {
        // Due Monday 10:00; two working days before is Thursday 10:00.
        Instant due = ZonedDateTime.of(2026, 3, 9, 10, 0, 0, 0, AMSTERDAM).toInstant();
        ZonedDateTime thursday = ZonedDateTime.of(2026, 3, 5, 10, 0, 0, 0, AMSTERDAM);
        assertThat(DeadlineNotice.of(due, thursday.minusMinutes(1), 2)).isEmpty();
        assertThat(DeadlineNotice.of(due, thursday, 2)).hasValue(MailKind.DEADLINE_APPROACHING);
        assertThat(DeadlineNotice.of(due, thursday.plusDays(2), 2)).hasValue(MailKind.DEADLINE_APPROACHING);
        assertThat(DeadlineNotice.of(due, thursday.plusDays(3).plusHours(23), 2))
                .hasValue(MailKind.DEADLINE_APPROACHING);
        assertThat(DeadlineNotice.of(due, thursday.plusDays(4), 2))
                .as("exactly due")
                .hasValue(MailKind.DEADLINE_PASSED);
        assertThat(DeadlineNotice.of(due, thursday.plusDays(5), 2)).hasValue(MailKind.DEADLINE_PASSED);
        assertThat(DeadlineNotice.of(null, thursday, 2)).isEmpty();
    }

    @Test
    void incidentTasksGetNoApproachingMailBecauseTheirProcessEscalatesItselfButTheyStillGetThePassedOne() {
        Instant due = ZonedDateTime.of(2026, 3, 9, 10, 0, 0, 0, AMSTERDAM).toInstant();
        ZonedDateTime friday = ZonedDateTime.of(2026, 3, 6, 10, 0, 0, 0, AMSTERDAM);
        assertThat(DeadlineNotice.of(due, friday, 2, "incident")).isEmpty();
        assertThat(DeadlineNotice.of(due, friday, 2, "assessment-cycle")).hasValue(MailKind.DEADLINE_APPROACHING);
        assertThat(DeadlineNotice.of(due, friday, 2, null)).hasValue(MailKind.DEADLINE_APPROACHING);
        assertThat(DeadlineNotice.of(due, friday.plusDays(4), 2, "incident")).hasValue(MailKind.DEADLINE_PASSED);
    }

    @Test
    void publicHolidaysDoNotCountAsWorkingDaysBeforeADeadline() {
        // Due Tuesday 29 December 2026 10:00; Christmas (Friday 25th) does not count, so two working days before is
        // Thursday 24 December 10:00, not Friday.
        Instant due = ZonedDateTime.of(2026, 12, 29, 10, 0, 0, 0, AMSTERDAM).toInstant();
        ZonedDateTime christmasEve = ZonedDateTime.of(2026, 12, 24, 10, 0, 0, 0, AMSTERDAM);
        assertThat(DeadlineNotice.of(due, christmasEve.minusMinutes(1), 2)).isEmpty();
        assertThat(DeadlineNotice.of(due, christmasEve, 2)).hasValue(MailKind.DEADLINE_APPROACHING);
    }

    @Test
    void aDigestGoesOutAtMostOncePerInterval() {
        Instant last = Instant.parse("2026-03-05T10:00:00Z");
        Duration interval = Duration.ofMinutes(15);
        assertThat(Digests.due(null, last, interval)).isTrue();
        assertThat(Digests.due(last, last.plus(Duration.ofMinutes(14)), interval))
                .isFalse();
        assertThat(Digests.due(last, last.plus(interval), interval)).isTrue();
    }

    @Test
    void settingsNameTheMissingChoiceAndKnowTwoLanguages() {
        assertThat(NotificationSettings.DEFAULTS.validated()).isEqualTo(NotificationSettings.DEFAULTS);
        assertThatThrownBy(() -> new NotificationSettings("fr", true, true, true, true, true, true, true).validated())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("language");
        assertThatThrownBy(() -> new NotificationSettings("en", true, true, true, true, null, true, true).validated())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deadlinePassed");
        NotificationSettings noDecisions = new NotificationSettings("en", true, false, true, true, true, false, true);
        assertThat(noDecisions.wants(MailKind.DECISION)).isFalse();
        assertThat(noDecisions.wants(MailKind.SEND_BACK)).isTrue();
        assertThat(noDecisions.wants(MailKind.DIGEST)).isTrue();
    }
}
