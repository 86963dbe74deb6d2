package nl.waarborg.assessment;

import java.util.List;

/**
 * What the alderman's form adds to a decision (ADR 0035), as submitted through any client: the competent body, the
 * reference of the mandate decision, a verdict per condition of the advice and the acceptance of each residual risk.
 * The lists hold the form's rows (maps) as the engine gives them. {@code ownConditions} are the alderman's own
 * conditions (one per line) and {@code ownConditionActions} their rows with owner and due date (ADR 0043).
 */
public record DecisionGovernance(
        String competentBody,
        String mandateReference,
        List<?> conditionVerdicts,
        List<?> residualRiskAcceptances,
        String ownConditions,
        List<?> ownConditionActions) {

    /** A decision that submitted none of it (an advice gate, or a client that left it out). */
    public static final DecisionGovernance NONE = new DecisionGovernance(null, null, null, null);

    /** A decision without conditions of the alderman's own. */
    public DecisionGovernance(
            String competentBody, String mandateReference, List<?> conditionVerdicts, List<?> residualRiskAcceptances) {
        this(competentBody, mandateReference, conditionVerdicts, residualRiskAcceptances, null, null);
    }

    /**
     * The alderman's conditions as text: as given, or, when only the rows are given (as Waarborg's form and Tasklist do),
     * their conditions one per line.
     */
    public static String conditionsText(String text, List<?> ownConditionActions) {
        return DecisionGovernanceRules.ownConditionsText(text, ownConditionActions);
    }

    /** The bodies that can decide: the college, the mayor for a power of his own, an alderman under the college's mandate. */
    public enum CompetentBody {
        COLLEGE,
        BURGEMEESTER,
        WETHOUDER_MANDAAT
    }

    /** The group whose members alone may decide for the mayor (Gemeentewet art. 151c e.a.). */
    public static final String MAYOR_GROUP = nl.waarborg.identity.Groups.MAYOR;

    /** The group the decider must belong to for this body, beyond the gate's own group (only the mayor's). */
    public static java.util.Optional<String> requiredGroup(String competentBody) {
        return DecisionGovernanceRules.requiredGroup(competentBody);
    }
}
