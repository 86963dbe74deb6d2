package nl.waarborg.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the triage decision (end of the business rule task): the decision's outcome becomes the process variables,
 * is kept with the round, and the publication category goes into the register. A decision without a result (an
 * answer missing, the DMN fails closed) refuses the pre-scan: nothing is decided on an incomplete triage.
 */
@Component("triageRecorder")
public class TriageRecorder implements ExecutionListener {

    /** The outputs of the decision "triage" (bpmn/triage.dmn), stored with the round and set as variables. */
    public static final List<String> OUTCOME = List.of(
            ProcessVariables.TRIAGE_STOP,
            ProcessVariables.TRIAGE_STOP_REASON,
            ProcessVariables.AI_ACT_ROLE,
            "aiActClass",
            "aiActClassReason",
            "annexIiiPoint",
            ProcessVariables.FRIA_REQUIRED,
            ProcessVariables.TRANSPARENCY_DUTIES,
            ProcessVariables.ART50_DUTIES,
            ProcessVariables.EU_REGISTRATION,
            ProcessVariables.IAMA_ADVICE,
            "iamaReason",
            ProcessVariables.IAMA_REQUIRED,
            ProcessVariables.DPIA_ADVICE,
            "dpiaGround",
            ProcessVariables.DPIA_REQUIRED,
            ProcessVariables.DPIA_RECOMMENDED,
            ProcessVariables.PUBLICATION_CATEGORY,
            ProcessVariables.HIGH_RISK_AI,
            "impactfulAlgorithm",
            ProcessVariables.DPIA_REBUTTABLE,
            ProcessVariables.USED_AT_WORKPLACE,
            ProcessVariables.SIGNIFICANT_DECISIONS);

    private final SystemRegistry systems;
    private final TriageRecords triageService;

    public TriageRecorder(SystemRegistry systems, TriageRecords triageService) {
        this.systems = systems;
        this.triageService = triageService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object round = execution.getVariable(ProcessVariables.ROUND);
        // As kept with the round: a later round may recommend what an earlier round approved.
        Map<String, Object> outcome = triageService.recordTriageOutcome(
                execution.getProcessBusinessKey(),
                round instanceof Number n ? n.intValue() : 1,
                outcome(execution.getVariable(ProcessVariables.TRIAGE_RESULT)));
        outcome.forEach(execution::setVariable);
        Object category = outcome.get(ProcessVariables.PUBLICATION_CATEGORY);
        if (category != null) {
            systems.setPublicationCategory(execution.getProcessBusinessKey(), category.toString());
        }
    }

    /** The decision's outputs in {@link #OUTCOME} order; refuses a missing result or one without a stop answer. */
    static Map<String, Object> outcome(Object result) {
        if (!(result instanceof Map<?, ?> entries)
                || entries.isEmpty()
                || !(entries.get(ProcessVariables.TRIAGE_STOP) instanceof Boolean)) {
            throw new InvalidInputException(
                    null,
                    "The triage decision gave no outcome: an answer of the pre-scan is missing or not one of its"
                            + " choices. Nothing was decided; answer every question (\"UNKNOWN\" counts as the strict"
                            + " answer).");
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        OUTCOME.forEach(name -> outcome.put(name, entries.get(name)));
        return outcome;
    }
}
