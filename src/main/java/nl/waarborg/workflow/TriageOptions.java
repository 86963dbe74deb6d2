package nl.waarborg.workflow;

import java.util.HashMap;
import java.util.Map;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.TriageChoices;
import nl.waarborg.assessment.TriageChoices.Option;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Process triage-outcome, gateways "Uitzondering art. 6 lid 3?" and "Aanbevolen beoordelingen?" (start): what the
 * triage outcome in force leaves to the privacy officer and the owner, as the variables the gateways read
 * ({@link TriageChoices}, ADR 0030). Required assessments run; recommended ones run once the owner starts them.
 */
@Component("triageOptions")
public class TriageOptions implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Map<String, Object> outcome = new HashMap<>();
        TriageRecorder.OUTCOME.forEach(name -> outcome.put(name, execution.getVariable(name)));
        execution.setVariable(ProcessVariables.EXCEPTION_APPLIED, TriageChoices.exceptionApplied(outcome));
        for (AssessmentType type : AssessmentType.values()) {
            Option option = TriageChoices.option(type, outcome).orElse(Option.RUN); // unknown: the strict answer
            String prefix = type.name().toLowerCase();
            execution.setVariable(prefix + "Choosable", option == Option.CHOOSE);
            execution.setVariable(prefix + "Runs", option == Option.RUN);
        }
    }
}
