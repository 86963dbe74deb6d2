package nl.waarborg.workflow;

import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.workflow.rules.GoLiveRequirements;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The go-live checks for high-risk AI used by a public body (tasks "go-live-…" in assessment-cycle; the rule is
 * {@link GoLiveRequirements}). Task listener on completion ({@code camunda:delegateExpression="${goLiveChecks}"});
 * a refusal leaves the task open (400).
 */
@Component("goLiveChecks")
public class GoLiveChecks implements TaskListener {

    private final AuditTrail audit;

    public GoLiveChecks(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        GoLiveRequirements.problem(task.getTaskDefinitionKey(), task::getVariable)
                .ifPresent(problem -> {
                    throw new InvalidInputException(problem.field(), problem.message());
                });
        audit.record(
                AuditAction.GO_LIVE_CHECK_DONE,
                EngineUser.of(task),
                task.getExecution().getProcessBusinessKey(),
                Map.of("check", task.getTaskDefinitionKey()));
    }
}
