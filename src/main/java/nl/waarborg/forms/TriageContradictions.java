package nl.waarborg.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.waarborg.forms.FormViolation.Problem;

/**
 * Answers to the pre-scan (forms/triage.form) that cannot all be true. The form check ({@link TaskFormCheck}) refuses
 * them on every completion path, so the triage decision never judges a contradiction. Only definite answers
 * contradict: "weet ik niet" ({@code UNKNOWN}) counts as the strict answer in the decision and is never refused here.
 * The rules follow docs/legal/classification.md.
 */
public final class TriageContradictions {

    public static final String FORM_ID = "triage";

    static final String YES = "YES";
    static final String NO = "NO";

    /** One rule: when {@code applies}, {@code field} is at fault, explained in Dutch and English. */
    record Rule(String field, Predicate<Function<String, Object>> applies, String dutch, String english) {}

    static final List<String> PERSONAL_DATA_FACTS = List.of(
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
            "edpbBlocksRightOrService");

    static final List<String> AI_ONLY_FACTS = List.of(
            "annexISafetyComponent",
            "transparencyInteraction",
            "transparencySyntheticContent",
            "transparencyEmotionOrBiometric",
            "transparencyDeepfake",
            "transparencyPublicText");

    private static final List<Rule> RULES = rules();

    private TriageContradictions() {}

    /** The contradictions in these answers, one per field to change (the first rule's); empty when there are none. */
    public static List<FormViolation> check(Function<String, Object> answers) {
        List<FormViolation> found = new ArrayList<>();
        for (Rule rule : RULES) {
            boolean fieldNamed = found.stream().anyMatch(v -> v.field().equals(rule.field()));
            if (!fieldNamed && rule.applies().test(answers)) {
                found.add(new FormViolation(rule.field(), rule.dutch(), null, Problem.CONTRADICTION, rule.english()));
            }
        }
        return found;
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(
                "processesPersonalData",
                a -> is(a, "profilesPersons", YES) && is(a, "processesPersonalData", NO),
                "Profilering is altijd een verwerking van persoonsgegevens (AVG art. 4 punt 4, AI-verordening art. 3"
                        + " punt 52). Beantwoord ‘verwerkt persoonsgegevens’ met ja, of ‘profileert personen’ met nee.",
                "Profiling always processes personal data (GDPR Art. 4(4), AI Act Art. 3(52)): 'processesPersonalData'"
                        + " cannot be NO when 'profilesPersons' is YES."));
        rules.add(new Rule(
                "edpbEvaluationScoring",
                a -> is(a, "profilesPersons", YES) && is(a, "edpbEvaluationScoring", NO),
                "Profilering is een evaluatie of scoring van personen (WP248, criterium 1). Beantwoord dat criterium"
                        + " met ja, of ‘profileert personen’ met nee.",
                "Profiling is evaluation or scoring (WP248 criterion 1): 'edpbEvaluationScoring' cannot be NO when"
                        + " 'profilesPersons' is YES."));
        rules.add(new Rule(
                "legalEffects",
                a -> is(a, "edpbAutomatedDecision", YES) && is(a, "legalEffects", NO),
                "Geautomatiseerde besluiten met rechtsgevolg of een vergelijkbaar effect (WP248, criterium 2) passen"
                        + " niet bij ‘geen rechtsgevolgen’. Pas een van beide antwoorden aan.",
                "Automated decisions with legal or similarly significant effects (WP248 criterion 2) contradict"
                        + " 'legalEffects' = NO."));
        for (String fact : PERSONAL_DATA_FACTS) {
            rules.add(new Rule(
                    "processesPersonalData",
                    a -> is(a, fact, YES) && is(a, "processesPersonalData", NO),
                    "U geeft aan dat het systeem geen persoonsgegevens verwerkt, maar beantwoordt een vraag over de"
                            + " verwerking van persoonsgegevens (art. 35 AVG of WP248) met ja. Pas een van beide aan.",
                    "'" + fact + "' is YES, which presumes personal data, but 'processesPersonalData' is NO."));
        }
        rules.add(new Rule(
                "processesPersonalData",
                a -> !is(a, "dpaListType", "NONE")
                        && !is(a, "dpaListType", "UNKNOWN")
                        && a.apply("dpaListType") != null
                        && is(a, "processesPersonalData", NO),
                "Een soort op de DPIA-lijst van de Autoriteit Persoonsgegevens is altijd een verwerking van"
                        + " persoonsgegevens. Beantwoord ‘verwerkt persoonsgegevens’ met ja, of kies ‘geen van deze’.",
                "A type on the Dutch DPA's DPIA list presumes personal data, but 'processesPersonalData' is NO."));
        rules.add(new Rule(
                "prohibitedPractice",
                a -> is(a, "isAiSystem", NO)
                        && a.apply("prohibitedPractice") != null
                        && !is(a, "prohibitedPractice", "NONE")
                        && !is(a, "prohibitedPractice", "UNKNOWN"),
                "De verboden praktijken van AI-verordening art. 5 gaan over AI-systemen, maar u geeft aan dat het"
                        + " geen AI-systeem is. Beantwoord ‘AI-systeem’ met ja of ‘weet ik niet’, of kies ‘geen van deze’.",
                "The prohibited practices of AI Act Art. 5 concern AI systems, but 'isAiSystem' is NO."));
        for (String fact : AI_ONLY_FACTS) {
            rules.add(new Rule(
                    fact,
                    a -> is(a, "isAiSystem", NO) && is(a, fact, YES),
                    "Deze vraag gaat over AI-systemen (AI-verordening art. 6 lid 1 of art. 50), maar u geeft aan dat"
                            + " het geen AI-systeem is. Beantwoord ‘AI-systeem’ met ja of ‘weet ik niet’, of deze vraag met"
                            + " nee.",
                    "'" + fact + "' is YES, which presumes an AI system, but 'isAiSystem' is NO."));
        }
        return List.copyOf(rules);
    }

    private static boolean is(Function<String, Object> answers, String key, String value) {
        return value.equals(answers.apply(key));
    }
}
