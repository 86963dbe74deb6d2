package nl.waarborg.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import nl.waarborg.shared.InvalidInputException;

/**
 * What a gate decision must hold before it is recorded, whichever client submits it: a known decision, a motivation,
 * conditions with APPROVED_WITH_CONDITIONS, the parts to rework with SENT_BACK, and a motivation for deviating when the
 * alderman approves against negative advice. Plain rules; AssessmentService applies them.
 */
final class GateDecisionRules {

    static final List<String> DECISIONS = Decision.VALUES;

    private GateDecisionRules() {}

    /** The submitted decision, trimmed, once its fields are complete. */
    static String validDecision(GateDecisionRequest request) {
        String decision = Objects.requireNonNullElse(request.decision(), "").trim();
        if (!DECISIONS.contains(decision)) {
            throw new InvalidInputException(
                    "decision",
                    "Gate field 'decision' must be APPROVED, APPROVED_WITH_CONDITIONS, SENT_BACK or REJECTED.");
        }
        if (isBlank(request.motivation())) {
            throw new InvalidInputException("motivation", "Gate field 'motivation' is required for every decision.");
        }
        if (Decision.APPROVED_WITH_CONDITIONS.is(decision) && isBlank(request.conditions())) {
            throw new InvalidInputException(
                    "conditions", "Gate field 'conditions' is required with APPROVED_WITH_CONDITIONS.");
        }
        if (Decision.SENT_BACK.is(decision)
                && (request.sendBackTo() == null || request.sendBackTo().isEmpty())) {
            throw new InvalidInputException(
                    "sendBackTo", "Gate field 'sendBackTo' must name at least one part to rework with SENT_BACK.");
        }
        return decision;
    }

    /** Whether the decision approves (with or without conditions). */
    static boolean approves(String decision) {
        return Decision.approves(decision);
    }

    /**
     * The deciding gate approving against negative advice must say why.
     *
     * @param latestAdvice the most recent advice per advice gate of this version
     */
    static void requireDeviationMotivation(
            GateDecisionRequest request, String decision, Collection<Signature> latestAdvice) {
        if (request.advisory() || !approves(decision)) {
            return;
        }
        List<String> negative = latestAdvice.stream()
                .filter(s -> Decision.REJECTED.is(s.decision()))
                .map(Signature::gate)
                .toList();
        if (!negative.isEmpty() && isBlank(request.deviationMotivation())) {
            throw new InvalidInputException(
                    "deviationMotivation",
                    "Gate field 'deviationMotivation' is required: you approve against" + " negative advice of "
                            + String.join(", ", negative) + ".");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
