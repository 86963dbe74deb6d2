package nl.waarborg.assessment;

import static nl.waarborg.assessment.GoLiveDutiesTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.GoLiveDuties.Duty;
import org.junit.jupiter.api.Test;

/** The go-live checks of a deployer of high-risk AI, each in and out of its scope (AI Act Art. 26, 86; ADR 0036). */
class DeployerDutiesTest {

    /** A deployer of high-risk AI of Annex III point 5, not at the workplace, no DPIA, no significant decisions. */
    static Map<String, Object> base(Object... changes) {
        Map<String, Object> o = outcome(
                "aiActRole", "DEPLOYER",
                "highRiskAi", true,
                "annexIiiPoint", "5",
                "usedAtWorkplace", false,
                "dpiaRequired", false,
                "significantDecisions", false);
        o.putAll(outcome(changes));
        return o;
    }

    static final List<Duty> ALWAYS = List.of(Duty.DEPLOYER_ART26_1, Duty.DEPLOYER_ART26_2, Duty.DEPLOYER_ART26_4);

    @Test
    void instructionsOversightAndInputDataForEveryDeployerOfHighRiskAi() {
        assertThat(DeployerDuties.of(base())).containsExactlyElementsOf(ALWAYS);
        assertThat(DeployerDuties.of(base("aiActRole", "PROVIDER_AND_DEPLOYER")))
                .containsExactlyElementsOf(ALWAYS);
        assertThat(GoLiveDuties.duties(base())).containsExactlyElementsOf(ALWAYS);
    }

    @Test
    void noDeployerDutiesForAProviderOnlyOrWithoutHighRisk() {
        assertThat(DeployerDuties.of(base("aiActRole", "PROVIDER", "usedAtWorkplace", true, "dpiaRequired", true)))
                .isEmpty();
        assertThat(DeployerDuties.of(base("highRiskAi", false, "usedAtWorkplace", true)))
                .isEmpty();
        assertThat(DeployerDuties.of(base("highRiskAi", null))).isEmpty();
    }

    @Test
    void workersAndWorksCouncilOnlyWhenUsedAtTheWorkplace() {
        assertThat(DeployerDuties.of(base("usedAtWorkplace", true))).contains(Duty.DEPLOYER_ART26_7);
        assertThat(DeployerDuties.of(base("usedAtWorkplace", false))).doesNotContain(Duty.DEPLOYER_ART26_7);
        assertThat(DeployerDuties.of(base("usedAtWorkplace", null)))
                .as("an outcome from before the question: strict")
                .contains(Duty.DEPLOYER_ART26_7);
    }

    @Test
    void providerInformationForTheDpiaWhenADpiaIsRequiredOrStarted() {
        assertThat(DeployerDuties.of(base("dpiaRequired", true))).contains(Duty.DEPLOYER_ART26_9);
        assertThat(DeployerDuties.of(base("dpiaRequired", false))).doesNotContain(Duty.DEPLOYER_ART26_9);
        assertThat(DeployerDuties.of(base("dpiaRequired", null))).contains(Duty.DEPLOYER_ART26_9);
        // A recommended DPIA that was started: the provider's information serves it too (ADR 0043).
        assertThat(DeployerDuties.of(base("dpiaRuns", true))).contains(Duty.DEPLOYER_ART26_9);
        assertThat(DeployerDuties.of(base("dpiaRuns", false))).doesNotContain(Duty.DEPLOYER_ART26_9);
        List<TriageChoices.Entry> started =
                List.of(new TriageChoices.Entry("DPIA", TriageChoices.Step.CHOICE, "START", null, "lead"));
        assertThat(DeployerDuties.of(DeployerDuties.withStartedChoices(base(), started)))
                .contains(Duty.DEPLOYER_ART26_9);
        assertThat(GoLiveDuties.required(DeployerDuties.withStartedChoices(base(), started)))
                .contains(Duty.DEPLOYER_ART26_9.code());
        List<TriageChoices.Entry> declined = List.of(
                new TriageChoices.Entry("DPIA", TriageChoices.Step.CHOICE, "DECLINE", "Weinig", "lead"),
                new TriageChoices.Entry("DPIA", TriageChoices.Step.ADVICE, "AGREED", "Akkoord", "fg"),
                new TriageChoices.Entry("IAMA", TriageChoices.Step.CHOICE, "START", null, "lead"));
        assertThat(DeployerDuties.of(DeployerDuties.withStartedChoices(base(), declined)))
                .doesNotContain(Duty.DEPLOYER_ART26_9);
    }

    @Test
    void onlyAStartedDpiaChangesTheOutcomeAndNoOutcomeStaysNone() {
        List<TriageChoices.Entry> declined = List.of(
                new TriageChoices.Entry("DPIA", TriageChoices.Step.CHOICE, "DECLINE", "Weinig", "lead"),
                new TriageChoices.Entry("IAMA", TriageChoices.Step.CHOICE, "START", null, "lead"));
        Map<String, Object> workplace = base("usedAtWorkplace", true);
        assertThat(DeployerDuties.withStartedChoices(workplace, declined))
                .as("a DPIA that does not run leaves the outcome as the triage recorded it")
                .isEqualTo(workplace)
                .doesNotContainKey(DeployerDuties.DPIA_RUNS);
        assertThat(DeployerDuties.withStartedChoices(workplace, List.of())).isEqualTo(workplace);
        List<TriageChoices.Entry> started =
                List.of(new TriageChoices.Entry("DPIA", TriageChoices.Step.CHOICE, "START", null, "lead"));
        assertThat(DeployerDuties.withStartedChoices(null, started))
                .as("a round without a triage outcome has none to add to")
                .isNull();
        assertThat(DeployerDuties.withStartedChoices(workplace, started))
                .containsEntry(DeployerDuties.DPIA_RUNS, true)
                .containsEntry("usedAtWorkplace", true);
        assertThat(workplace).as("the triage's own map is not changed").doesNotContainKey(DeployerDuties.DPIA_RUNS);
    }

    @Test
    void anExplanationProcedureForAnnexIiiExceptPointTwoWithSignificantDecisions() {
        assertThat(DeployerDuties.of(base("significantDecisions", true))).endsWith(Duty.DEPLOYER_ART86);
        assertThat(DeployerDuties.of(base("significantDecisions", false))).doesNotContain(Duty.DEPLOYER_ART86);
        assertThat(DeployerDuties.of(base("significantDecisions", null))).contains(Duty.DEPLOYER_ART86);
        assertThat(DeployerDuties.of(base("significantDecisions", true, "annexIiiPoint", "2")))
                .as("critical infrastructure is outside Art. 86(1)")
                .doesNotContain(Duty.DEPLOYER_ART86);
        assertThat(DeployerDuties.of(base("significantDecisions", true, "annexIiiPoint", "")))
                .as("Annex I only: outside Art. 86(1)")
                .doesNotContain(Duty.DEPLOYER_ART86);
        assertThat(DeployerDuties.of(base("significantDecisions", true, "annexIiiPoint", " ")))
                .doesNotContain(Duty.DEPLOYER_ART86);
        assertThat(DeployerDuties.of(base("significantDecisions", true, "annexIiiPoint", "onbekend")))
                .as("an unknown area is read strictly")
                .contains(Duty.DEPLOYER_ART86);
        assertThat(DeployerDuties.of(base("significantDecisions", true, "annexIiiPoint", null)))
                .contains(Duty.DEPLOYER_ART86);
    }

    @Test
    void everyScopeAtOnceInAFixedOrder() {
        assertThat(DeployerDuties.of(base("usedAtWorkplace", true, "dpiaRequired", true, "significantDecisions", true)))
                .containsExactly(
                        Duty.DEPLOYER_ART26_1,
                        Duty.DEPLOYER_ART26_2,
                        Duty.DEPLOYER_ART26_4,
                        Duty.DEPLOYER_ART26_7,
                        Duty.DEPLOYER_ART26_9,
                        Duty.DEPLOYER_ART86);
    }
}
