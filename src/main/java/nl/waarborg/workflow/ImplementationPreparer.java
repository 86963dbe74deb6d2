package nl.waarborg.workflow;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.assessment.ActionPoint;
import nl.waarborg.assessment.ActionPoints;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Start of Implement: the open action points of the versions approved in this round become the tasks to do. */
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
    }
}
