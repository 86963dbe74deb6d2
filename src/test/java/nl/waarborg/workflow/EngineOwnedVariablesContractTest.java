package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.waarborg.assessment.Gate;
import nl.waarborg.engine.EngineOwnedVariables;
import nl.waarborg.forms.FormCatalog;
import org.junit.jupiter.api.Test;

/**
 * The one list of engine-owned variables covers every variable that the bridge sets (docs/process-contract.md), and
 * no form asks a user for one of them (a form that did could never be completed).
 */
class EngineOwnedVariablesContractTest {

    /** The gate form fields: the user's input, which the bridge reads and then clears. */
    static final Set<String> GATE_FORM_FIELDS = Set.of(
            ProcessVariables.DECISION,
            ProcessVariables.MOTIVATION,
            ProcessVariables.CONDITIONS,
            ProcessVariables.DEVIATION_MOTIVATION,
            ProcessVariables.SEND_BACK_TO,
            ProcessVariables.COMPETENT_BODY,
            ProcessVariables.MANDATE_REFERENCE,
            ProcessVariables.CONDITION_VERDICTS,
            ProcessVariables.RESIDUAL_RISK_ACCEPTANCES,
            ProcessVariables.OWN_CONDITION_ACTIONS);

    @Test
    void everyVariableTheBridgeSetsIsEngineOwned() throws IllegalAccessException {
        List<String> set = new ArrayList<>();
        for (Field field : ProcessVariables.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                set.add((String) field.get(null));
            }
        }
        set.removeAll(GATE_FORM_FIELDS);
        for (Gate gate : Gate.values()) {
            String prefix = gate.outcomeVariable().replace("Decision", "");
            set.addAll(List.of(gate.outcomeVariable(), prefix + "Motivation", prefix + "Conditions"));
        }
        set.addAll(List.of(
                CycleRounds.IAMA_OUTCOME,
                CycleRounds.DPIA_OUTCOME,
                DpaConsultation.STARTED_AT,
                DpaConsultation.EXTENDED,
                DpaConsultation.RECEIVED_ON,
                DpaConsultation.SUSPENDED_DAYS,
                AssessmentDelegates.REWORK,
                AssessmentDelegates.HIGH_RESIDUAL_RISK,
                AssessmentDelegates.MEASURES_NAME_MISSING_RISKS,
                AssessmentDelegates.AWAITING_INFORMATION,
                AssessmentDelegates.EXTENSION_ANNOUNCED_NOW));
        assertThat(set)
                .allSatisfy(name -> assertThat(EngineOwnedVariables.isEngineOwned(name))
                        .as(name)
                        .isTrue());
        assertThat(GATE_FORM_FIELDS)
                .noneMatch(EngineOwnedVariables::isEngineOwned)
                .allMatch(EngineOwnedVariables::isGateInput);
    }

    @Test
    void noFormAsksForAnEngineOwnedVariable() {
        List<String> asked = new ArrayList<>();
        new FormCatalog(new ObjectMapper())
                .all()
                .forEach(form -> form.fields().keySet().stream()
                        .filter(EngineOwnedVariables::isEngineOwned)
                        .forEach(key -> asked.add(form.id() + ": " + key)));
        assertThat(asked).isEmpty();
    }
}
