package nl.waarborg.workflow;

import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentService.OpenedVersion;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.forms.RiskMatrix;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of an IAMA or DPIA process: opens the next version of that assessment and puts the answers of the last
 * approved version back into the process, so every form of the new round starts pre-filled.
 */
@Component("assessmentLifecycle")
public class AssessmentLifecycleListener implements ExecutionListener {

    private final AssessmentService assessments;

    public AssessmentLifecycleListener(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String systemId = execution.getProcessBusinessKey();
        AssessmentType type =
                AssessmentType.ofProcessKey(EngineAccess.processKeyOf(execution.getProcessDefinitionId()));
        Object round = execution.getVariable(ProcessVariables.ROUND);
        OpenedVersion version = assessments.openVersion(
                systemId,
                type,
                round instanceof Number n ? n.intValue() : 1,
                execution.getProcessInstanceId(),
                EngineUser.of(execution));
        execution.setVariable(ProcessVariables.ASSESSMENT_ID, version.assessmentId());
        execution.setVariable(ProcessVariables.VERSION_NUMBER, version.number());
        for (Object section : version.prefill().values()) {
            if (section instanceof Map<?, ?> fields) {
                // A carried-over risk gets the level its likelihood and impact give now (ADR 0046), not a hand-picked
                // one.
                fields.forEach((key, value) -> execution.setVariable(
                        key.toString(),
                        VariableValues.toVariable(
                                RiskMatrix.RISKS.equals(key) ? RiskMatrix.withLevels(value) : value)));
            }
        }
    }
}
