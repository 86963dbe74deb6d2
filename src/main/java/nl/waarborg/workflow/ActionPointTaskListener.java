package nl.waarborg.workflow;

import java.time.ZoneId;
import java.util.Date;
import nl.waarborg.assessment.ActionPoint;
import nl.waarborg.assessment.ActionPoints;
import nl.waarborg.engine.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A task per action point: it shows what, who and when, and completing it marks the action point done. */
@Component("actionPointTaskListener")
public class ActionPointTaskListener implements TaskListener {

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
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            actionPoints.completeActionPoint(id.toString(), EngineUser.of(task));
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
