package nl.waarborg.workflow;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentReads.VersionKey;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.Decision;
import nl.waarborg.assessment.DecisionGovernance;
import nl.waarborg.assessment.DecisionRecords;
import nl.waarborg.assessment.Gate;
import nl.waarborg.assessment.GateDecisionRequest;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.engine.VariableValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The gates (privacy officer, ethics committee, alderman). On create: due date and version in review.
 * On complete: a send-back is checked against the parts this gate can send back (SendBack), then the decision is
 * checked and recorded by AssessmentService, whichever client completed the task;
 * a refusal throws, so the task stays open and nothing is saved. The outcome goes into the gate's own variables
 * ({@code <gate>Decision}, {@code <gate>Motivation}, {@code <gate>Conditions} when there are conditions) and the form
 * fields are cleared, so the next gate's form starts empty.
 */
@Component("gateTaskListener")
public class GateTaskListener implements TaskListener {

    private final AssessmentService assessments;

    private final AssessmentReads reads;
    private final GateServiceLevel serviceLevel;
    private final SendBack sendBack;
    private final DecisionRecords decisionRecords;

    public GateTaskListener(
            AssessmentService assessments,
            AssessmentReads reads,
            GateServiceLevel serviceLevel,
            SendBack sendBack,
            DecisionRecords decisionRecords) {
        this.decisionRecords = decisionRecords;
        this.assessments = assessments;
        this.reads = reads;
        this.serviceLevel = serviceLevel;
        this.sendBack = sendBack;
    }

    @Override
    public void notify(DelegateTask task) {
        Gate gate = Gate.ofTask(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException(
                        "gateTaskListener is attached to " + task.getTaskDefinitionKey() + ", which is not a gate"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (task.getDueDate() == null) {
                task.setDueDate(serviceLevel.dueDate());
            }
            VersionKey version = version(task);
            assessments.markInReview(version.assessmentId(), version.number());
            if (!gate.advisory()) {
                // The alderman's form starts with a row per condition of the advice and per residual risk (ADR 0035).
                decisionRecords
                        .formRows(version.assessmentId(), version.number())
                        .forEach(
                                (name, rows) -> task.getExecution().setVariable(name, VariableValues.toVariable(rows)));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, gate);
        }
    }

    private void complete(DelegateTask task, Gate gate) {
        sendBack.check(task);
        String user = EngineUser.of(task);
        GroupMembers.require(task, gate.candidateGroup(), gate.dutchName(), user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new GateHeldException(task.getId(), task.getAssignee(), user);
        }
        List<String> sendBackTo = stringList(task.getVariable(ProcessVariables.SEND_BACK_TO));
        String conditions = gate.advisory()
                ? text(task, ProcessVariables.CONDITIONS)
                : DecisionGovernance.conditionsText(
                        text(task, ProcessVariables.CONDITIONS),
                        list(task.getVariable(ProcessVariables.OWN_CONDITION_ACTIONS)));
        GateDecisionRequest request = new GateDecisionRequest(
                gate.taskId(),
                gate.advisory(),
                text(task, ProcessVariables.DECISION),
                text(task, ProcessVariables.MOTIVATION),
                conditions,
                text(task, ProcessVariables.DEVIATION_MOTIVATION),
                sendBackTo,
                user,
                task.getId());
        DecisionGovernance governance = gate.advisory() ? DecisionGovernance.NONE : governance(task, user, request);
        VersionKey version = version(task);
        assessments.decide(version.assessmentId(), version.number(), request, governance);
        String decision = request.decision().trim();
        String prefix =
                gate.outcomeVariable().substring(0, gate.outcomeVariable().length() - "Decision".length());
        task.getExecution().setVariable(gate.outcomeVariable(), decision);
        task.getExecution().setVariable(prefix + "Motivation", request.motivation());
        // Conditions exist only when given (mostly they are not): no empty variable per gate, and none left over from
        // an earlier decision on this gate. A form that shows them renders a missing variable as empty.
        if (request.conditions() == null || request.conditions().isBlank()) {
            task.getExecution().removeVariable(prefix + "Conditions");
        } else {
            task.getExecution().setVariable(prefix + "Conditions", request.conditions());
        }
        if (Decision.SENT_BACK.is(decision)) {
            task.getExecution()
                    .setVariable(ProcessVariables.REVIEW_REMARKS, gate.dutchName() + ": " + request.motivation());
        }
        for (String field : List.of(
                ProcessVariables.DECISION,
                ProcessVariables.MOTIVATION,
                ProcessVariables.CONDITIONS,
                ProcessVariables.DEVIATION_MOTIVATION)) {
            task.getExecution().removeVariable(field);
        }
        ProcessVariables.DECISION_GOVERNANCE.forEach(task.getExecution()::removeVariable);
    }

    /**
     * The alderman's governance fields as the task holds them. A decision for the mayor's own powers is taken only by a
     * member of the mayor's group (403 otherwise); the other rules are DecisionGovernanceRules, applied by decide.
     */
    private static DecisionGovernance governance(DelegateTask task, String user, GateDecisionRequest request) {
        String body = text(task, ProcessVariables.COMPETENT_BODY);
        if (!Decision.SENT_BACK.is(
                request.decision() == null ? "" : request.decision().trim())) {
            DecisionGovernance.requiredGroup(body)
                    .ifPresent(group -> GroupMembers.require(task, group, "als burgemeester", user));
        }
        return new DecisionGovernance(
                body,
                text(task, ProcessVariables.MANDATE_REFERENCE),
                list(task.getVariable(ProcessVariables.CONDITION_VERDICTS)),
                list(task.getVariable(ProcessVariables.RESIDUAL_RISK_ACCEPTANCES)),
                request.conditions(),
                list(task.getVariable(ProcessVariables.OWN_CONDITION_ACTIONS)));
    }

    private static List<?> list(Object value) {
        return VariableValues.toPlain(value) instanceof List<?> rows ? rows : null;
    }

    /** The version of the gate's own process instance; never a variable, which whoever works the task could set. */
    private VersionKey version(DelegateTask task) {
        return reads.versionOfProcess(task.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException(
                        "Gate " + task.getTaskDefinitionKey() + " runs outside an assessment version."));
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    static List<String> stringList(Object value) {
        Object plain = VariableValues.toPlain(value);
        List<String> result = new ArrayList<>();
        if (plain instanceof List<?> list) {
            list.stream().filter(v -> v != null && !v.toString().isBlank()).forEach(v -> result.add(v.toString()));
        } else if (plain instanceof String s && !s.isBlank()) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }
}
