package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aTaskThatIsNoGoLiveCheckIsAWiringError() {
        assertThatThrownBy(() -> check("alderman-decision"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("alderman-decision");
    }
}
