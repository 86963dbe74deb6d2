package nl.waarborg.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The triage decision (bpmn/triage.dmn), rule by rule, each test named after the legal case it encodes.
 * Runs on the plain DMN engine (no Spring context); {@link #everyRuleWasExercised()} proves that every rule of
 * every table in the DRD was hit by at least one of these cases.
 */
class TriageDecisionTest {

    static final Path MODEL = Path.of("bpmn/triage.dmn");

    static DmnEngine engine;
    static DmnDecision triage;
    static final Set<String> matchedRules = new TreeSet<>();

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionEvaluationListeners(List.of(new DmnDecisionEvaluationListener() {
            @Override
            public void notify(DmnDecisionEvaluationEvent event) {
                record(event.getDecisionResult());
                event.getRequiredDecisionResults().forEach(TriageDecisionTest::record);
            }
        }));
        engine = configuration.buildEngine();
        try (InputStream in = Files.newInputStream(MODEL)) {
            triage = engine.parseDecision("triage", in);
        }
    }

    private static void record(DmnDecisionLogicEvaluationEvent event) {
        if (event instanceof DmnDecisionTableEvaluationEvent table) {
            table.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
        }
    }

    static Map<String, Object> neutral() {
        return TriageAnswers.neutral();
    }

    static Map<String, Object> evaluate(Map<String, Object> variables) {
        DmnDecisionResult result = engine.evaluateDecision(triage, variables);
        assertThat(result).hasSize(1);
        return result.getSingleResult().getEntryMap();
    }

    static Map<String, Object> aiSystem(String area) {
        Map<String, Object> v = neutral();
        v.put("isAiSystem", true);
        v.put("annexIiiArea", area);
        return v;
    }

    // ---- AI Act Art. 5: prohibited practices stop the cycle ----

    @ParameterizedTest(name = "AI-verordening art. 5 lid 1 onder {1}: {0} -> stoppen")
    @CsvSource({
        "MANIPULATION, a",
        "EXPLOITING_VULNERABILITIES, b",
        "SOCIAL_SCORING, c",
        "CRIME_PREDICTION_PROFILING, d",
        "FACE_SCRAPING, e",
        "EMOTION_RECOGNITION_WORK_EDUCATION, f",
        "BIOMETRIC_CATEGORISATION_SENSITIVE, g",
        "REALTIME_REMOTE_BIOMETRIC_IDENTIFICATION, h"
    })
    void prohibitedPracticeStops(String practice, String letter) {
        Map<String, Object> v = aiSystem("ESSENTIAL_SERVICES");
        v.put("prohibitedPractice", practice);
        v.put("processesPersonalData", true);
        v.put("dpaListType", "PROFILING");
        Map<String, Object> out = evaluate(v);
        assertThat(out)
                .containsEntry("triageStop", true)
                .containsEntry("iamaRequired", false)
                .containsEntry("dpiaRequired", false)
                .containsEntry("highRiskAi", false);
        assertThat((String) out.get("triageStopReason"))
                .contains("art. 5 lid 1 onder " + letter)
                .contains("mag niet");
    }

    // ---- AI Act Art. 6 and Annex III: high risk, the 6(3) exception and the FRIA of Art. 27 ----

    @ParameterizedTest(
            name = "Bijlage III ({0}) bij een gemeente: hoog risico, FRIA (art. 27 lid 1) via de IAMA, categorie A")
    @CsvSource({
        "BIOMETRICS",
        "EDUCATION",
        "EMPLOYMENT",
        "ESSENTIAL_SERVICES",
        "LAW_ENFORCEMENT",
        "MIGRATION",
        "JUSTICE_DEMOCRACY"
    })
    void annexIiiAreaNeedsFria(String area) {
        Map<String, Object> out = evaluate(aiSystem(area));
        assertThat(out)
                .containsEntry("triageStop", false)
                .containsEntry("highRiskAi", true)
                .containsEntry("iamaRequired", true)
                .containsEntry("publicationCategory", "A");
        assertThat(out.get("triageStopReason")).isNull();
    }

    @Test
    @DisplayName(
            "Bijlage III punt 5 onder a (bijstand, Wmo, Jeugd) met profilering: uitzondering art. 6 lid 3 geldt nooit, dus hoog risico")
    void profilingExcludesTheNarrowTaskException() {
        Map<String, Object> v = aiSystem("ESSENTIAL_SERVICES");
        v.put("narrowProceduralTask", true);
        v.put("profilesPersons", true);
        assertThat(evaluate(v))
                .containsEntry("highRiskAi", true)
                .containsEntry("iamaRequired", true)
                .containsEntry("publicationCategory", "A");
    }

    @Test
    @DisplayName("Art. 6 lid 3: beperkte procedurele taak zonder profilering is geen hoog risico (categorie C)")
    void narrowProceduralTaskWithoutProfilingIsNotHighRisk() {
        Map<String, Object> v = aiSystem("EMPLOYMENT");
        v.put("narrowProceduralTask", true);
        assertThat(evaluate(v))
                .containsEntry("highRiskAi", false)
                .containsEntry("iamaRequired", false)
                .containsEntry("publicationCategory", "C");
    }

    @Test
    @DisplayName(
            "Bijlage III punt 2 (kritieke infrastructuur): hoog risico maar geen FRIA (art. 27 lid 1), dus geen IAMA, categorie A")
    void criticalInfrastructureNeedsNoFria() {
        assertThat(evaluate(aiSystem("CRITICAL_INFRASTRUCTURE")))
                .containsEntry("highRiskAi", true)
                .containsEntry("iamaRequired", false)
                .containsEntry("publicationCategory", "A")
                .containsEntry("triageStop", false);
    }

    @Test
    @DisplayName("Bijlage III punt 2 met rechtsgevolgen: geen FRIA-plicht, maar als impactvol algoritme toch een IAMA")
    void criticalInfrastructureWithLegalEffectsStillGetsAnIama() {
        Map<String, Object> v = aiSystem("CRITICAL_INFRASTRUCTURE");
        v.put("legalEffects", true);
        assertThat(evaluate(v))
                .containsEntry("highRiskAi", true)
                .containsEntry("iamaRequired", true)
                .containsEntry("publicationCategory", "A");
    }

    @Test
    @DisplayName(
            "AI-systeem buiten bijlage III (art. 6 lid 2 niet van toepassing) zonder impact: geen IAMA, categorie C")
    void aiOutsideAnnexIiiIsNotHighRisk() {
        assertThat(evaluate(aiSystem("NONE")))
                .containsEntry("highRiskAi", false)
                .containsEntry("iamaRequired", false)
                .containsEntry("publicationCategory", "C");
    }

    @Test
    @DisplayName("Geen AI-systeem (art. 3 punt 1): bijlage III telt niet mee, ook als er een gebied is ingevuld")
    void notAnAiSystemIsNeverHighRiskAi() {
        Map<String, Object> v = aiSystem("EMPLOYMENT");
        v.put("isAiSystem", false);
        assertThat(evaluate(v)).containsEntry("highRiskAi", false).containsEntry("publicationCategory", "C");
    }

    // ---- Impactful algorithms (Algoritmekader): IAMA and category B ----

    @Test
    @DisplayName(
            "Impactvol algoritme met directe rechtsgevolgen (bijv. een regelgebaseerd toekenningsalgoritme): IAMA, categorie B")
    void legalEffectsMakeAnAlgorithmImpactful() {
        Map<String, Object> v = neutral();
        v.put("legalEffects", true);
        assertThat(evaluate(v))
                .containsEntry("iamaRequired", true)
                .containsEntry("publicationCategory", "B")
                .containsEntry("highRiskAi", false);
    }

    @Test
    @DisplayName("Impactvol algoritme dat mensen of groepen indeelt (risicoprofiel): IAMA, categorie B")
    void classifyingPeopleMakesAnAlgorithmImpactful() {
        Map<String, Object> v = neutral();
        v.put("classifiesPersons", true);
        assertThat(evaluate(v)).containsEntry("iamaRequired", true).containsEntry("publicationCategory", "B");
    }

    @Test
    @DisplayName("Overig algoritme zonder rechtsgevolgen of indeling: geen IAMA, geen DPIA, categorie C")
    void otherAlgorithm() {
        assertThat(evaluate(neutral()))
                .containsEntry("triageStop", false)
                .containsEntry("iamaRequired", false)
                .containsEntry("dpiaRequired", false)
                .containsEntry("dpiaRecommended", false)
                .containsEntry("publicationCategory", "C");
    }

    // ---- GDPR Art. 35: DPIA ----

    @Test
    @DisplayName(
            "AVG art. 35 lid 3: stelselmatige beoordeling, grootschalig bijzondere gegevens of cameratoezicht -> DPIA verplicht")
    void article35Paragraph3RequiresADpia() {
        Map<String, Object> v = neutral();
        v.put("processesPersonalData", true);
        v.put("art35Paragraph3Case", true);
        assertThat(evaluate(v)).containsEntry("dpiaRequired", true).containsEntry("dpiaRecommended", false);
    }

    @ParameterizedTest(name = "AVG art. 35 lid 4, lijst van de Autoriteit Persoonsgegevens: {0} -> DPIA verplicht")
    @CsvSource({
        "FRAUD_PREVENTION",
        "BLACKLISTS",
        "PROFILING",
        "CAMERA_SURVEILLANCE",
        "LOCATION_DATA",
        "HEALTH_DATA",
        "BIOMETRIC_DATA",
        "EMPLOYEE_MONITORING"
    })
    void dpaListRequiresADpia(String type) {
        Map<String, Object> v = neutral();
        v.put("processesPersonalData", true);
        v.put("dpaListType", type);
        assertThat(evaluate(v)).containsEntry("dpiaRequired", true).containsEntry("dpiaRecommended", false);
    }

    @Test
    @DisplayName(
            "EDPB-richtsnoeren (WP248): twee criteria (evaluatie/scoring en kwetsbare betrokkenen) -> DPIA verplicht")
    void twoEdpbCriteriaRequireADpia() {
        Map<String, Object> v = neutral();
        v.put("processesPersonalData", true);
        v.put("edpbEvaluationScoring", true);
        v.put("edpbVulnerableSubjects", true);
        assertThat(evaluate(v)).containsEntry("dpiaRequired", true).containsEntry("dpiaRecommended", false);
    }

    @Test
    @DisplayName("EDPB-richtsnoeren (WP248): één criterium (grootschalig) -> DPIA aanbevolen, niet verplicht")
    void oneEdpbCriterionRecommendsADpia() {
        Map<String, Object> v = neutral();
        v.put("processesPersonalData", true);
        v.put("edpbLargeScale", true);
        assertThat(evaluate(v)).containsEntry("dpiaRequired", false).containsEntry("dpiaRecommended", true);
    }

    @Test
    @DisplayName("Persoonsgegevens zonder criterium van art. 35, de AP-lijst of de EDPB: geen DPIA")
    void personalDataWithoutHighRiskIndicators() {
        Map<String, Object> v = neutral();
        v.put("processesPersonalData", true);
        assertThat(evaluate(v)).containsEntry("dpiaRequired", false).containsEntry("dpiaRecommended", false);
    }

    @Test
    @DisplayName("Geen persoonsgegevens: de AVG geldt niet, dus geen DPIA, ook niet bij ingevulde criteria")
    void noPersonalDataNoDpia() {
        Map<String, Object> v = neutral();
        v.put("edpbEvaluationScoring", true);
        v.put("edpbLargeScale", true);
        v.put("dpaListType", "PROFILING");
        assertThat(evaluate(v)).containsEntry("dpiaRequired", false).containsEntry("dpiaRecommended", false);
    }

    @Test
    @DisplayName(
            "Bijstand met risicoprofilering (bijlage III punt 5a, AP-lijst fraudebestrijding): IAMA en DPIA naast elkaar, categorie A")
    void welfareFraudProfilingNeedsBoth() {
        Map<String, Object> v = aiSystem("ESSENTIAL_SERVICES");
        v.put("profilesPersons", true);
        v.put("processesPersonalData", true);
        v.put("dpaListType", "FRAUD_PREVENTION");
        v.put("legalEffects", true);
        assertThat(evaluate(v))
                .containsEntry("iamaRequired", true)
                .containsEntry("dpiaRequired", true)
                .containsEntry("highRiskAi", true)
                .containsEntry("publicationCategory", "A");
    }

    // ---- A missing answer never yields "not required": it counts as the strictest answer ----

    @ParameterizedTest(name = "{0} ontbreekt (leeg: {1}) -> het strengste antwoord")
    @CsvSource({"prohibitedPractice, true", "prohibitedPractice, false"})
    void aMissingProhibitedPracticeAnswerStopsTheCycle(String key, boolean absent) {
        Map<String, Object> v = neutral();
        unanswer(v, key, absent);
        Map<String, Object> out = evaluate(v);
        assertThat(out).containsEntry("triageStop", true);
        assertThat((String) out.get("triageStopReason")).contains("strengste antwoord");
        v.put("prohibitedPractice", "SOMETHING_ELSE");
        assertThat(evaluate(v)).containsEntry("triageStop", true);
    }

    @ParameterizedTest(name = "{0} ontbreekt -> hoog risico met FRIA, IAMA")
    @CsvSource({"isAiSystem", "annexIiiArea", "profilesPersons", "narrowProceduralTask"})
    void aMissingHighRiskAnswerCountsAsHighRisk(String key) {
        Map<String, Object> v = aiSystem("EMPLOYMENT");
        // The Art. 6(3) exception if every answer were there; with the area missing, the explicit exception still holds
        // (it applies whatever the area), so that case leaves it out.
        v.put("narrowProceduralTask", !"annexIiiArea".equals(key));
        if (!"isAiSystem".equals(key)) {
            unanswer(v, key, true);
            assertThat(evaluate(v))
                    .containsEntry("highRiskAi", true)
                    .containsEntry("iamaRequired", true)
                    .containsEntry("publicationCategory", "A");
        }
        Map<String, Object> unknownAi = aiSystem(null);
        unanswer(unknownAi, "isAiSystem", false);
        assertThat(evaluate(unknownAi)).containsEntry("highRiskAi", true).containsEntry("iamaRequired", true);
    }

    @ParameterizedTest(name = "{0} ontbreekt -> impactvol, IAMA")
    @CsvSource({"legalEffects", "classifiesPersons"})
    void aMissingImpactAnswerCountsAsImpactful(String key) {
        Map<String, Object> v = neutral();
        unanswer(v, key, true);
        assertThat(evaluate(v)).containsEntry("iamaRequired", true).containsEntry("publicationCategory", "B");
    }

    @ParameterizedTest(name = "{0} ontbreekt -> DPIA verplicht")
    @CsvSource({"processesPersonalData", "art35Paragraph3Case", "dpaListType"})
    void aMissingDpiaAnswerRequiresADpia(String key) {
        Map<String, Object> v = neutral();
        v.put("processesPersonalData", true);
        unanswer(v, key, false);
        assertThat(evaluate(v)).containsEntry("dpiaRequired", true);
    }

    @Test
    @DisplayName("Een EDPB-criterium zonder antwoord telt mee: twee ontbrekende antwoorden -> DPIA verplicht")
    void missingEdpbAnswersCountAsCriteria() {
        Map<String, Object> v = neutral();
        v.put("processesPersonalData", true);
        v.remove("edpbLargeScale");
        v.put("edpbSensitiveData", null);
        assertThat(evaluate(v)).containsEntry("dpiaRequired", true);
    }

    @Test
    @DisplayName("Een lege pre-scan: stoppen, nooit 'niets nodig'")
    void anEmptyTriageNeverSaysNothingIsNeeded() {
        Map<String, Object> out = evaluate(new java.util.HashMap<>());
        assertThat(out).containsEntry("triageStop", true);
        Map<String, Object> onlyPractice = new java.util.HashMap<>(Map.of("prohibitedPractice", "NONE"));
        assertThat(evaluate(onlyPractice))
                .containsEntry("triageStop", false)
                .containsEntry("iamaRequired", true)
                .containsEntry("dpiaRequired", true)
                .containsEntry("highRiskAi", true);
    }

    /** The answer is left out (absent) or sent as null. */
    private static void unanswer(Map<String, Object> v, String key, boolean absent) {
        if (absent) {
            v.remove(key);
        } else {
            v.put(key, null);
        }
    }

    @AfterAll
    static void everyRuleWasExercised() throws Exception {
        DmnModelInstance model = Dmn.readModelFromFile(MODEL.toFile());
        Set<String> all = new LinkedHashSet<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            assertThat(decision.getCamundaHistoryTimeToLiveString())
                    .as("history TTL of decision %s", decision.getId())
                    .isNotBlank();
        }
        model.getModelElementsByType(Rule.class).forEach(rule -> all.add(rule.getId()));
        assertThat(matchedRules).as("rules hit by the cases above").containsAll(all);
        System.out.println("[waarborg-test] triage.dmn: " + all.size() + " rules, all exercised");
    }
}
