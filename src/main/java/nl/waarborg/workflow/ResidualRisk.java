package nl.waarborg.workflow;

import java.util.Map;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.forms.RiskMatrix;
import nl.waarborg.forms.RiskReferences;
import nl.waarborg.forms.SavedSections;
import nl.waarborg.workflow.rules.ResidualRiskLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether a DPIA leaves a high residual risk ({@link ResidualRiskLevel}), which requires prior consultation of the
 * Dutch DPA (GDPR Art. 36), or the privacy officer requires the consultation. Sections C and D are read from the
 * version the process works on, as saved, not from process variables (which a user could set after the save). Used
 * by dpia.bpmn as {@code ${residualRisk.high(execution)}}.
 */
@Component("residualRisk")
public class ResidualRisk {

    public static final String RISKS = "sectionCRisks";
    public static final String MEASURES = "sectionDMeasures";
    /** The privacy officer's checkbox on the advice: consultation is required whatever section D says. */
    public static final String REQUIRED_BY_PRIVACY_OFFICER = "dpaConsultationRequired";

    private final SavedSections saved;

    public ResidualRisk(SavedSections saved) {
        this.saved = saved;
    }

    /** Whether the DPA must be consulted: a high residual risk of sections C and D, or the privacy officer says so. */
    public boolean high(DelegateExecution execution) {
        Map<String, Map<String, Object>> sections = saved.sections(
                        execution.getProcessInstanceId(), RiskMatrix.FORM_ID, RiskReferences.FORM_ID)
                .orElseThrow(() -> new IllegalStateException(
                        "The residual risk is assessed outside an assessment version: " + execution.getId()));
        return ResidualRiskLevel.consultationRequired(
                VariableValues.toPlain(sections.get(RiskMatrix.FORM_ID).get(RISKS)),
                VariableValues.toPlain(sections.get(RiskReferences.FORM_ID).get(MEASURES)),
                Boolean.TRUE.equals(VariableValues.toPlain(execution.getVariable(REQUIRED_BY_PRIVACY_OFFICER))));
    }
}
