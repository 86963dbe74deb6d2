package nl.waarborg.workflow;

import nl.waarborg.engine.VariableValues;
import nl.waarborg.workflow.rules.ResidualRiskLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether a DPIA leaves a high residual risk ({@link ResidualRiskLevel}), which requires prior consultation of the
 * Dutch DPA (GDPR Art. 36), or the privacy officer requires the consultation. Used by dpia.bpmn as {@code ${residualRisk.high(execution)}}.
 */
@Component("residualRisk")
public class ResidualRisk {

    public static final String RISKS = "sectionCRisks";
    public static final String MEASURES = "sectionDMeasures";
    /** The privacy officer's checkbox on the advice: consultation is required whatever section D says. */
    public static final String REQUIRED_BY_PRIVACY_OFFICER = "dpaConsultationRequired";

    /** Whether the DPA must be consulted: a high residual risk of sections C and D, or the privacy officer says so. */
    public boolean high(DelegateExecution execution) {
        return ResidualRiskLevel.consultationRequired(
                VariableValues.toPlain(execution.getVariable(RISKS)),
                VariableValues.toPlain(execution.getVariable(MEASURES)),
                Boolean.TRUE.equals(VariableValues.toPlain(execution.getVariable(REQUIRED_BY_PRIVACY_OFFICER))));
    }
}
