package nl.waarborg.workflow;

import nl.waarborg.engine.VariableValues;
import nl.waarborg.workflow.rules.ResidualRiskLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether a DPIA leaves a high residual risk ({@link ResidualRiskLevel}), which requires prior consultation of the
 * Dutch DPA (GDPR Art. 36). Used by dpia.bpmn as {@code ${residualRisk.high(execution)}}.
 */
@Component("residualRisk")
public class ResidualRisk {

    public static final String MEASURES = "sectionDMeasures";

    public boolean high(DelegateExecution execution) {
        return ResidualRiskLevel.high(VariableValues.toPlain(execution.getVariable(MEASURES)));
    }
}
