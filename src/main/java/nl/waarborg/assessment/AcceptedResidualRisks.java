package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The residual risks that the alderman accepts when approving a version, derived from its answers (ADR 0035). DPIA:
 * every risk of section C ({@code sectionCRisks}) with the highest residual risk that section D gives it
 * ({@code sectionDMeasures}); a risk without a measure keeps the level of section C, since nothing reduced it. IAMA:
 * each line of the residual risks of part 4 ({@code part4ResidualRisks}) and part 5 ({@code part5ResidualRisks}).
 */
final class AcceptedResidualRisks {

    /** A residual risk as the decision lists it; {@code level} LOW, MEDIUM or HIGH, null where the answers give none. */
    record Risk(String risk, String level) {}

    private static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

    private AcceptedResidualRisks() {}

    static List<Risk> of(AssessmentType type, Map<String, Object> answers) {
        return type == AssessmentType.DPIA ? dpia(answers) : iama(answers);
    }

    private static List<Risk> dpia(Map<String, Object> answers) {
        Map<String, String> residual = new LinkedHashMap<>();
        for (Map<?, ?> measure : rows(answers, "dpia-section-d", "sectionDMeasures")) {
            String riskId = text(measure.get("riskId"));
            String level = text(measure.get("residualRisk"));
            if (riskId != null && LEVELS.contains(level)) {
                residual.merge(riskId, level, AcceptedResidualRisks::higher);
            }
        }
        List<Risk> risks = new ArrayList<>();
        for (Map<?, ?> risk : rows(answers, "dpia-section-c", "sectionCRisks")) {
            String riskId = text(risk.get("riskId"));
            String description = text(risk.get("risk"));
            if (description == null) {
                continue;
            }
            String level =
                    riskId != null && residual.containsKey(riskId) ? residual.get(riskId) : text(risk.get("level"));
            risks.add(new Risk(
                    riskId == null ? description : riskId + ": " + description, LEVELS.contains(level) ? level : null));
        }
        return risks;
    }

    private static List<Risk> iama(Map<String, Object> answers) {
        List<Risk> risks = new ArrayList<>();
        for (String[] field : List.of(
                new String[] {"iama-part-4", "part4ResidualRisks"},
                new String[] {"iama-part-5", "part5ResidualRisks"})) {
            Object section = answers.get(field[0]);
            if (section instanceof Map<?, ?> fields) {
                AdviceConditions.split(text(fields.get(field[1]))).stream()
                        .filter(line -> risks.stream().noneMatch(r -> r.risk().equals(line)))
                        .forEach(line -> risks.add(new Risk(line, null)));
            }
        }
        return risks;
    }

    private static String higher(String a, String b) {
        return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
    }

    private static List<Map<?, ?>> rows(Map<String, Object> answers, String section, String field) {
        List<Map<?, ?>> rows = new ArrayList<>();
        if (answers.get(section) instanceof Map<?, ?> fields && fields.get(field) instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).map(r -> (Map<?, ?>) r).forEach(rows::add);
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : Objects.toString(value).strip();
    }
}
