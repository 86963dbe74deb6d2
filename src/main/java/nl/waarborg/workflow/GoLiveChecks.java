package nl.waarborg.workflow;

import nl.waarborg.engine.EngineUser;

import java.util.Map;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The go-live checks for high-risk AI used by a public body (tasks "go-live-…" in assessment-cycle): a check is done
 * only when its confirmation is given, and log retention is at least six months (AI Act Art. 26(6)). Task listener on
 * completion ({@code camunda:delegateExpression="${goLiveChecks}"}); a refusal leaves the task open (400).
 */
@Component("goLiveChecks")
public class GoLiveChecks implements TaskListener {

    public static final int MINIMUM_LOG_MONTHS = 6;

    /** Task id → the confirmation field of its form. */
    public static final Map<String, String> CONFIRMATIONS = Map.of(
            "go-live-eu-database", "euDatabaseRegistered",
            "go-live-fria-notification", "friaNotified",
            "go-live-algorithm-register", "registerEntryPublished",
            "go-live-persons-informed", "personsInformed",
            "go-live-log-retention", "logsRetained");

    private final AuditTrail audit;

    public GoLiveChecks(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        String confirmation = CONFIRMATIONS.get(task.getTaskDefinitionKey());
        if (confirmation == null) {
            throw new IllegalStateException("goLiveChecks is attached to " + task.getTaskDefinitionKey() + ", which is no go-live check");
        }
        if (!Boolean.TRUE.equals(task.getVariable(confirmation))) {
            throw new InvalidInputException(confirmation, "Field '" + confirmation + "' must be confirmed before the system goes live.");
        }
        if ("go-live-log-retention".equals(task.getTaskDefinitionKey())) {
            Object months = task.getVariable("logRetentionMonths");
            if (!(months instanceof Number n) || n.intValue() < MINIMUM_LOG_MONTHS) {
                throw new InvalidInputException("logRetentionMonths", "Field 'logRetentionMonths' must be at least " + MINIMUM_LOG_MONTHS + " (AI-verordening art. 26 lid 6).");
            }
        }
        audit.record("GO_LIVE_CHECK_DONE", EngineUser.of(task), task.getExecution().getProcessBusinessKey(),
                Map.of("check", task.getTaskDefinitionKey()));
    }
}
