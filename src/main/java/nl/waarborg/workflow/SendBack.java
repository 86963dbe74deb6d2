package nl.waarborg.workflow;

import java.util.Arrays;
import java.util.List;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Routing of a SENT_BACK decision to the parts the reviewer named in {@code sendBackTo}. Used by iama.bpmn and dpia.bpmn:
 * {@code ${sendBack.check(task, 'iama-part-1,...')}} on gate completion (before gateTaskListener), the rework gateway's
 * conditions {@code ${sendBack.includes(execution, 'iama-part-1')}}, and {@code ${sendBack.clear(execution)}} after rework.
 */
@Component("sendBack")
public class SendBack {

    /** Refuses (400, the task stays open) a send-back that names no part or a part this assessment does not have. */
    public void check(DelegateTask task, String allowedParts) {
        if (!"SENT_BACK".equals(String.valueOf(task.getVariable(ProcessVariables.DECISION)).trim())) {
            return;
        }
        List<String> allowed = Arrays.stream(allowedParts.split(",")).map(String::trim).toList();
        List<String> named = GateTaskListener.stringList(task.getVariable(ProcessVariables.SEND_BACK_TO));
        if (named.isEmpty()) {
            throw new InvalidInputException(ProcessVariables.SEND_BACK_TO, "Field 'sendBackTo' must name at least one part to rework with SENT_BACK.");
        }
        List<String> unknown = named.stream().filter(n -> !allowed.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(ProcessVariables.SEND_BACK_TO, "Field 'sendBackTo' names " + unknown + ", which are not parts of this assessment; choose from "
                    + allowed + ".");
        }
    }

    public boolean includes(DelegateExecution execution, String part) {
        return GateTaskListener.stringList(execution.getVariable(ProcessVariables.SEND_BACK_TO)).contains(part);
    }

    public void clear(DelegateExecution execution) {
        execution.removeVariable(ProcessVariables.SEND_BACK_TO);
    }
}
