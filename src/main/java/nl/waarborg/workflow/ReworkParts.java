package nl.waarborg.workflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Which parts of an assessment can be sent back, read from the process model itself rather than from a list in the
 * XML. A part is the form id of a content task; it can be reworked when the model has a task {@code rework-<form id>}
 * (see docs/process-contract.md), and a gate can send back the parts whose tasks precede it.
 */
public final class ReworkParts {

    static final String REWORK_TASK_PREFIX = "rework-";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private ReworkParts() {}

    /** The parts a reviewer at this gate may send back, in the order of the model. */
    public static List<String> before(FlowNode gate) {
        Set<FlowNode> preceding = preceding(gate);
        Set<String> reworkable = new HashSet<>();
        List<UserTask> tasks = List.copyOf(gate.getModelInstance().getModelElementsByType(UserTask.class));
        for (UserTask task : tasks) {
            if (task.getId().equals(REWORK_TASK_PREFIX + formId(task))) {
                reworkable.add(formId(task));
            }
        }
        return tasks.stream()
                .filter(preceding::contains)
                .map(ReworkParts::formId)
                .filter(reworkable::contains)
                .distinct()
                .toList();
    }

    /** The parts a rework split leads to: the form ids of the tasks its outgoing flows enter, in the order of the model. */
    public static List<String> after(FlowNode split) {
        return split.getOutgoing().stream()
                .map(SequenceFlow::getTarget)
                .filter(UserTask.class::isInstance)
                .map(ReworkParts::formId)
                .toList();
    }

    private static Set<FlowNode> preceding(FlowNode node) {
        Set<FlowNode> seen = new HashSet<>();
        Deque<FlowNode> open = new ArrayDeque<>(List.of(node));
        while (!open.isEmpty()) {
            for (SequenceFlow flow : open.pop().getIncoming()) {
                if (seen.add(flow.getSource())) {
                    open.push(flow.getSource());
                }
            }
        }
        return seen;
    }

    private static String formId(FlowNode task) {
        return task.getAttributeValueNs(CAMUNDA_NS, "formRef");
    }
}
