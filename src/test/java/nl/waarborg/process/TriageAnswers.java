package nl.waarborg.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers to the triage form (forms/triage.form) for tests: the neutral case triggers nothing. */
public final class TriageAnswers {

    static final List<String> EDPB_CRITERIA = List.of(
            "edpbEvaluationScoring",
            "edpbAutomatedDecision",
            "edpbSystematicMonitoring",
            "edpbSensitiveData",
            "edpbLargeScale",
            "edpbMatchingDatasets",
            "edpbVulnerableSubjects",
            "edpbNewTechnology",
            "edpbBlocksRightOrService");

    private TriageAnswers() {}

    /** A municipal algorithm that triggers nothing: no AI, no personal data, no legal effects. */
    public static Map<String, Object> neutral() {
        Map<String, Object> v = new HashMap<>();
        v.put("purpose", "Aanvragen sneller behandelen");
        v.put("prohibitedPractice", "NONE");
        v.put("isAiSystem", false);
        v.put("annexIiiArea", "NONE");
        v.put("profilesPersons", false);
        v.put("narrowProceduralTask", false);
        v.put("legalEffects", false);
        v.put("classifiesPersons", false);
        v.put("processesPersonalData", false);
        v.put("art35Paragraph3Case", false);
        v.put("dpaListType", "NONE");
        EDPB_CRITERIA.forEach(c -> v.put(c, false));
        return v;
    }
}
