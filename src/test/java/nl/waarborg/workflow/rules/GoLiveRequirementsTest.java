package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoLiveRequirementsTest {

    static Optional<FieldProblem> check(String task, Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return GoLiveRequirements.problem(task, values::get);
    }

    @Test
    void eachCheckIsDoneOnlyWithItsConfirmation() {
        GoLiveRequirements.CONFIRMATIONS.forEach((task, confirmation) -> {
            Object months = GoLiveRequirements.LOG_RETENTION_TASK.equals(task) ? 12 : null;
            assertThat(check(task, confirmation, true, "logRetentionMonths", months))
                    .as(task)
                    .isEmpty();
            for (Object refused : new Object[] {false, null, "true"}) {
                assertThat(check(task, confirmation, refused, "logRetentionMonths", months))
                        .as(task + " with " + refused)
                        .contains(new FieldProblem(
                                confirmation,
                                "Field '" + confirmation + "' must be confirmed before the system goes live."));
            }
        });
    }

    @Test
    void theFiveChecksOfArticle26() {
        assertThat(GoLiveRequirements.CONFIRMATIONS)
                .containsOnlyKeys(
                        "go-live-eu-database",
                        "go-live-fria-notification",
                        "go-live-algorithm-register",
                        "go-live-persons-informed",
                        "go-live-log-retention");
    }

    @Test
    void logsAreKeptAtLeastSixMonths() {
        FieldProblem tooShort = new FieldProblem(
                "logRetentionMonths", "Field 'logRetentionMonths' must be at least 6 (AI-verordening art. 26 lid 6).");
        assertThat(check("go-live-log-retention", "logsRetained", true, "logRetentionMonths", 5))
                .contains(tooShort);
        assertThat(check("go-live-log-retention", "logsRetained", true, "logRetentionMonths", 0))
                .contains(tooShort);
        assertThat(check("go-live-log-retention", "logsRetained", true))
                .as("no months")
                .contains(tooShort);
        assertThat(check("go-live-log-retention", "logsRetained", true, "logRetentionMonths", "12"))
                .as("text")
                .contains(tooShort);
        assertThat(check("go-live-log-retention", "logsRetained", true, "logRetentionMonths", 6))
                .isEmpty();
        assertThat(check("go-live-log-retention", "logsRetained", true, "logRetentionMonths", 6L))
                .isEmpty();
        assertThat(check("go-live-log-retention", "logsRetained", true, "logRetentionMonths", 24.0))
                .isEmpty();
    }

    @Test
    void theConfirmationIsCheckedBeforeTheMonths() {
        assertThat(check("go-live-log-retention", "logsRetained", false, "logRetentionMonths", 3))
                .map(FieldProblem::field)
                .contains("logsRetained");
    }

    @Test
    void otherChecksAskNoMonths() {
        assertThat(check("go-live-eu-database", "euDatabaseRegistered", true, "logRetentionMonths", 1))
                .isEmpty();
    }

    static Optional<FieldProblem> workers(Object date) {
        Map<String, Object> values = new HashMap<>();
        values.put("workersInformed", true);
        values.put("workersInformedDate", date);
        return GoLiveRequirements.problem("go-live-art26-7-workers", values::get, LocalDate.of(2027, 3, 10));
    }

    @Test
    void workersAreInformedBeforeUseAtTheWorkplace() {
        FieldProblem late = new FieldProblem(
                "workersInformedDate",
                "Field 'workersInformedDate' must be a date not after today: workers are informed before the system"
                        + " is used at the workplace (AI-verordening art. 26 lid 7).");
        assertThat(workers("2027-03-10")).as("today").isEmpty();
        assertThat(workers("2027-03-09")).isEmpty();
        assertThat(workers("2027-03-10T23:00:00+01:00")).as("with a time").isEmpty();
        assertThat(workers("2027-03-11")).as("tomorrow").contains(late);
        assertThat(workers(null)).contains(late);
        assertThat(workers("morgen")).contains(late);
        assertThat(workers("2027-02-30")).as("no such day").contains(late);
        assertThat(workers("2027-3-1")).as("too short").contains(late);
        assertThat(workers(42)).contains(late);
        ZoneId zone = GoLiveRequirements.ZONE;
        assertThat(workers(Date.from(
                        ZonedDateTime.of(2027, 3, 10, 23, 30, 0, 0, zone).toInstant())))
                .as("a Date late on the day, in the municipality's time zone")
                .isEmpty();
        assertThat(workers(Date.from(
                        ZonedDateTime.of(2027, 3, 11, 0, 30, 0, 0, zone).toInstant())))
                .contains(late);
    }

    @Test
    void theWorkersCheckAsksItsConfirmationFirstAndOtherDutiesNoDate() {
        Map<String, Object> values = new HashMap<>();
        values.put("workersInformed", false);
        values.put("workersInformedDate", "2099-01-01");
        assertThat(GoLiveRequirements.problem("go-live-art26-7-workers", values::get))
                .map(FieldProblem::field)
                .contains("workersInformed");
        values.put("workersInformed", true);
        assertThat(GoLiveRequirements.problem("go-live-art26-7-workers", values::get))
                .as("today is before 2099")
                .map(FieldProblem::field)
                .contains("workersInformedDate");
        assertThat(check(
                        "go-live-art26-1-instructions",
                        "instructionsFollowed",
                        true,
                        "workersInformedDate",
                        "2099-01-01"))
                .isEmpty();
        assertThat(check("go-live-art86-explanation", "explanationProcedureInPlace", false))
                .map(FieldProblem::field)
                .contains("explanationProcedureInPlace");
    }

    @Test
    void aTaskThatIsNoGoLiveCheckIsAWiringError() {
        assertThatThrownBy(() -> check("alderman-decision"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("alderman-decision");
    }
}
