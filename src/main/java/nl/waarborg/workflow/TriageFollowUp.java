package nl.waarborg.workflow;

import java.util.Map;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.TriageChoices;
import nl.waarborg.assessment.TriageChoices.Status;
import nl.waarborg.assessment.TriageChoices.Step;
import nl.waarborg.assessment.TriageDecisions;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The tasks of process triage-outcome (complete): the privacy officer's review of the Art. 6(3) exception, and the
 * owner's choice about a recommended assessment, the advice on a decline and the owner's decision after it. Each is
 * recorded by {@link TriageDecisions} (checked there against {@link TriageChoices}); a refusal leaves the task open
 * (400 naming the field, 403 for a non-member or a party of the round). The outcome becomes the variables the
 * gateways read (ADR 0030).
 */
@Component("triageFollowUp")
public class TriageFollowUp implements TaskListener {

    /** A task of the process: what it decides and its two form fields. */
    record TaskStep(String subject, Step step, String answerField, String textField) {}

    static final String REVIEW_TASK = "review-exception";

    static final Map<String, TaskStep> TASKS = Map.of(
            REVIEW_TASK,
            new TaskStep(TriageChoices.ART_6_3, Step.REVIEW, "exceptionReviewAnswer", "exceptionReviewMotivation"),
            "choose-dpia",
            new TaskStep("DPIA", Step.CHOICE, "dpiaChoice", "dpiaChoiceReasons"),
            "advise-dpia-decline",
            new TaskStep("DPIA", Step.ADVICE, "dpiaDeclineAdvice", "dpiaDeclineAdviceMotivation"),
            "decide-dpia-after-advice",
            new TaskStep("DPIA", Step.FINAL, "dpiaFinalChoice", "dpiaDeviationMotivation"),
            "choose-iama",
            new TaskStep("IAMA", Step.CHOICE, "iamaChoice", "iamaChoiceReasons"),
            "advise-iama-decline",
            new TaskStep("IAMA", Step.ADVICE, "iamaDeclineAdvice", "iamaDeclineAdviceMotivation"),
            "decide-iama-after-advice",
            new TaskStep("IAMA", Step.FINAL, "iamaFinalChoice", "iamaDeviationMotivation"));

    private final TriageDecisions decisions;

    public TriageFollowUp(TriageDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskStep step = TASKS.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException(
                    "triageFollowUp is attached to " + task.getTaskDefinitionKey() + ", which it does not know");
        }
        String user = EngineUser.of(task);
        if (step.step() == Step.ADVICE || step.step() == Step.REVIEW) {
            // The owner's steps are the team's content tasks (ADR 0016); advice and review only by members.
            GroupMembers.require(task, TriageChoices.groupOf(step.subject(), step.step()), task.getName(), user);
        }
        DelegateExecution execution = task.getExecution();
        String systemId = execution.getProcessBusinessKey();
        int round = ContentTaskListener.round(task);
        String answer = text(task, step.answerField());
        String reasons = text(task, step.textField());
        try {
            if (step.step() == Step.REVIEW) {
                decisions.recordReview(systemId, round, answer, reasons, user);
                execution.setVariable(ProcessVariables.EXCEPTION_REVIEW, answer.trim());
                execution.setVariable(
                        ProcessVariables.EXCEPTION_REJECTED, TriageChoices.DISAGREED.equals(answer.trim()));
                return;
            }
            AssessmentType type = AssessmentType.valueOf(step.subject());
            Status status = decisions.recordChoice(systemId, round, type, step.step(), answer, reasons, user);
            String prefix = type.name().toLowerCase();
            execution.setVariable(prefix + "Runs", status == Status.RUNS);
            execution.setVariable(prefix + "Declined", status == Status.AWAITING_ADVICE);
            execution.setVariable(prefix + "AdviceAgainst", status == Status.AWAITING_DECISION);
        } catch (TriageDecisions.Refused refused) {
            String field = refused.problem().part() == TriageChoices.Part.TEXT ? step.textField() : step.answerField();
            throw new InvalidInputException(field, "Field '" + field + "': " + refused.getMessage());
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
