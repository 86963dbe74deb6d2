package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.GoLiveDuties.Duty;

/**
 * The go-live checks of a deployer of high-risk AI (AI Act Art. 26 and 86, ADR 0036), as a plain rule. They apply when
 * the round's outcome is high-risk AI and the municipality deploys it; some only in their own scope:
 *
 * <ul>
 *   <li>Art. 26(1), (2) and (4): always;
 *   <li>Art. 26(7): only when the system is used at the workplace;
 *   <li>Art. 26(9): when a DPIA is required (GDPR Art. 35), and when a recommended DPIA was started (ADR 0043: the
 *       provider's information serves any DPIA that is carried out; {@code dpiaRuns}, or the owner's choice to start);
 *   <li>Art. 86: only for Annex III (except point 2) when decisions have legal or similarly significant effects.
 * </ul>
 *
 * An outcome recorded before the triage named a value is read strictly: no workplace answer is use at the workplace, no
 * DPIA answer is a DPIA, no Annex III point or no answer about effects is within Art. 86.
 */
final class DeployerDuties {

    /** Annex III point 2 (critical infrastructure), outside Art. 86(1). */
    static final String CRITICAL_INFRASTRUCTURE_POINT = "2";

    /** Whether the round carries out a DPIA: required, or recommended and started by the owner (ADR 0030). */
    static final String DPIA_RUNS = "dpiaRuns";

    private DeployerDuties() {}

    static List<Duty> of(Map<String, Object> outcome) {
        if (!Boolean.TRUE.equals(outcome.get("highRiskAi")) || !GoLiveDuties.deploys(outcome)) {
            return List.of();
        }
        List<Duty> duties =
                new ArrayList<>(List.of(Duty.DEPLOYER_ART26_1, Duty.DEPLOYER_ART26_2, Duty.DEPLOYER_ART26_4));
        if (!Boolean.FALSE.equals(outcome.get("usedAtWorkplace"))) {
            duties.add(Duty.DEPLOYER_ART26_7);
        }
        if (!Boolean.FALSE.equals(outcome.get("dpiaRequired")) || Boolean.TRUE.equals(outcome.get(DPIA_RUNS))) {
            duties.add(Duty.DEPLOYER_ART26_9);
        }
        if (explanationRequired(outcome)) {
            duties.add(Duty.DEPLOYER_ART86);
        }
        return duties;
    }

    /**
     * The outcome with what the steps after the triage decided: {@code dpiaRuns} when the owner started a recommended
     * DPIA (the go-live check reads the recorded steps; the cycle has the variable itself).
     */
    static Map<String, Object> withStartedChoices(Map<String, Object> outcome, List<TriageChoices.Entry> decisions) {
        boolean started = TriageChoices.status(decisions.stream()
                        .filter(e -> AssessmentType.DPIA.name().equals(e.subject()))
                        .toList())
                == TriageChoices.Status.RUNS;
        if (outcome == null || !started) {
            return outcome;
        }
        Map<String, Object> result = new java.util.HashMap<>(outcome);
        result.put(DPIA_RUNS, true);
        return result;
    }

    /** Art. 86(1): a system of Annex III, not point 2, whose decisions have legal or similarly significant effects. */
    static boolean explanationRequired(Map<String, Object> outcome) {
        Object point = outcome.get("annexIiiPoint");
        boolean annexIii = point == null
                || (!point.toString().isBlank() && !CRITICAL_INFRASTRUCTURE_POINT.equals(point.toString()));
        return annexIii && !Boolean.FALSE.equals(outcome.get("significantDecisions"));
    }
}
