package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.assessment.GoLiveDuties.Art50Item;
import nl.waarborg.assessment.GoLiveDuties.Duty;
import org.junit.jupiter.api.Test;

/** Which go-live checks a triage outcome asks for (ADR 0031, docs/legal/classification.md section 6). */
class GoLiveDutiesTest {

    static Map<String, Object> outcome(Object... pairs) {
        Map<String, Object> o = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            o.put((String) pairs[i], pairs[i + 1]);
        }
        return o;
    }

    static List<Duty> duties(Object... pairs) {
        return GoLiveDuties.duties(outcome(pairs));
    }

    @Test
    void aDeployerChecksThatTheProviderDidArticle50ParagraphsOneAndTwo() {
        assertThat(duties("aiActRole", "DEPLOYER", "art50Duties", "INTERACTION,SYNTHETIC_CONTENT"))
                .containsExactly(Duty.ART50_1_PROVIDER_CHECKED, Duty.ART50_2_PROVIDER_CHECKED);
    }

    @Test
    void aProviderDoesArticle50ParagraphsOneAndTwoItself() {
        assertThat(duties("aiActRole", "PROVIDER_AND_DEPLOYER", "art50Duties", "INTERACTION,SYNTHETIC_CONTENT"))
                .containsExactly(Duty.ART50_1_INFORM, Duty.ART50_2_MARK);
        assertThat(duties("aiActRole", "PROVIDER", "art50Duties", "INTERACTION"))
                .containsExactly(Duty.ART50_1_INFORM);
    }

    @Test
    void paragraphsThreeAndFourAreTheDeployersDuties() {
        String all = "EMOTION_OR_BIOMETRIC,DEEPFAKE,PUBLIC_TEXT";
        assertThat(duties("aiActRole", "DEPLOYER", "art50Duties", all))
                .containsExactly(Duty.ART50_3_INFORM, Duty.ART50_4_DEEPFAKE, Duty.ART50_4_TEXT);
        assertThat(duties("aiActRole", "PROVIDER_AND_DEPLOYER", "art50Duties", all))
                .containsExactly(Duty.ART50_3_INFORM, Duty.ART50_4_DEEPFAKE, Duty.ART50_4_TEXT);
        assertThat(duties("aiActRole", "PROVIDER", "art50Duties", all))
                .as("a provider only does not deploy")
                .isEmpty();
    }

    @Test
    void noItemsNoDuties() {
        assertThat(duties("aiActRole", "DEPLOYER", "art50Duties", "")).isEmpty();
        assertThat(duties("aiActRole", "DEPLOYER", "art50Duties", " , ")).isEmpty();
        assertThat(GoLiveDuties.required(outcome("aiActRole", "DEPLOYER", "highRiskAi", false, "art50Duties", "")))
                .isEmpty();
    }

    @Test
    void anOutcomeWithoutItemsButWithTransparencyDutiesTakesAllFive() {
        assertThat(GoLiveDuties.art50Items(outcome("transparencyDuties", "art. 50 lid 1: ...")))
                .containsExactly(Art50Item.values());
        assertThat(GoLiveDuties.art50Items(outcome("transparencyDuties", " "))).isEmpty();
        assertThat(GoLiveDuties.art50Items(outcome())).isEmpty();
        assertThat(GoLiveDuties.art50Items(outcome("art50Duties", "DEEPFAKE", "transparencyDuties", "x")))
                .containsExactly(Art50Item.DEEPFAKE);
    }

    @Test
    void anUnknownItemIsAnError() {
        assertThatThrownBy(() -> duties("art50Duties", "CHATBOT")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProviderOfAHighRiskSystemInTheEuDatabase() {
        assertThat(duties("aiActRole", "PROVIDER_AND_DEPLOYER", "highRiskAi", true, "euRegistration", "EU"))
                .as("after its duties as deployer")
                .endsWith(
                        Duty.PROVIDER_ART16,
                        Duty.PROVIDER_ART43,
                        Duty.PROVIDER_ART47,
                        Duty.PROVIDER_ART48,
                        Duty.PROVIDER_ART49_1,
                        Duty.PROVIDER_ART72);
    }

    @Test
    void criticalInfrastructureIsRegisteredNationallyAndAnnexISystemsNotAtAll() {
        assertThat(duties("aiActRole", "PROVIDER", "highRiskAi", true, "euRegistration", "NATIONAL"))
                .contains(Duty.PROVIDER_ART49_5)
                .doesNotContain(Duty.PROVIDER_ART49_1);
        assertThat(duties("aiActRole", "PROVIDER", "highRiskAi", true, "euRegistration", "NONE"))
                .containsExactly(
                        Duty.PROVIDER_ART16,
                        Duty.PROVIDER_ART43,
                        Duty.PROVIDER_ART47,
                        Duty.PROVIDER_ART48,
                        Duty.PROVIDER_ART72);
    }

    @Test
    void aProviderUsingTheException() {
        assertThat(duties("aiActRole", "PROVIDER_AND_DEPLOYER", "highRiskAi", false, "euRegistration", "EU_ART_6_4"))
                .containsExactly(Duty.PROVIDER_ART49_2);
        assertThat(duties("aiActRole", "PROVIDER_AND_DEPLOYER", "highRiskAi", false, "euRegistration", "NONE"))
                .as("not high-risk, no exception: no provider duty")
                .isEmpty();
        assertThat(duties("aiActRole", "DEPLOYER", "highRiskAi", true, "euRegistration", "EU"))
                .as("a deployer has no provider duties")
                .noneMatch(d -> d.name().startsWith("PROVIDER"));
    }

    @Test
    void theHighRiskChecksOfADeployer() {
        assertThat(GoLiveDuties.required(outcome(
                        "aiActRole", "DEPLOYER", "highRiskAi", true, "euRegistration", "EU", "friaRequired", true)))
                .startsWith(
                        GoLiveDuties.EU_DATABASE,
                        GoLiveDuties.FRIA_NOTIFICATION,
                        GoLiveDuties.ALGORITHM_REGISTER,
                        GoLiveDuties.PERSONS_INFORMED,
                        GoLiveDuties.LOG_RETENTION,
                        "go-live-art26-1-instructions");
        assertThat(GoLiveDuties.required(outcome(
                        "aiActRole", "DEPLOYER",
                        "highRiskAi", true,
                        "euRegistration", "NONE",
                        "friaRequired", false,
                        "usedAtWorkplace", false,
                        "dpiaRequired", false,
                        "annexIiiPoint", "2")))
                .as("Annex III point 2 as deployer: no EU database, no FRIA notification, no Art. 86")
                .containsExactly(
                        GoLiveDuties.ALGORITHM_REGISTER,
                        GoLiveDuties.PERSONS_INFORMED,
                        GoLiveDuties.LOG_RETENTION,
                        "go-live-art26-1-instructions",
                        "go-live-art26-2-oversight",
                        "go-live-art26-4-input-data");
        assertThat(GoLiveDuties.required(outcome(
                        "aiActRole", "PROVIDER", "highRiskAi", true, "euRegistration", "EU", "friaRequired", false)))
                .as("provider only: its own registration, not the deployer's")
                .doesNotContain(GoLiveDuties.EU_DATABASE)
                .contains("go-live-provider-art49-1");
    }

    @Test
    void personsInformedAndLogRetentionAreAskedOfADeployerOnly() {
        for (String role : List.of("DEPLOYER", "PROVIDER_AND_DEPLOYER")) {
            assertThat(GoLiveDuties.required(outcome("aiActRole", role, "highRiskAi", true)))
                    .as(role)
                    .contains(GoLiveDuties.PERSONS_INFORMED, GoLiveDuties.LOG_RETENTION);
        }
        assertThat(GoLiveDuties.required(outcome("aiActRole", "PROVIDER", "highRiskAi", true)))
                .as("Art. 26(6) and 26(11) are the deployer's duties (ADR 0036)")
                .contains(GoLiveDuties.ALGORITHM_REGISTER)
                .doesNotContain(GoLiveDuties.PERSONS_INFORMED, GoLiveDuties.LOG_RETENTION)
                .noneMatch(c -> c.startsWith("go-live-art26") || c.startsWith("go-live-art86"));
        assertThat(GoLiveDuties.required(outcome("aiActRole", "DEPLOYER", "highRiskAi", false)))
                .as("not high-risk")
                .isEmpty();
    }

    @Test
    void anOldOutcomeIsReadStrictly() {
        assertThat(GoLiveDuties.required(outcome("highRiskAi", true)))
                .containsExactly(
                        GoLiveDuties.EU_DATABASE,
                        GoLiveDuties.FRIA_NOTIFICATION,
                        GoLiveDuties.ALGORITHM_REGISTER,
                        GoLiveDuties.PERSONS_INFORMED,
                        GoLiveDuties.LOG_RETENTION,
                        "go-live-art26-1-instructions",
                        "go-live-art26-2-oversight",
                        "go-live-art26-4-input-data",
                        "go-live-art26-7-workers",
                        "go-live-art26-9-dpia",
                        "go-live-art86-explanation",
                        "go-live-provider-art16",
                        "go-live-provider-art43",
                        "go-live-provider-art47",
                        "go-live-provider-art48",
                        "go-live-provider-art49-1",
                        "go-live-provider-art72");
        assertThat(GoLiveDuties.provides(outcome())).isTrue();
        assertThat(GoLiveDuties.deploys(outcome())).isTrue();
    }

    @Test
    void openChecksAreThoseNotDone() {
        Map<String, Object> o =
                outcome("aiActRole", "DEPLOYER", "highRiskAi", false, "art50Duties", "INTERACTION,DEEPFAKE");
        assertThat(GoLiveDuties.open(o, Set.of()))
                .containsExactly("go-live-art50-1-provider-checked", "go-live-art50-4-deepfake");
        assertThat(GoLiveDuties.open(o, Set.of("go-live-art50-4-deepfake", "go-live-eu-database")))
                .containsExactly("go-live-art50-1-provider-checked");
        assertThat(GoLiveDuties.open(o, Set.of("go-live-art50-4-deepfake", "go-live-art50-1-provider-checked")))
                .isEmpty();
    }

    @Test
    void everyDutyHasALabelNamingItsArticleAndAConfirmation() {
        for (Duty duty : Duty.values()) {
            assertThat(duty.label()).startsWith("Controle: ").containsPattern("art\\. \\d+");
            assertThat(duty.code()).startsWith("go-live-");
            assertThat(duty.confirmation()).isNotBlank();
            assertThat(Duty.ofCode(duty.code())).contains(duty);
        }
        assertThat(Duty.ofCode("go-live-eu-database")).isEmpty();
        assertThat(Duty.ofCode(null)).isEmpty();
    }
}
