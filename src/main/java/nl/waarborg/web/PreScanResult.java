package nl.waarborg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pre-scan's outcome as a reader needs it (issue 18 point 16): one line per assessment saying verplicht,
 * aanbevolen or niet nodig with the reason the decision gives (which cites the article), instead of the raw flags
 * ("DPIA verplicht: Ja" beside "DPIA aanbevolen: Nee"), and the AI Act facts that have a value. The verdicts are the
 * decision's own {@code iamaAdvice} / {@code dpiaAdvice}; an outcome recorded before those existed is read from its
 * flags, strictly (required wins).
 */
public record PreScanResult(List<Verdict> verdicts, boolean stopped, String stopReason, List<Fact> facts) {

    /** One assessment: {@code advice} REQUIRED, RECOMMENDED or NOT_REQUIRED, with the decision's reason. */
    public record Verdict(String assessment, String advice, String reason) {}

    /** One fact of the outcome by its key (label {@code triage.<key>}) and value (label {@code triageValue.<v>}). */
    public record Fact(String key, Object value) {}

    /** The AI Act and publication facts shown below the verdicts, in this order, when the outcome has them. */
    static final List<String> FACT_KEYS = List.of(
            "aiActClass",
            "aiActClassReason",
            "aiActRole",
            "annexIiiPoint",
            "friaRequired",
            "transparencyDuties",
            "euRegistration",
            "publicationCategory",
            "impactfulAlgorithm");

    public static PreScanResult of(Map<String, Object> outcome) {
        List<Verdict> verdicts = List.of(
                new Verdict("DPIA", advice(outcome, "dpia"), text(outcome.get("dpiaGround"))),
                new Verdict("IAMA", advice(outcome, "iama"), text(outcome.get("iamaReason"))));
        List<Fact> facts = new ArrayList<>();
        for (String key : FACT_KEYS) {
            Object value = outcome.get(key);
            if (value != null && !value.toString().isBlank()) {
                facts.add(new Fact(key, value));
            }
        }
        return new PreScanResult(
                verdicts,
                Boolean.TRUE.equals(outcome.get("triageStop")),
                text(outcome.get("triageStopReason")),
                List.copyOf(facts));
    }

    private static String advice(Map<String, Object> outcome, String assessment) {
        Object advice = outcome.get(assessment + "Advice");
        if (advice != null && List.of("REQUIRED", "RECOMMENDED", "NOT_REQUIRED").contains(advice.toString())) {
            return advice.toString();
        }
        if (!Boolean.FALSE.equals(outcome.get(assessment + "Required"))) {
            return "REQUIRED"; // missing or true: read strictly
        }
        return Boolean.TRUE.equals(outcome.get(assessment + "Recommended")) ? "RECOMMENDED" : "NOT_REQUIRED";
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }
}
