package nl.waarborg.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After the triage decision: the outcome is kept with the round, and the publication category goes into the register. */
@Component("triageRecorder")
public class TriageRecorder implements ExecutionListener {

    static final List<String> OUTCOME = List.of(
            ProcessVariables.TRIAGE_STOP,
            ProcessVariables.TRIAGE_STOP_REASON,
            ProcessVariables.IAMA_REQUIRED,
            ProcessVariables.DPIA_REQUIRED,
            ProcessVariables.DPIA_RECOMMENDED,
            ProcessVariables.PUBLICATION_CATEGORY,
            ProcessVariables.HIGH_RISK_AI);

    private final SystemRegistry systems;
    private final TriageRecords triageService;

    public TriageRecorder(SystemRegistry systems, TriageRecords triageService) {
        this.systems = systems;
        this.triageService = triageService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        OUTCOME.forEach(name -> outcome.put(name, execution.getVariable(name)));
        Object round = execution.getVariable(ProcessVariables.ROUND);
        triageService.recordTriageOutcome(
                execution.getProcessBusinessKey(), round instanceof Number n ? n.intValue() : 1, outcome);
        Object category = execution.getVariable(ProcessVariables.PUBLICATION_CATEGORY);
        if (category != null) {
            systems.setPublicationCategory(execution.getProcessBusinessKey(), category.toString());
        }
    }
}
