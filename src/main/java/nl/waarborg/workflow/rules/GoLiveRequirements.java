package nl.waarborg.workflow.rules;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.waarborg.assessment.GoLiveDuties;

/**
 * The go-live checks: those for high-risk AI used by a public body, and the Art. 50 and provider duties of
 * {@link GoLiveDuties} (ADR 0031). A check is done only when its confirmation is given, and logs are kept at least six
 * months (AI Act Art. 26(6)).
 */
public final class GoLiveRequirements {

    public static final int MINIMUM_LOG_MONTHS = 6;
    public static final String LOG_RETENTION_TASK = "go-live-log-retention";
    public static final String LOG_RETENTION_MONTHS = "logRetentionMonths";

    /** Task id → the confirmation field of its form. */
    public static final Map<String, String> CONFIRMATIONS = Map.of(
            "go-live-eu-database",
            "euDatabaseRegistered",
            "go-live-fria-notification",
            "friaNotified",
            "go-live-algorithm-register",
            "registerEntryPublished",
            "go-live-persons-informed",
            "personsInformed",
            LOG_RETENTION_TASK,
            "logsRetained");

    private GoLiveRequirements() {}

    /**
     * What keeps the go-live check {@code taskId} (a task id, or the code of a {@link GoLiveDuties.Duty}) from being
     * done, given the submitted values; empty when it is done.
     *
     * @throws IllegalStateException when {@code taskId} is no go-live check
     */
    public static Optional<FieldProblem> problem(String taskId, Function<String, Object> values) {
        String confirmation = CONFIRMATIONS.getOrDefault(
                taskId,
                GoLiveDuties.Duty.ofCode(taskId)
                        .map(GoLiveDuties.Duty::confirmation)
                        .orElse(null));
        if (confirmation == null) {
            throw new IllegalStateException("goLiveChecks is attached to " + taskId + ", which is no go-live check");
        }
        if (!Boolean.TRUE.equals(values.apply(confirmation))) {
            return Optional.of(new FieldProblem(
                    confirmation, "Field '" + confirmation + "' must be confirmed before the system goes live."));
        }
        if (LOG_RETENTION_TASK.equals(taskId)) {
            Object months = values.apply(LOG_RETENTION_MONTHS);
            if (!(months instanceof Number n) || n.intValue() < MINIMUM_LOG_MONTHS) {
                return Optional.of(new FieldProblem(
                        LOG_RETENTION_MONTHS,
                        "Field '" + LOG_RETENTION_MONTHS + "' must be at least " + MINIMUM_LOG_MONTHS
                                + " (AI-verordening art. 26 lid 6)."));
            }
        }
        return Optional.empty();
    }
}
