package nl.waarborg.publication;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.waarborg.assessment.AssessmentVersion;

/**
 * The register entry's long texts proposed from the APPROVED IAMA and DPIA versions (issue 19, ADR 0034): which answer
 * of which form goes into which field of the standard, cut to the standard's limit at a sentence or word and marked
 * with "…" so the owner sees it was shortened and can rewrite it. A plain rule, no database.
 */
final class RegisterTexts {

    /** The answers (form keys in forms/iama-part-*.form and forms/dpia-section-*.form) per field of the standard. */
    static final Map<String, List<String>> IAMA = Map.of(
            "goal", List.of("part1Goal"),
            "proportionality", List.of("part5Balance", "part4NecessitySubsidiarity"),
            "human_intervention", List.of("part3HumanOversight"),
            "risks", List.of("part4SpecificRisks", "part4ResidualRisks"),
            "lawful_basis", List.of("part1LegalBasis"),
            "source_data", List.of("part2ProductionData"));

    static final Map<String, List<String>> DPIA = Map.of(
            "goal", List.of("sectionAPurposes"),
            "proportionality", List.of("sectionBNecessity"),
            "lawful_basis", List.of("sectionBLegalBasis"),
            "source_data", List.of("sectionAPersonalData"));

    /** The DPIA's risks (section C) as one list of the standard's field "risks". */
    static final String DPIA_RISKS = "sectionCRisks";

    static final String ELLIPSIS = "…";

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d-M-uuuu").withZone(ZoneId.of("Europe/Amsterdam"));

    private RegisterTexts() {}

    /**
     * The proposed texts: each field from the IAMA where it answers it, else from the DPIA, and {@code impacttoetsen}
     * with its grouping naming the approved versions (links only when {@code baseUrl} is https, as the standard asks).
     */
    static Map<String, Object> from(
            Optional<AssessmentVersion> iama, Optional<AssessmentVersion> dpia, String baseUrl) {
        Map<String, Object> texts = new LinkedHashMap<>();
        for (String field :
                List.of("goal", "proportionality", "human_intervention", "risks", "lawful_basis", "source_data")) {
            String text = iama.map(v -> joined(v.answers(), IAMA.getOrDefault(field, List.of())))
                    .filter(t -> !t.isBlank())
                    .or(() -> dpia.map(v -> "risks".equals(field)
                                    ? dpiaRisks(v.answers())
                                    : joined(v.answers(), DPIA.getOrDefault(field, List.of())))
                            .filter(t -> !t.isBlank()))
                    .orElse(null);
            if (text != null) {
                texts.put(field, cut(text, RegisterRules.LONG_TEXT));
            }
        }
        List<String> names = new ArrayList<>();
        List<RegisterEntry.Link> links = new ArrayList<>();
        for (AssessmentVersion v :
                List.of(iama, dpia).stream().flatMap(Optional::stream).toList()) {
            String title = v.type().name() + " (versie " + v.number() + ")";
            names.add(title + (v.frozenAt() == null ? "" : ", goedgekeurd op " + DAY.format(v.frozenAt())));
            if (baseUrl != null && baseUrl.startsWith("https://")) {
                links.add(new RegisterEntry.Link(
                        title, baseUrl + "/beoordelingen/" + v.assessmentId() + "/versies/" + v.number()));
            }
        }
        if (!names.isEmpty()) {
            texts.put("impacttoetsen", String.join("; ", names) + ".");
        }
        if (!links.isEmpty()) {
            texts.put("impacttoetsen_grouping", links);
        }
        return texts;
    }

    /** A version's answers by field key: the version keeps them per section (form), the keys are unique. */
    static Map<String, Object> flat(Map<String, Object> answers) {
        Map<String, Object> flat = new LinkedHashMap<>();
        answers.forEach((key, value) -> {
            if (value instanceof Map<?, ?> section) {
                section.forEach((k, v) -> flat.put(String.valueOf(k), v));
            } else {
                flat.put(key, value);
            }
        });
        return flat;
    }

    /** The answers in order, as plain text, separated by an empty line. */
    static String joined(Map<String, Object> versionAnswers, List<String> keys) {
        Map<String, Object> answers = flat(versionAnswers);
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            Object value = answers.get(key);
            if (value != null && !value.toString().isBlank()) {
                parts.add(plain(value.toString()));
            }
        }
        return String.join("\n\n", parts);
    }

    /** Each risk of section C on a line of its own, with its level. */
    static String dpiaRisks(Map<String, Object> versionAnswers) {
        if (!(flat(versionAnswers).get(DPIA_RISKS) instanceof List<?> risks)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Object item : risks) {
            if (item instanceof Map<?, ?> risk && risk.get("risk") != null) {
                Object level = risk.get("level");
                lines.add("- " + plain(risk.get("risk").toString())
                        + (level == null ? "" : " (risiconiveau: " + Objects.toString(level) + ")"));
            }
        }
        return String.join("\n", lines);
    }

    /** Markup removed and any other "<" made harmless: answers are plain text, the standard allows only a few tags. */
    static String plain(String text) {
        return TAG.matcher(text).replaceAll("").replace('<', '‹').strip();
    }

    /**
     * The text within {@code max} characters: unchanged when it fits, else cut after the last full sentence (or word)
     * that fits, followed by "…".
     */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        String head = text.substring(0, text.offsetByCodePoints(0, max - 2));
        int sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"));
        int end = sentence >= head.length() / 2 ? sentence + 1 : head.lastIndexOf(' ');
        String kept = (end > 0 ? head.substring(0, end) : head).strip();
        return kept + " " + ELLIPSIS;
    }
}
