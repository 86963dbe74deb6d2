package nl.waarborg.workflow;

import nl.waarborg.engine.VariableValues;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether a DPIA leaves a high residual risk (section D: a measure whose residualRisk is HIGH), which requires prior
 * consultation of the Dutch DPA (GDPR Art. 36). Used by dpia.bpmn as {@code ${residualRisk.high(execution)}}.
 */
@Component("residualRisk")
public class ResidualRisk {

    public static final String MEASURES = "sectionDMeasures";

    public boolean high(DelegateExecution execution) {
        Object plain = VariableValues.toPlain(execution.getVariable(MEASURES));
        if (plain instanceof List<?> measures) {
            return measures.stream().anyMatch(m -> m instanceof Map<?, ?> map && "HIGH".equals(String.valueOf(map.get("residualRisk"))));
        }
        return false;
    }
}
