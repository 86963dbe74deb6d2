package nl.waarborg.workflow.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.waarborg.assessment.GoLiveDuties;

/**
 * The go-live checks: those for high-risk AI used by a public body, and the Art. 50 and provider duties of
 * {@link GoLiveDuties} (ADR 0031). A check is done only when its confirmation is given, logs are kept at least six
 * months (AI Act Art. 26(6)), and workers are informed before use at the workplace, so not on a later date than the
 * check (Art. 26(7), ADR 0036).
 */
public final class GoLiveRequirements {

    public static final int MINIMUM_LOG_MONTHS = 6;
    public static final String LOG_RETENTION_TASK = "go-live-log-retention";
    public static final String LOG_RETENTION_MONTHS = "logRetentionMonths";
    public static final String WORKERS_TASK = "go-live-art26-7-workers";
    public static final String WORKERS_INFORMED_DATE = "workersInformedDate";
    /** The calendar that says which day "today" is for a date a user enters. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

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
        return problem(taskId, values, LocalDate.now(ZONE));
    }

    /** As {@link #problem(String, Function)}, on the given day. */
    public static Optional<FieldProblem> problem(String taskId, Function<String, Object> values, LocalDate today) {
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
        if (WORKERS_TASK.equals(taskId)) {
            LocalDate informed = dateOf(values.apply(WORKERS_INFORMED_DATE));
            if (informed == null || informed.isAfter(today)) {
                return Optional.of(new FieldProblem(
                        WORKERS_INFORMED_DATE,
                        "Field '" + WORKERS_INFORMED_DATE + "' must be a date not after today: workers are informed"
                                + " before the system is used at the workplace (AI-verordening art. 26 lid 7)."));
            }
        }
        return Optional.empty();
    }

    /** A date as a form or client gives it (an ISO date, possibly with a time, or a Date); null when it is none. */
    static LocalDate dateOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZONE).toLocalDate();
        }
        if (!(value instanceof String text)) {
            return null;
        }
        try { // a text shorter than a date fails here too
            return LocalDate.parse(text.substring(0, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
