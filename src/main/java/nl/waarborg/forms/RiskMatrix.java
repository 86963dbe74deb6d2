package nl.waarborg.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.waarborg.forms.FormViolation.Problem;

/**
 * The level of a risk of DPIA section C ({@code sectionCRisks}), derived from its likelihood and impact on the form's
 * own three-step scale (LOW, MEDIUM, HIGH), never picked by hand. Each step counts 1, 2 or 3; the product of likelihood
 * and impact gives the level: 1-2 LOW, 3-4 MEDIUM, 6-9 HIGH. As a matrix (rows likelihood, columns impact):
 *
 * <pre>
 *                impact LOW   impact MEDIUM   impact HIGH
 * likely HIGH    MEDIUM       HIGH            HIGH
 * likely MEDIUM  LOW          MEDIUM          HIGH
 * likely LOW     LOW          LOW             MEDIUM
 * </pre>
 *
 * The server stamps the derived level on every saved row; a level that a client sends anyway must equal it (a
 * version saved before this rule keeps the level it was signed with). See ADR 0046.
 */
public final class RiskMatrix {

    public static final String FORM_ID = "dpia-section-c";
    public static final String RISKS = "sectionCRisks";
    public static final String LIKELIHOOD = "likelihood";
    public static final String IMPACT = "impact";
    public static final String LEVEL = "level";
    /** The form's scale, lowest first. */
    public static final List<String> SCALE = List.of("LOW", "MEDIUM", "HIGH");

    private RiskMatrix() {}

    /** The level for this likelihood and impact; empty when either is not a step of the scale. */
    public static Optional<String> level(Object likelihood, Object impact) {
        int l = SCALE.indexOf(String.valueOf(likelihood)) + 1;
        int i = SCALE.indexOf(String.valueOf(impact)) + 1;
        if (l == 0 || i == 0) {
            return Optional.empty();
        }
        int score = l * i;
        return Optional.of(score <= 2 ? "LOW" : score <= 4 ? "MEDIUM" : "HIGH");
    }

    /** The rows of section C with the derived level in place of any level they had; other values are kept as given. */
    public static Object withLevels(Object risks) {
        if (!(risks instanceof List<?> rows)) {
            return risks;
        }
        List<Object> stamped = new ArrayList<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> risk) {
                Map<Object, Object> copy = new LinkedHashMap<>(risk);
                level(risk.get(LIKELIHOOD), risk.get(IMPACT)).ifPresent(level -> copy.put(LEVEL, level));
                stamped.add(copy);
            } else {
                stamped.add(row);
            }
        }
        return stamped;
    }

    /** The rows whose given level differs from the derived one, as a refusal naming {@code sectionCRisks[i].level}. */
    public static List<FormViolation> contradictions(Function<String, Object> answers) {
        List<FormViolation> found = new ArrayList<>();
        if (!(answers.apply(RISKS) instanceof List<?> rows)) {
            return found;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> risk) || risk.get(LEVEL) == null) {
                continue;
            }
            Optional<String> derived = level(risk.get(LIKELIHOOD), risk.get(IMPACT));
            String given = String.valueOf(risk.get(LEVEL));
            if (derived.isPresent() && !derived.get().equals(given)) {
                found.add(new FormViolation(
                        RISKS + "[" + i + "]." + LEVEL,
                        "Het risiconiveau volgt uit kans × impact en is dan "
                                + dutch(derived.get()) + ", niet " + dutch(given)
                                + ". Laat het risiconiveau leeg; Waarborg berekent het.",
                        i + 1,
                        Problem.CONTRADICTION,
                        "the level follows from likelihood x impact (" + risk.get(LIKELIHOOD) + " x "
                                + risk.get(IMPACT) + " = " + derived.get() + "), not " + given
                                + "; leave 'level' out and the server derives it."));
            }
        }
        return found;
    }

    /** One cell of the matrix: its level and the numbers of the risks placed in it, in the order of section C. */
    public record Cell(String impact, String level, List<String> riskIds) {

        /** The level in Dutch, for the PDF (the pages use messages). */
        public String levelDutch() {
            return dutch(level);
        }

        public String impactDutch() {
            return dutch(impact);
        }
    }

    /** One row of the matrix: a likelihood with a cell per impact, LOW to HIGH. */
    public record Row(String likelihood, List<Cell> cells) {

        public String likelihoodDutch() {
            return dutch(likelihood);
        }
    }

    /**
     * The matrix with the risks of section C placed in it by number (a risk without a number by its row, "#n"), rows
     * from HIGH likelihood down so that the picture reads as usual; empty when no risk has both steps.
     */
    public static List<Row> grid(Object risks) {
        Map<String, List<String>> placed = new LinkedHashMap<>();
        boolean any = false;
        if (risks instanceof List<?> rows) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) instanceof Map<?, ?> risk
                        && level(risk.get(LIKELIHOOD), risk.get(IMPACT)).isPresent()) {
                    Object id = risk.get("riskId");
                    String name = id == null || id.toString().isBlank()
                            ? "#" + (i + 1)
                            : id.toString().strip();
                    placed.computeIfAbsent(risk.get(LIKELIHOOD) + "/" + risk.get(IMPACT), k -> new ArrayList<>())
                            .add(name);
                    any = true;
                }
            }
        }
        if (!any) {
            return List.of();
        }
        List<Row> grid = new ArrayList<>();
        for (String likelihood : List.of("HIGH", "MEDIUM", "LOW")) {
            List<Cell> cells = new ArrayList<>();
            for (String impact : SCALE) {
                cells.add(new Cell(
                        impact,
                        level(likelihood, impact).orElseThrow(),
                        List.copyOf(placed.getOrDefault(likelihood + "/" + impact, List.of()))));
            }
            grid.add(new Row(likelihood, List.copyOf(cells)));
        }
        return List.copyOf(grid);
    }

    /** The grid of a version's answers (its section C); empty for an IAMA or a DPIA without rated risks. */
    public static List<Row> gridOf(Map<String, Object> answers) {
        return answers != null && answers.get(FORM_ID) instanceof Map<?, ?> section
                ? grid(section.get(RISKS))
                : List.of();
    }

    /** The Dutch word of a step, as the form labels it. */
    public static String dutch(String step) {
        return switch (step) {
            case "LOW" -> "laag";
            case "MEDIUM" -> "gemiddeld";
            case "HIGH" -> "hoog";
            default -> step;
        };
    }
}
