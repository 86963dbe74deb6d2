package nl.waarborg.workflow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.Decision;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * Routing of a SENT_BACK decision to the parts the reviewer named in {@code sendBackTo}. The parts come from the model
 * ({@link ReworkParts}): gateTaskListener checks the choice when a gate is completed, {@code routeRework} turns it into
 * the rework split's conditions and {@code finishRework} clears it after the rework (AssessmentDelegates).
 */
@Component("sendBack")
public class SendBack {

    /** Refuses (400, the task stays open) a send-back that names no part or a part this gate cannot send back. */
    public void check(DelegateTask task) {
        if (sentBack(task)) {
            check(task, ReworkParts.before((FlowNode) task.getBpmnModelElementInstance()));
        }
    }

    private static boolean sentBack(DelegateTask task) {
        return Decision.SENT_BACK.is(task.getVariable(ProcessVariables.DECISION));
    }

    private static void check(DelegateTask task, List<String> allowed) {
        List<String> named = GateTaskListener.stringList(task.getVariable(ProcessVariables.SEND_BACK_TO));
        if (named.isEmpty()) {
            throw new InvalidInputException(
                    ProcessVariables.SEND_BACK_TO,
                    "Field 'sendBackTo' must name at least one part to rework with SENT_BACK.");
        }
        List<String> unknown = named.stream().filter(n -> !allowed.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    ProcessVariables.SEND_BACK_TO,
                    "Field 'sendBackTo' names " + unknown + ", which are not parts of this assessment; choose from "
                            + allowed + ".");
        }
    }

    /** For each part the rework split (the current activity) leads to: whether the reviewer sent it back. */
    public Map<String, Boolean> rework(DelegateExecution execution) {
        List<String> named = GateTaskListener.stringList(execution.getVariable(ProcessVariables.SEND_BACK_TO));
        Map<String, Boolean> rework = new LinkedHashMap<>();
        for (String part : ReworkParts.after((FlowNode) execution.getBpmnModelElementInstance())) {
            rework.put(part, named.contains(part));
        }
        return rework;
    }

    public void clear(DelegateExecution execution) {
        execution.removeVariable(ProcessVariables.SEND_BACK_TO);
    }

    // Only for instances of iama/dpia versions deployed before issue 21, whose XML still calls these; remove once no
    // instance of those versions runs.

    /** {@code ${sendBack.check(task, 'iama-part-1,...')}} of the earlier models. */
    public void check(DelegateTask task, String allowedParts) {
        if (sentBack(task)) {
            check(task, Arrays.stream(allowedParts.split(",")).map(String::trim).toList());
        }
    }

    /** {@code ${sendBack.includes(execution, 'iama-part-1')}} of the earlier models. */
    public boolean includes(DelegateExecution execution, String part) {
        return GateTaskListener.stringList(execution.getVariable(ProcessVariables.SEND_BACK_TO))
                .contains(part);
    }
}
