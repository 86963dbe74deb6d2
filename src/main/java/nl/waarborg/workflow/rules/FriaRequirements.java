package nl.waarborg.workflow.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The elements of a fundamental rights impact assessment that AI Act Art. 27(1)(a)-(f) requires, per IAMA part. */
public final class FriaRequirements {

    /** Field key → the element of Art. 27(1) it answers, per form id. */
    public static final Map<String, Map<String, String>> ELEMENTS = Map.of(
            "iama-part-3",
                    ordered(
                            "part3DeployerProcess", "(a) de processen waarin het systeem wordt gebruikt",
                            "part3UsePeriodFrequency", "(b) periode en frequentie van gebruik",
                            "part3AffectedGroups", "(c) categorieën betrokken personen en groepen",
                            "part3HumanOversight", "(e) maatregelen voor menselijk toezicht"),
            "iama-part-4",
                    ordered(
                            "part4SpecificRisks", "(d) specifieke risico's op schade",
                            "part4RiskResponse",
                                    "(f) maatregelen als risico's zich voordoen, governance en klachtenregeling"));

    private FriaRequirements() {}

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * The elements of form {@code formId} left empty in the submitted values, all named in one message; the first one
     * missing is the field at fault. Empty when all are filled or the form holds none.
     */
    public static Optional<FieldProblem> problem(String formId, Function<String, Object> values) {
        List<String> missing = new ArrayList<>();
        String firstField = null;
        for (Map.Entry<String, String> element :
                ELEMENTS.getOrDefault(formId, Map.of()).entrySet()) {
            Object value = values.apply(element.getKey());
            if (value == null || value.toString().isBlank()) {
                missing.add(element.getValue() + " [" + element.getKey() + "]");
                firstField = firstField == null ? element.getKey() : firstField;
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem(
                firstField, "The FRIA (AI-verordening art. 27 lid 1) needs " + String.join("; ", missing) + "."));
    }
}
