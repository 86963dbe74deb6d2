package nl.waarborg.workflow;

import java.time.ZoneId;
import java.util.Date;
import nl.waarborg.assessment.ActionPoint;
import nl.waarborg.assessment.ActionPoints;
import nl.waarborg.engine.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A task per action point: it shows what, who and when, and completing it marks the action point done with what was
 * done and the evidence. The answer lives on the task's own execution (one per point in the multi-instance), never on
 * the process: another point, or the next round, starts empty instead of with this point's text (issue 18).
 */
@Component("actionPointTaskListener")
public class ActionPointTaskListener implements TaskListener {

    /** The form's fields: what was done, and where the evidence is. */
    static final String RESULT = "actionPointResult";

    static final String EVIDENCE = "actionPointEvidence";

    private final ActionPoints actionPoints;

    public ActionPointTaskListener(ActionPoints actionPoints) {
        this.actionPoints = actionPoints;
    }

    @Override
    public void notify(DelegateTask task) {
        Object id = task.getVariable(ProcessVariables.ACTION_POINT_ID);
        if (id == null) {
            throw new IllegalStateException(
                    "Action point task " + task.getTaskDefinitionKey() + " has no actionPointId.");
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ActionPoint point = actionPoints
                    .actionPoint(id.toString())
                    .orElseThrow(() -> new IllegalStateException("Unknown action point " + id));
            task.setName("Actiepunt: " + abbreviate(point.what(), 120));
            task.setDescription(point.what()
                    + (point.owner() == null ? "" : "\nEigenaar: " + point.owner())
                    + (point.dueDate() == null ? "" : "\nUiterlijk: " + point.dueDate()));
            if (point.dueDate() != null) {
                task.setDueDate(Date.from(point.dueDate()
                        .atStartOfDay(ZoneId.of("Europe/Amsterdam"))
                        .toInstant()));
            }
            task.setVariableLocal("actionPointWhat", point.what());
            task.setVariableLocal("actionPointOwner", point.owner());
            // Local to this point's execution: submit-form and complete write the answer there, not on the process.
            task.getExecution().setVariableLocal(RESULT, point.result());
            task.getExecution().setVariableLocal(EVIDENCE, point.evidence());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            actionPoints.completeActionPoint(
                    id.toString(),
                    EngineUser.of(task),
                    text(task.getVariable(RESULT)),
                    text(task.getVariable(EVIDENCE)));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
