package nl.waarborg.forms;

import java.util.HashMap;
import java.util.Map;

/**
 * Answers to the required questions that complete the forms against IAMA v2 and the Rijksmodel DPIA v3 (ADR 0037),
 * for the fixtures that fill in a whole IAMA part or DPIA section: one place, so each fixture adds them alike.
 */
public final class ModelQuestionAnswers {

    private ModelQuestionAnswers() {}

    /** The required new answers of IAMA part 1 to 5 (none for parts 1). */
    public static Map<String, Object> iama(int part) {
        Map<String, Object> v = new HashMap<>();
        switch (part) {
            case 2 -> {
                v.put("part2InputDataQuality", "Gegevens uit de eigen basisregistratie, maandelijks gecontroleerd");
                v.put("part2InputDataBias", "Oververtegenwoordiging van wijken met veel controles in het verleden");
            }
            case 3 -> {
                v.put("part3StaffReporting", "Meldpunt bij de teamleider, binnen een week besproken");
                v.put("part3AffectedReporting", "Klachtenregeling en bezwaar via het loket");
            }
            case 4 -> {
                v.put("part4HighRiskAi", "Nee, geen hoog-risico AI-systeem");
                v.put("part4DpiaNeeded", "Ja, de DPIA staat bij het systeem");
                v.put("part4EqualTreatment", "Geen onderscheid op beschermde gronden; getoetst door de jurist");
            }
            case 5 -> {
                v.put("part5ServedInterests", "Snellere en gelijke beslissingen voor aanvragers");
                v.put("part5ServedWeight", "MEDIUM");
                v.put("part5ServedLikelihood", "LIKELY");
                v.put("part5ServedNecessity", "Zonder het algoritme lopen de wachttijden op");
                v.put("part5HarmedInterests", "Privacy en risico op onterechte afwijzing");
                v.put("part5HarmedWeight", "MEDIUM");
            }
            default -> {}
        }
        return v;
    }

    /** The required new answers of DPIA section a, b (c and d add a field to each row instead). */
    public static Map<String, Object> dpia(char section) {
        Map<String, Object> v = new HashMap<>();
        if (section == 'a') {
            v.put("sectionADataSubjectViewsSought", "SOUGHT");
            v.put("sectionADataSubjectViews", "De cliëntenraad steunt het voorstel onder voorwaarden");
            v.put("sectionATransfersOutsideEea", "NO");
        } else if (section == 'b') {
            for (String right : new String[] {
                "Access",
                "Rectification",
                "Erasure",
                "Restriction",
                "Portability",
                "AutomatedDecision",
                "Objection",
                "Information"
            }) {
                v.put("sectionBRight" + right + "Procedure", "YES");
                v.put("sectionBRight" + right + "Explanation", "Verzoek via het loket, antwoord binnen een maand");
            }
            v.put("sectionBRightPortabilityProcedure", "NOT_APPLICABLE");
            v.remove("sectionBRightPortabilityExplanation");
            v.put("sectionBArt22Applies", "NO");
        }
        return v;
    }
}
