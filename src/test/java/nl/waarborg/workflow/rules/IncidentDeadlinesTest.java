package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.waarborg.workflow.rules.IncidentDeadlines.BreachRisk;
import nl.waarborg.workflow.rules.IncidentDeadlines.Deadline;
import nl.waarborg.workflow.rules.IncidentDeadlines.Notification;
import nl.waarborg.workflow.rules.IncidentDeadlines.Seriousness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentDeadlinesTest {

    static final Instant AWARE = Instant.parse("2026-03-27T10:00:00Z");

    static Deadline only(List<Deadline> due, Notification n) {
        return due.stream().filter(d -> d.notification() == n).findFirst().orElseThrow();
    }

    @Test
    void anIncidentThatIsNeitherSeriousNorABreachNeedsNoNotification() {
        assertThat(IncidentDeadlines.of(Seriousness.NONE, BreachRisk.NO_BREACH, AWARE))
                .isEmpty();
        assertThat(IncidentDeadlines.of(Seriousness.NONE, BreachRisk.UNLIKELY, AWARE))
                .as("Art. 33(1): a breach unlikely to result in a risk is documented, not notified")
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"SERIOUS, 15", "DEATH, 10", "WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE, 2"})
    void aSeriousIncidentGoesToTheProviderAtOnceAndToTheAuthorityWithinTheArt73Period(Seriousness kind, int days) {
        List<Deadline> due = IncidentDeadlines.of(kind, BreachRisk.NO_BREACH, AWARE);
        assertThat(due)
                .extracting(Deadline::notification)
                .containsExactly(Notification.PROVIDER, Notification.AUTHORITY);
        assertThat(only(due, Notification.PROVIDER).dueAt()).isEqualTo(AWARE.plus(Duration.ofHours(24)));
        Deadline authority = only(due, Notification.AUTHORITY);
        assertThat(authority.dueAt()).isEqualTo(AWARE.plus(Duration.ofDays(days)));
        assertThat(authority.escalateAt())
                .as("escalated when three quarters of the period have passed")
                .isEqualTo(AWARE.plus(Duration.ofDays(days).multipliedBy(3).dividedBy(4)));
    }

    @Test
    void aBreachWithRiskGoesToTheDpaWithin72HoursAndAHighRiskAlsoToTheDataSubjects() {
        List<Deadline> risk = IncidentDeadlines.of(Seriousness.NONE, BreachRisk.RISK, AWARE);
        assertThat(risk).extracting(Deadline::notification).containsExactly(Notification.DPA);
        assertThat(risk.get(0).dueAt()).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
        assertThat(risk.get(0).escalateAt()).isEqualTo(Instant.parse("2026-03-29T16:00:00Z"));

        List<Deadline> high = IncidentDeadlines.of(Seriousness.NONE, BreachRisk.HIGH_RISK, AWARE);
        assertThat(high)
                .extracting(Deadline::notification)
                .containsExactly(Notification.DPA, Notification.DATA_SUBJECTS);
    }

    @Test
    void aSeriousIncidentThatIsAlsoABreachNeedsAllNotifications() {
        assertThat(IncidentDeadlines.of(Seriousness.DEATH, BreachRisk.HIGH_RISK, AWARE))
                .extracting(Deadline::notification)
                .containsExactly(
                        Notification.PROVIDER, Notification.AUTHORITY, Notification.DPA, Notification.DATA_SUBJECTS);
    }

    @Test
    void deadlinesAreCalendarTimeAcrossWeekendsAndDaylightSaving() {
        // Friday 27 March 2026 10:00 UTC; the clocks go forward on Sunday 29 March. 72 hours are 72 hours.
        Deadline dpa =
                IncidentDeadlines.of(Seriousness.NONE, BreachRisk.RISK, AWARE).get(0);
        assertThat(Duration.between(AWARE, dpa.dueAt())).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aNotificationAfterItsDeadlineIsLate() {
        Instant due = AWARE.plus(Duration.ofHours(72));
        assertThat(IncidentDeadlines.late(due, due)).isFalse();
        assertThat(IncidentDeadlines.late(due, due.plusSeconds(1))).isTrue();
    }

    @Test
    void eachNotificationNamesItsVariablesAndItsArticle() {
        assertThat(List.of(Notification.values()))
                .extracting(Notification::prefix, Notification::legalBasis)
                .containsExactly(
                        tuple("provider", "AI Act art. 26(5)"),
                        tuple("authority", "AI Act art. 26(5), 73"),
                        tuple("dpa", "AVG art. 33"),
                        tuple("dataSubjects", "AVG art. 34"));
    }
}
