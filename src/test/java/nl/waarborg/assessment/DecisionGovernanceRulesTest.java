package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** ADR 0035, including the attacks of a careless alderman and of a hostile client. */
@SuppressWarnings("unchecked")
class DecisionGovernanceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    static final String FG = "Advies functionaris gegevensbescherming";
    static final List<AdviceConditions.Item> CONDITIONS = List.of(
            new AdviceConditions.Item("privacy-officer-advice", FG, "Logging zes maanden bewaren"),
            new AdviceConditions.Item("privacy-officer-advice", FG, "Jaarlijks op bias toetsen"));
    static final List<AcceptedResidualRisks.Risk> RISKS =
            List.of(new AcceptedResidualRisks.Risk("R1: Onterechte verdenking", "MEDIUM"));

    static Map<String, Object> adopted(String condition) {
        return new HashMap<>(Map.of(
                "source",
                FG,
                "condition",
                condition,
                "verdict",
                "ADOPTED",
                "owner",
                "Team Data",
                "dueDate",
                "2027-03-01"));
    }

    static Map<String, Object> rejected(String condition, String reason) {
        Map<String, Object> row = new HashMap<>(Map.of("source", FG, "condition", condition, "verdict", "REJECTED"));
        if (reason != null) {
            row.put("reason", reason);
        }
        return row;
    }

    static List<Map<String, Object>> accepted() {
        return List.of(new HashMap<>(Map.of("risk", "R1: Onterechte verdenking", "level", "MEDIUM", "accepted", true)));
    }

    static DecisionGovernance input(String body, String mandate, List<?> verdicts, List<?> risks) {
        return new DecisionGovernance(body, mandate, verdicts, risks);
    }

    static Map<String, Object> record(String decision, DecisionGovernance input) {
        return DecisionGovernanceRules.record(decision, input, CONDITIONS, RISKS, TODAY)
                .orElseThrow();
    }

    static void refused(String decision, DecisionGovernance input, String field, String detail) {
        assertThatThrownBy(() -> record(decision, input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(detail)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo(field);
    }

    @Test
    void anApprovalRecordsTheBodyEveryVerdictTheAcceptedRisksAndTheActionPointsOfTheAdoptedConditions() {
        Map<String, Object> record = record(
                "APPROVED",
                input(
                        "WETHOUDER_MANDAAT",
                        " Mandaatbesluit 2026/12 ",
                        List.of(
                                adopted("Logging zes maanden bewaren"),
                                rejected("Jaarlijks op bias toetsen", "Al geregeld in het kwaliteitsplan")),
                        accepted()));
        assertThat(record.get("competentBody")).isEqualTo("WETHOUDER_MANDAAT");
        assertThat(record.get("mandateReference")).isEqualTo("Mandaatbesluit 2026/12");
        assertThat((List<Object>) record.get("conditionVerdicts"))
                .containsExactly(
                        Map.of(
                                "source", FG,
                                "condition", "Logging zes maanden bewaren",
                                "verdict", "ADOPTED",
                                "owner", "Team Data",
                                "dueDate", "2027-03-01"),
                        Map.of(
                                "source", FG,
                                "condition", "Jaarlijks op bias toetsen",
                                "verdict", "REJECTED",
                                "reason", "Al geregeld in het kwaliteitsplan"));
        assertThat((List<Object>) record.get("conditionActionPoints"))
                .containsExactly(Map.of(
                        "what", FG + ": Logging zes maanden bewaren", "owner", "Team Data", "dueDate", "2027-03-01"));
        assertThat((List<Object>) record.get("residualRiskAcceptances"))
                .containsExactly(Map.of("risk", "R1: Onterechte verdenking", "level", "MEDIUM", "accepted", true));
    }

    static Map<String, Object> own(String condition, String owner, String dueDate) {
        Map<String, Object> row = new HashMap<>();
        row.put("condition", condition);
        row.put("owner", owner);
        row.put("dueDate", dueDate);
        return row;
    }

    static DecisionGovernance withOwn(String text, List<?> rows) {
        return new DecisionGovernance(
                "COLLEGE",
                null,
                List.of(adopted("Logging zes maanden bewaren"), rejected("Jaarlijks op bias toetsen", "Geregeld")),
                accepted(),
                text,
                rows);
    }

    @Test
    void theAldermansOwnConditionsBecomeActionPointsWithOwnerAndDueDateLikeTheAdoptedOnes() {
        Map<String, Object> record = record(
                "APPROVED_WITH_CONDITIONS",
                withOwn(
                        "- Evaluatie na een jaar\n\n2. Cliëntenraad informeren",
                        List.of(
                                own("Evaluatie na een jaar", "Team Data", "2027-06-01"),
                                own("Cliëntenraad informeren", "Communicatie", "2027-02-01"))));
        assertThat((List<Object>) record.get("ownConditionActions"))
                .containsExactly(
                        Map.of("condition", "Evaluatie na een jaar", "owner", "Team Data", "dueDate", "2027-06-01"),
                        Map.of(
                                "condition",
                                "Cliëntenraad informeren",
                                "owner",
                                "Communicatie",
                                "dueDate",
                                "2027-02-01"));
        assertThat((List<Object>) record.get("conditionActionPoints"))
                .containsExactly(
                        Map.of(
                                "what",
                                FG + ": Logging zes maanden bewaren",
                                "owner",
                                "Team Data",
                                "dueDate",
                                "2027-03-01"),
                        Map.of("what", "Besluit: Evaluatie na een jaar", "owner", "Team Data", "dueDate", "2027-06-01"),
                        Map.of(
                                "what",
                                "Besluit: Cliëntenraad informeren",
                                "owner",
                                "Communicatie",
                                "dueDate",
                                "2027-02-01"));
        // The form sends only the rows: the text is derived from them, one condition per line.
        assertThat(DecisionGovernance.conditionsText(null, List.of(own("A", "x", "2027-06-01"), own("B", null, null))))
                .isEqualTo("A\nB");
        assertThat(DecisionGovernance.conditionsText("Tekst", List.of(own("A", "x", "2027-06-01"))))
                .isEqualTo("Tekst");
    }

    @Test
    void anOwnConditionWithoutOwnerDueDateOrRowIsRefusedAndNoneCanBeDroppedOrRewritten() {
        String text = "Evaluatie na een jaar";
        refused("APPROVED_WITH_CONDITIONS", withOwn(text, null), "ownConditionActions[0]", "no row");
        refused(
                "APPROVED_WITH_CONDITIONS",
                withOwn(text, List.of(own(text, " ", "2027-06-01"))),
                "ownConditionActions[0].owner",
                "owner");
        refused(
                "APPROVED_WITH_CONDITIONS",
                withOwn(text, List.of(own(text, "Team Data", null))),
                "ownConditionActions[0].dueDate",
                "due date");
        refused(
                "APPROVED_WITH_CONDITIONS",
                withOwn(text, List.of(own(text, "Team Data", "2027-01-14"))),
                "ownConditionActions[0].dueDate",
                "has passed");
        refused(
                "APPROVED_WITH_CONDITIONS",
                withOwn(text + "\nTweede", List.of(own(text, "Team Data", "2027-06-01"))),
                "ownConditionActions[1]",
                "none may be left out");
        refused(
                "APPROVED_WITH_CONDITIONS",
                withOwn(text, List.of(own("Iets anders", "Team Data", "2027-06-01"))),
                "ownConditionActions[0].condition",
                "cannot be changed");
        refused("APPROVED_WITH_CONDITIONS", withOwn(null, List.of()), "ownConditionActions[0]", "owner and a due date");
    }

    @Test
    void aRejectionRecordsTheBodyOnlyAndASendBackRecordsNothing() {
        assertThat(record("REJECTED", input("COLLEGE", null, null, null)))
                .containsExactly(Map.entry("competentBody", "COLLEGE"));
        assertThat(DecisionGovernanceRules.record("SENT_BACK", DecisionGovernance.NONE, CONDITIONS, RISKS, TODAY))
                .isEmpty();
    }

    @Test
    void theCompetentBodyIsRequiredAndAnAldermanUnderMandateNamesTheMandate() {
        refused("REJECTED", DecisionGovernance.NONE, "competentBody", "COLLEGE, BURGEMEESTER or WETHOUDER_MANDAAT");
        refused("REJECTED", input("wethouder", null, null, null), "competentBody", "which body decides");
        refused("APPROVED", input("WETHOUDER_MANDAAT", "  ", null, null), "mandateReference", "mandate decision");
        assertThat(DecisionGovernanceRules.requiredGroup("BURGEMEESTER")).contains("burgemeester");
        assertThat(DecisionGovernanceRules.requiredGroup(" BURGEMEESTER ")).contains("burgemeester");
        assertThat(DecisionGovernanceRules.requiredGroup("COLLEGE")).isEmpty();
        assertThat(DecisionGovernanceRules.requiredGroup(null)).isEmpty();
    }

    @Test
    void aCarelessAldermanCannotLeaveAConditionWithoutAVerdictOrRejectItWithoutReasons() {
        Map<String, Object> noVerdict = adopted("Jaarlijks op bias toetsen");
        noVerdict.remove("verdict");
        refused(
                "APPROVED",
                input("COLLEGE", null, List.of(adopted("Logging zes maanden bewaren"), noVerdict), accepted()),
                "conditionVerdicts[1].verdict",
                "has no verdict");
        refused(
                "APPROVED",
                input(
                        "COLLEGE",
                        null,
                        List.of(adopted("Logging zes maanden bewaren"), rejected("Jaarlijks op bias toetsen", " ")),
                        accepted()),
                "conditionVerdicts[1].reason",
                "needs one");
        // Not submitting the rows at all (an /engine-rest client that sends only decision and motivation).
        refused("APPROVED", input("COLLEGE", null, null, accepted()), "conditionVerdicts[0]", "none may be left out");
    }

    @Test
    void anAdoptedConditionNeedsAnOwnerAndADueDateThatHasNotPassed() {
        Map<String, Object> noOwner = adopted("Logging zes maanden bewaren");
        noOwner.put("owner", "");
        refused(
                "APPROVED",
                input("COLLEGE", null, List.of(noOwner, adopted("Jaarlijks op bias toetsen")), accepted()),
                "conditionVerdicts[0].owner",
                "needs an owner");
        for (String due : new String[] {null, "morgen", "2027-13-01"}) {
            Map<String, Object> row = adopted("Logging zes maanden bewaren");
            row.put("dueDate", due);
            refused(
                    "APPROVED",
                    input("COLLEGE", null, List.of(row, adopted("Jaarlijks op bias toetsen")), accepted()),
                    "conditionVerdicts[0].dueDate",
                    "needs a due date");
        }
        Map<String, Object> past = adopted("Logging zes maanden bewaren");
        past.put("dueDate", "2027-01-14");
        refused(
                "APPROVED",
                input("COLLEGE", null, List.of(past, adopted("Jaarlijks op bias toetsen")), accepted()),
                "conditionVerdicts[0].dueDate",
                "has passed");
        Map<String, Object> today = adopted("Logging zes maanden bewaren");
        today.put("dueDate", "2027-01-15T00:00:00Z");
        assertThat(record(
                        "APPROVED",
                        input("COLLEGE", null, List.of(today, adopted("Jaarlijks op bias toetsen")), accepted())))
                .containsKey("conditionActionPoints");
    }

    @Test
    void aHostileClientCannotDropReorderRewriteOrAddConditions() {
        refused(
                "APPROVED",
                input("COLLEGE", null, List.of(adopted("Logging zes maanden bewaren")), accepted()),
                "conditionVerdicts[1]",
                "none may be left out");
        refused(
                "APPROVED",
                input(
                        "COLLEGE",
                        null,
                        List.of(adopted("Jaarlijks op bias toetsen"), adopted("Logging zes maanden bewaren")),
                        accepted()),
                "conditionVerdicts[0].condition",
                "cannot be changed, reordered or replaced");
        refused(
                "APPROVED",
                input(
                        "COLLEGE",
                        null,
                        List.of(adopted("Logging één maand bewaren"), adopted("Jaarlijks op bias toetsen")),
                        accepted()),
                "conditionVerdicts[0].condition",
                "'Logging zes maanden bewaren'");
        List<Object> extra = new ArrayList<>(List.of(
                adopted("Logging zes maanden bewaren"), adopted("Jaarlijks op bias toetsen"), adopted("Nog iets")));
        refused("APPROVED", input("COLLEGE", null, extra, accepted()), "conditionVerdicts[2]", "only 2 exist");
        refused(
                "APPROVED",
                input(
                        "COLLEGE",
                        null,
                        List.of("Logging zes maanden bewaren", adopted("Jaarlijks op bias toetsen")),
                        accepted()),
                "conditionVerdicts[0].condition",
                "as given");
    }

    @Test
    void whoeverApprovesAcceptsEveryResidualRiskExplicitly() {
        List<Object> verdicts = List.of(adopted("Logging zes maanden bewaren"), adopted("Jaarlijks op bias toetsen"));
        refused(
                "APPROVED",
                input(
                        "COLLEGE",
                        null,
                        verdicts,
                        List.of(Map.of("risk", "R1: Onterechte verdenking", "accepted", false))),
                "residualRiskAcceptances[0].accepted",
                "is not accepted");
        refused(
                "APPROVED",
                input(
                        "COLLEGE",
                        null,
                        verdicts,
                        List.of(Map.of("risk", "R1: Onterechte verdenking", "accepted", "true"))),
                "residualRiskAcceptances[0].accepted",
                "Send the version back or reject it");
        refused(
                "APPROVED",
                input("COLLEGE", null, verdicts, List.of()),
                "residualRiskAcceptances[0]",
                "none may be left out");
        refused(
                "APPROVED",
                input("COLLEGE", null, verdicts, List.of(Map.of("risk", "R1: Geen risico", "accepted", true))),
                "residualRiskAcceptances[0].risk",
                "cannot be changed");
        // Without conditions or residual risks, nothing is asked: no rows at all is fine.
        assertThat(DecisionGovernanceRules.record(
                        "APPROVED", input("COLLEGE", null, null, null), List.of(), List.of(), TODAY))
                .hasValueSatisfying(r ->
                        assertThat((List<?>) r.get("conditionActionPoints")).isEmpty());
    }
}
