package nl.waarborg.workflow;

import java.util.Map;
import java.util.Optional;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.forms.RiskMatrix;
import nl.waarborg.forms.RiskReferences;
import nl.waarborg.forms.SavedSections;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether a reworked DPIA may go to review as saved: every measure of section D names a risk that section C has
 * ({@link RiskReferences}). A rework can change C without passing D (only C sent back, D completed before C, or C
 * saved through /api during the rework of another part); then dpia.bpmn takes up D again before the privacy officer
 * advises (ADR 0051). Both sections are read as saved in the process's version, never from process variables.
 */
@Component
public class MeasureReferences {

    private final SavedSections saved;

    public MeasureReferences(SavedSections saved) {
        this.saved = saved;
    }

    /** True when a measure of section D, as saved, names a risk that section C, as saved, does not have. */
    public boolean nameMissingRisks(DelegateExecution execution) {
        Optional<Map<String, Map<String, Object>>> sections =
                saved.sections(execution.getProcessInstanceId(), RiskReferences.FORM_ID, RiskMatrix.FORM_ID);
        Object measures = field(sections, RiskReferences.FORM_ID, RiskReferences.MEASURES);
        Object risks = field(sections, RiskMatrix.FORM_ID, RiskMatrix.RISKS);
        return !RiskReferences.check(measures, risks).isEmpty();
    }

    private static Object field(Optional<Map<String, Map<String, Object>>> sections, String section, String key) {
        return sections.map(s -> VariableValues.toPlain(s.get(section).get(key)))
                .orElse(null);
    }
}
