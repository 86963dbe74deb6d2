package nl.waarborg.workflow.rules;

import nl.waarborg.shared.InvalidInputException;

/**
 * The decision to suspend use after an incident (AI Act Art. 26(5), ADR 0033 and 0043). When the deployer has reason
 * to consider that the system presents a risk within the meaning of Art. 79(1), use must be suspended: the law leaves
 * no choice. Otherwise suspension stays a reasoned decision of the owner.
 */
public final class IncidentSuspension {

    /** Whether there is reason to consider that the system presents a risk in the sense of Art. 79(1): YES or NO. */
    public static final String ART79_RISK = "art79Risk";

    public static final String SUSPEND = "suspendUse";

    /** The risk review's answer after the incident: YES or NO. */
    public static final String RISK_CHANGED = "riskChanged";

    private IncidentSuspension() {}

    /** Whether use is suspended, or a 400 naming the field at fault. */
    public static boolean decide(Object art79Risk, Object suspendUse) {
        boolean risk = yes(art79Risk, ART79_RISK);
        boolean suspend = yes(suspendUse, SUSPEND);
        if (risk && !suspend) {
            throw new InvalidInputException(
                    SUSPEND,
                    "There is reason to consider that the system presents a risk within the meaning of AI Act"
                            + " Art. 79(1): Art. 26(5) requires suspending its use.");
        }
        return suspend;
    }

    /**
     * Whether the incident changed the system's risks (riskChanged YES or NO), which starts a new round. When the
     * suspension was decided because of a risk within the meaning of Art. 79(1) (a risk to health, safety or fundamental
     * rights), the answer is YES: the assessments that allowed use never saw that risk, so use does not resume on them.
     */
    public static boolean riskChanged(Object art79Risk, Object riskChanged) {
        boolean changed = yes(riskChanged, RISK_CHANGED);
        if ("YES".equals(art79Risk) && !changed) {
            throw new InvalidInputException(
                    RISK_CHANGED,
                    "Use was suspended because the system presents a risk within the meaning of AI Act Art. 79(1):"
                            + " the assessments that allowed its use did not see that risk, so the risk changed (YES)"
                            + " and a new round assesses it.");
        }
        return changed;
    }

    static boolean yes(Object value, String field) {
        if ("YES".equals(value) || "NO".equals(value)) {
            return "YES".equals(value);
        }
        throw new InvalidInputException(field, field + " must be YES or NO.");
    }
}
