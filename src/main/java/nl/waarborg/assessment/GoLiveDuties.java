package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The go-live checks a round's triage outcome asks for, as a plain rule (docs/legal/classification.md, ADR 0031): the
 * checks for high-risk AI used by a public body, the transparency duties of AI Act Art. 50 and, when the municipality is
 * the provider, the provider's duties. Each check is a task of assessment-cycle; {@link GoLiveCheck} refuses Evaluate
 * ("in use") while one of them is not recorded as done for the round. The persons-informed (Art. 26(11)) and
 * log-retention (Art. 26(6)) checks are the deployer's, so a provider only is not asked them (ADR 0036).
 *
 * <p>An outcome recorded before the triage named a value is read strictly, as the cycle reads it: no role is both
 * provider and deployer, no registration is the EU database, no FRIA answer is a FRIA, and transparency duties without
 * their items are all five items.
 */
public final class GoLiveDuties {

    /** The checks that are their own tasks in assessment-cycle (high-risk AI only). */
    public static final String EU_DATABASE = "go-live-eu-database";

    public static final String FRIA_NOTIFICATION = "go-live-fria-notification";
    public static final String ALGORITHM_REGISTER = "go-live-algorithm-register";
    public static final String PERSONS_INFORMED = "go-live-persons-informed";
    public static final String LOG_RETENTION = "go-live-log-retention";

    /** The items of Art. 50 as the triage names them (output art50Duties). */
    public enum Art50Item {
        INTERACTION,
        SYNTHETIC_CONTENT,
        EMOTION_OR_BIOMETRIC,
        DEEPFAKE,
        PUBLIC_TEXT
    }

    /**
     * A check that runs as one instance of the task "go-live-duty": its code is the id of its form, its label the name
     * of the task, its confirmation the form's checkbox that must be ticked.
     */
    public enum Duty {
        ART50_1_INFORM(
                "go-live-art50-1-inform",
                "Controle: informeren over AI-interactie (art. 50 lid 1)",
                "interactionDisclosed"),
        ART50_1_PROVIDER_CHECKED(
                "go-live-art50-1-provider-checked",
                "Controle: aanbieder informeert over AI-interactie (art. 50 lid 1)",
                "interactionDisclosureVerified"),
        ART50_2_MARK(
                "go-live-art50-2-mark",
                "Controle: gegenereerde inhoud machineleesbaar markeren (art. 50 lid 2)",
                "contentMarked"),
        ART50_2_PROVIDER_CHECKED(
                "go-live-art50-2-provider-checked",
                "Controle: aanbieder markeert gegenereerde inhoud (art. 50 lid 2)",
                "contentMarkingVerified"),
        ART50_3_INFORM(
                "go-live-art50-3-inform",
                "Controle: informeren over emotieherkenning of biometrische categorisering (art. 50 lid 3)",
                "exposedPersonsInformed"),
        ART50_4_DEEPFAKE(
                "go-live-art50-4-deepfake",
                "Controle: deepfakes bekendmaken als kunstmatig (art. 50 lid 4)",
                "deepfakeDisclosed"),
        ART50_4_TEXT(
                "go-live-art50-4-text",
                "Controle: AI-tekst over zaken van algemeen belang bekendmaken (art. 50 lid 4)",
                "publicTextDisclosed"),
        DEPLOYER_ART26_1(
                "go-live-art26-1-instructions",
                "Controle: gebruik volgens de gebruiksaanwijzing (art. 26 lid 1)",
                "instructionsFollowed"),
        DEPLOYER_ART26_2(
                "go-live-art26-2-oversight",
                "Controle: menselijk toezicht toegewezen (art. 26 lid 2)",
                "oversightAssigned"),
        DEPLOYER_ART26_4(
                "go-live-art26-4-input-data",
                "Controle: inputdata relevant en representatief (art. 26 lid 4)",
                "inputDataChecked"),
        DEPLOYER_ART26_7(
                "go-live-art26-7-workers",
                "Controle: werknemers en ondernemingsraad vooraf geïnformeerd (art. 26 lid 7)",
                "workersInformed"),
        DEPLOYER_ART26_9(
                "go-live-art26-9-dpia",
                "Controle: informatie van de aanbieder gebruikt voor de DPIA (art. 26 lid 9)",
                "providerInformationUsed"),
        DEPLOYER_ART86(
                "go-live-art86-explanation",
                "Controle: procedure voor uitleg van besluiten (art. 86)",
                "explanationProcedureInPlace"),
        PROVIDER_ART16(
                "go-live-provider-art16",
                "Controle: aanbiedersplichten (art. 16, met art. 17 en 11)",
                "providerObligationsMet"),
        PROVIDER_ART43("go-live-provider-art43", "Controle: conformiteitsbeoordeling (art. 43)", "conformityAssessed"),
        PROVIDER_ART47(
                "go-live-provider-art47", "Controle: EU-conformiteitsverklaring (art. 47)", "declarationDrawnUp"),
        PROVIDER_ART48("go-live-provider-art48", "Controle: CE-markering (art. 48)", "ceMarkingAffixed"),
        PROVIDER_ART49_1(
                "go-live-provider-art49-1",
                "Controle: registratie door de aanbieder in de EU-databank (art. 49 lid 1)",
                "providerRegistered"),
        PROVIDER_ART49_2(
                "go-live-provider-art49-2",
                "Controle: registratie van de uitzondering door de aanbieder (art. 6 lid 4, art. 49 lid 2)",
                "exceptionRegisteredByProvider"),
        PROVIDER_ART49_5(
                "go-live-provider-art49-5", "Controle: nationale registratie (art. 49 lid 5)", "nationallyRegistered"),
        PROVIDER_ART72(
                "go-live-provider-art72",
                "Controle: monitoring na het in de handel brengen (art. 72)",
                "postMarketMonitoringInPlace");

        private final String code;
        private final String label;
        private final String confirmation;

        Duty(String code, String label, String confirmation) {
            this.code = code;
            this.label = label;
            this.confirmation = confirmation;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public String confirmation() {
            return confirmation;
        }

        public static Optional<Duty> ofCode(Object code) {
            return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
        }
    }

    private GoLiveDuties() {}

    /** Every go-live check the outcome asks for: the high-risk tasks first, then the duties, in a fixed order. */
    public static List<String> required(Map<String, Object> outcome) {
        List<String> checks = new ArrayList<>();
        if (Boolean.TRUE.equals(outcome.get("highRiskAi"))) {
            if (registersInEuDatabase(outcome) && deploys(outcome)) {
                checks.add(EU_DATABASE);
            }
            if (!Boolean.FALSE.equals(outcome.get("friaRequired"))) {
                checks.add(FRIA_NOTIFICATION);
            }
            checks.add(ALGORITHM_REGISTER);
            if (deploys(outcome)) {
                checks.addAll(List.of(PERSONS_INFORMED, LOG_RETENTION));
            }
        }
        duties(outcome).forEach(d -> checks.add(d.code()));
        return checks;
    }

    /** The checks of the outcome that are not in {@code done}, in the order of {@link #required}. */
    public static List<String> open(Map<String, Object> outcome, Collection<String> done) {
        return required(outcome).stream().filter(c -> !done.contains(c)).toList();
    }

    /**
     * The checks that run as instances of the task "go-live-duty": Art. 50, the deployer's duties of high-risk AI
     * ({@link DeployerDuties}) and the provider's duties.
     */
    public static List<Duty> duties(Map<String, Object> outcome) {
        List<Duty> duties = new ArrayList<>();
        List<Art50Item> items = art50Items(outcome);
        boolean provides = provides(outcome);
        if (items.contains(Art50Item.INTERACTION)) {
            duties.add(provides ? Duty.ART50_1_INFORM : Duty.ART50_1_PROVIDER_CHECKED);
        }
        if (items.contains(Art50Item.SYNTHETIC_CONTENT)) {
            duties.add(provides ? Duty.ART50_2_MARK : Duty.ART50_2_PROVIDER_CHECKED);
        }
        if (deploys(outcome)) {
            if (items.contains(Art50Item.EMOTION_OR_BIOMETRIC)) {
                duties.add(Duty.ART50_3_INFORM);
            }
            if (items.contains(Art50Item.DEEPFAKE)) {
                duties.add(Duty.ART50_4_DEEPFAKE);
            }
            if (items.contains(Art50Item.PUBLIC_TEXT)) {
                duties.add(Duty.ART50_4_TEXT);
            }
        }
        duties.addAll(DeployerDuties.of(outcome));
        if (provides) {
            duties.addAll(providerDuties(outcome));
        }
        return duties;
    }

    private static List<Duty> providerDuties(Map<String, Object> outcome) {
        if ("EU_ART_6_4".equals(outcome.get("euRegistration"))) {
            return List.of(Duty.PROVIDER_ART49_2);
        }
        if (!Boolean.TRUE.equals(outcome.get("highRiskAi"))) {
            return List.of();
        }
        List<Duty> duties = new ArrayList<>(
                List.of(Duty.PROVIDER_ART16, Duty.PROVIDER_ART43, Duty.PROVIDER_ART47, Duty.PROVIDER_ART48));
        if ("NATIONAL".equals(outcome.get("euRegistration"))) {
            duties.add(Duty.PROVIDER_ART49_5);
        } else if (registersInEuDatabase(outcome)) {
            duties.add(Duty.PROVIDER_ART49_1);
        }
        duties.add(Duty.PROVIDER_ART72);
        return duties;
    }

    /** The Art. 50 items of the outcome; an outcome without items but with transparency duties: all five. */
    static List<Art50Item> art50Items(Map<String, Object> outcome) {
        Object items = outcome.get("art50Duties");
        if (items == null) {
            Object text = outcome.get("transparencyDuties");
            return text == null || text.toString().isBlank() ? List.of() : List.of(Art50Item.values());
        }
        return Arrays.stream(items.toString().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Art50Item::valueOf)
                .toList();
    }

    /** EU, or no answer (strict); not NONE, NATIONAL or the provider's Art. 6(4) registration. */
    private static boolean registersInEuDatabase(Map<String, Object> outcome) {
        Object registration = outcome.get("euRegistration");
        return registration == null || "EU".equals(registration);
    }

    /** The municipality is a provider: in-house (also deployer), for others, or no role recorded (strict). */
    static boolean provides(Map<String, Object> outcome) {
        return !"DEPLOYER".equals(outcome.get("aiActRole"));
    }

    /** The municipality deploys the system: every role but provider only. */
    static boolean deploys(Map<String, Object> outcome) {
        return !"PROVIDER".equals(outcome.get("aiActRole"));
    }
}
