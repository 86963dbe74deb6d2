package nl.waarborg.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.ActionPoint;
import nl.waarborg.assessment.ActionPoints;
import nl.waarborg.assessment.GoLiveDuties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Start of Implement: the open action points of the versions approved in this round become the tasks to do, and the
 * round's Art. 50 and provider duties the go-live duties ({@link GoLiveDuties}).
 */
@Component("implementationPreparer")
public class ImplementationPreparer implements JavaDelegate {

    private final ActionPoints actionPoints;

    public ImplementationPreparer(ActionPoints actionPoints) {
        this.actionPoints = actionPoints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object round = execution.getVariable(ProcessVariables.ROUND);
        List<String> ids =
                new ArrayList<>(actionPoints
                        .openActionPoints(
                                execution.getProcessBusinessKey(), round instanceof Number n ? n.intValue() : 1)
                        .stream()
                        .map(ActionPoint::id)
                        .toList());
        // JSON, not Java serialization: the engine refuses the latter by default and clients can read it.
        execution.setVariable(
                ProcessVariables.ACTION_POINT_IDS,
                Variables.objectValue(ids)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create());
        if (!execution.hasVariable(ProcessVariables.HIGH_RISK_AI)) {
            execution.setVariable(ProcessVariables.HIGH_RISK_AI, false);
        }
        // A round decided before the triage named registration and FRIA (issue 16): the strict go-live checks.
        if (!execution.hasVariable(ProcessVariables.EU_REGISTRATION)) {
            execution.setVariable(ProcessVariables.EU_REGISTRATION, "EU");
        }
        if (!execution.hasVariable(ProcessVariables.FRIA_REQUIRED)) {
            execution.setVariable(ProcessVariables.FRIA_REQUIRED, true);
        }
        if (!execution.hasVariable(ProcessVariables.AI_ACT_ROLE)) {
            execution.setVariable(ProcessVariables.AI_ACT_ROLE, "PROVIDER_AND_DEPLOYER");
        }
        // The Art. 50 and provider duties of the round's triage: one instance of the task go-live-duty each (ADR 0031).
        Map<String, Object> outcome = new HashMap<>();
        TriageRecorder.OUTCOME.forEach(name -> outcome.put(name, execution.getVariable(name)));
        // A recommended DPIA that the owner started counts for Art. 26(9) as a required one (ADR 0043).
        outcome.put(ProcessVariables.DPIA_RUNS, execution.getVariable(ProcessVariables.DPIA_RUNS));
        execution.setVariable(
                ProcessVariables.GO_LIVE_DUTIES,
                Variables.objectValue(new ArrayList<>(GoLiveDuties.duties(outcome).stream()
                                .map(GoLiveDuties.Duty::code)
                                .toList()))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create());
    }
}
