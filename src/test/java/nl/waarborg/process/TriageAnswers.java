package nl.waarborg.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers to the triage form (forms/triage.form) for tests. The neutral case triggers nothing: every yes/no question
 * "NO", a supplier's system, no prohibited practice, no Annex III area, not on the DPA's list.
 */
public final class TriageAnswers {

    public static final String YES = "YES";
    public static final String NO = "NO";
    public static final String UNKNOWN = "UNKNOWN";

    /**
     * The answers that, on top of the neutral case, make an impactful algorithm without personal data: an IAMA
     * (recommended), no DPIA. For test fixtures that drive a system into the IAMA.
     */
    public static final Map<String, Object> IMPACTFUL_WITHOUT_PERSONAL_DATA =
            Map.of("legalEffects", YES, "classifiesPersons", YES);

    /** The yes / no / "weet ik niet" questions of the form. */
    public static final List<String> YES_NO_QUESTIONS = List.of(
            "isAiSystem",
            "annexISafetyComponent",
            "profilesPersons",
            "exceptionNoSignificantRisk",
            "exceptionNarrowTask",
            "exceptionImprovesHumanWork",
            "exceptionDetectsPatterns",
            "exceptionPreparatoryTask",
            "exceptionRegistered",
            "transparencyInteraction",
            "transparencySyntheticContent",
            "transparencyEmotionOrBiometric",
            "transparencyDeepfake",
            "transparencyPublicText",
            "legalEffects",
            "classifiesPersons",
            "processesPersonalData",
            "systematicEvaluation",
            "specialOrCriminalDataLargeScale",
            "publicMonitoringLargeScale",
            "edpbEvaluationScoring",
            "edpbAutomatedDecision",
            "edpbSystematicMonitoring",
            "edpbSensitiveData",
            "edpbLargeScale",
            "edpbMatchingDatasets",
            "edpbVulnerableSubjects",
            "edpbNewTechnology",
            "edpbBlocksRightOrService",
            "workplaceUse");

    private TriageAnswers() {}

    /** A municipal algorithm that triggers nothing: no AI, no personal data, no legal effects. */
    public static Map<String, Object> neutral() {
        Map<String, Object> v = new HashMap<>();
        v.put("purpose", "Aanvragen sneller behandelen");
        v.put("development", "SUPPLIER");
        v.put("prohibitedPractice", "NONE");
        v.put("annexIiiArea", "NONE");
        v.put("dpaListType", "NONE");
        YES_NO_QUESTIONS.forEach(q -> v.put(q, NO));
        return v;
    }

    /** The neutral answers with these changed (values as the form sends them). */
    public static Map<String, Object> with(Map<String, Object> changes) {
        Map<String, Object> v = neutral();
        v.putAll(changes);
        return v;
    }

    /** An impactful algorithm (legal effects, classifies people) without personal data: IAMA recommended, category B. */
    public static Map<String, Object> impactful() {
        return Map.of("legalEffects", YES, "classifiesPersons", YES);
    }

    /**
     * Welfare-fraud risk profiling by an AI system (Annex III point 5(a)) with personal data on the DPA's list: the IAMA
     * is required as FRIA and a DPIA is required.
     */
    public static Map<String, Object> highRiskWithPersonalData() {
        return Map.of(
                "isAiSystem", YES,
                "annexIiiArea", "ESSENTIAL_SERVICES",
                "profilesPersons", YES,
                "edpbEvaluationScoring", YES,
                "processesPersonalData", YES,
                "dpaListType", "FRAUD_PREVENTION",
                "legalEffects", YES);
    }
}
