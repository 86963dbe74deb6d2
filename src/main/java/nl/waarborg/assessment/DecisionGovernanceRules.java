package nl.waarborg.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.DecisionGovernance.CompetentBody;
import nl.waarborg.shared.InvalidInputException;

/**
 * What the alderman's decision must settle besides the decision itself (ADR 0035), as plain rules: who decides (the
 * competent body, with the mandate's reference for an alderman under mandate); on approval, a verdict on every
 * condition of the advice (adopted with an owner and a due date, or rejected with reasons) and the explicit acceptance of
 * every residual risk. The result is the record that the signed version keeps. Refusals name the field as the form does
 * ({@code conditionVerdicts[0].reason}).
 */
final class DecisionGovernanceRules {

    static final String CONDITIONS = "conditionVerdicts";
    static final String RISKS = "residualRiskAcceptances";
    static final String ACTION_POINTS = "condition" + ActionPoints.SUFFIX;
    static final String OWN = "ownConditionActions";
    static final String OWN_SOURCE = "Besluit";

    private DecisionGovernanceRules() {}

    /** The group the decider must belong to for this body, beyond the gate's own group. */
    static Optional<String> requiredGroup(String competentBody) {
        return CompetentBody.BURGEMEESTER.name().equals(trim(competentBody))
                ? Optional.of(DecisionGovernance.MAYOR_GROUP)
                : Optional.empty();
    }

    /**
     * The record of this decision for the signed version, or empty for a send-back (nobody decided yet).
     *
     * @param decision   the valid decision (GateDecisionRules)
     * @param conditions the conditions of the latest advice (AdviceConditions)
     * @param risks      the residual risks the answers leave (AcceptedResidualRisks)
     */
    static Optional<Map<String, Object>> record(
            String decision,
            DecisionGovernance input,
            List<AdviceConditions.Item> conditions,
            List<AcceptedResidualRisks.Risk> risks,
            LocalDate today) {
        if (Decision.SENT_BACK.is(decision)) {
            return Optional.empty();
        }
        Map<String, Object> record = new LinkedHashMap<>();
        String body = trim(input.competentBody());
        if (body == null
                || java.util.Arrays.stream(CompetentBody.values())
                        .noneMatch(b -> b.name().equals(body))) {
            throw new InvalidInputException(
                    "competentBody",
                    "Gate field 'competentBody' must be COLLEGE, BURGEMEESTER or WETHOUDER_MANDAAT: the decision records"
                            + " which body decides.");
        }
        record.put("competentBody", body);
        String mandate = trim(input.mandateReference());
        if (CompetentBody.WETHOUDER_MANDAAT.name().equals(body) && mandate == null) {
            throw new InvalidInputException(
                    "mandateReference",
                    "Gate field 'mandateReference' is required: an alderman decides under mandate only with the"
                            + " reference of the mandate decision.");
        }
        if (mandate != null) {
            record.put("mandateReference", mandate);
        }
        if (!Decision.approves(decision)) {
            return Optional.of(record);
        }
        List<Map<String, Object>> verdicts = new ArrayList<>();
        List<Map<String, Object>> actionPoints = new ArrayList<>();
        List<?> rows = rows(
                input.conditionVerdicts(),
                CONDITIONS,
                conditions.size(),
                "condition",
                conditions.stream().map(AdviceConditions.Item::condition).toList());
        for (int i = 0; i < conditions.size(); i++) {
            verdicts.add(verdict(conditions.get(i), (Map<?, ?>) rows.get(i), CONDITIONS + "[" + i + "]", today));
            if ("ADOPTED".equals(verdicts.get(i).get("verdict"))) {
                actionPoints.add(actionPoint(conditions.get(i), verdicts.get(i)));
            }
        }
        if (Decision.APPROVED_WITH_CONDITIONS.is(decision)) {
            record.put(OWN, ownConditions(input, actionPoints, today));
        }
        List<?> acceptances = rows(
                input.residualRiskAcceptances(),
                RISKS,
                risks.size(),
                "risk",
                risks.stream().map(AcceptedResidualRisks.Risk::risk).toList());
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (int i = 0; i < risks.size(); i++) {
            if (!Boolean.TRUE.equals(((Map<?, ?>) acceptances.get(i)).get("accepted"))) {
                throw new InvalidInputException(
                        RISKS + "[" + i + "].accepted",
                        "Residual risk " + (i + 1) + " ('" + risks.get(i).risk()
                                + "') is not accepted: whoever approves"
                                + " accepts each residual risk explicitly. Send the version back or reject it instead.");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("risk", risks.get(i).risk());
            if (risks.get(i).level() != null) {
                row.put("level", risks.get(i).level());
            }
            row.put("accepted", true);
            accepted.add(row);
        }
        record.put(CONDITIONS, verdicts);
        record.put(RISKS, accepted);
        record.put(ACTION_POINTS, actionPoints);
        return Optional.of(record);
    }

    /**
     * The alderman's own conditions (ADR 0043), one per line of the text, each a row with an owner and a due date that
     * becomes an action point like an adopted condition of the advice.
     */
    private static List<Map<String, Object>> ownConditions(
            DecisionGovernance input, List<Map<String, Object>> actionPoints, LocalDate today) {
        List<String> conditions =
                AdviceConditions.split(ownConditionsText(input.ownConditions(), input.ownConditionActions()));
        if (conditions.isEmpty()) {
            throw new InvalidInputException(
                    OWN + "[0]",
                    "Gate field '" + OWN + "' needs a row per condition, each with an owner and a due date: the"
                            + " alderman's conditions become action points.");
        }
        List<?> rows = rows(input.ownConditionActions(), OWN, conditions.size(), "condition", conditions);
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            AdviceConditions.Item item = new AdviceConditions.Item("alderman-decision", OWN_SOURCE, conditions.get(i));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("condition", item.condition());
            adopted(item, (Map<?, ?>) rows.get(i), OWN + "[" + i + "]", today, row);
            result.add(row);
            actionPoints.add(actionPoint(item, row));
        }
        return result;
    }

    /** The text as given, or the rows' conditions one per line when only rows are given. */
    static String ownConditionsText(String text, List<?> rows) {
        if (trim(text) != null || rows == null) {
            return text;
        }
        List<String> lines = new ArrayList<>();
        for (Object row : rows) {
            String condition = row instanceof Map<?, ?> map ? trim(map.get("condition")) : null;
            if (condition != null) {
                lines.add(condition);
            }
        }
        return lines.isEmpty() ? text : String.join("\n", lines);
    }

    private static Map<String, Object> actionPoint(AdviceConditions.Item item, Map<String, Object> verdict) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("what", item.source() + ": " + item.condition());
        point.put("owner", verdict.get("owner"));
        point.put("dueDate", verdict.get("dueDate"));
        return point;
    }

    /** The submitted rows, exactly one per expected item and in the same order, each holding its item's text. */
    private static List<?> rows(Object submitted, String field, int expected, String textKey, List<String> texts) {
        List<?> rows = submitted instanceof List<?> list ? list : List.of();
        for (int i = 0; i < Math.max(rows.size(), expected); i++) {
            String path = field + "[" + i + "]";
            if (i >= rows.size()) {
                throw new InvalidInputException(
                        path,
                        "Gate field '" + field + "' has no row for item " + (i + 1) + " ('" + texts.get(i) + "'): "
                                + expected + " are required, none may be left out.");
            }
            if (i >= expected) {
                throw new InvalidInputException(
                        path,
                        "Gate field '" + field + "' has " + rows.size() + " rows, but only " + expected + " exist.");
            }
            if (!(rows.get(i) instanceof Map<?, ?> row) || !texts.get(i).equals(trim(row.get(textKey)))) {
                throw new InvalidInputException(
                        path + "." + textKey,
                        "Row " + (i + 1) + " of '" + field + "' must hold '" + texts.get(i)
                                + "' as given: items cannot be changed, reordered or replaced.");
            }
        }
        return rows;
    }

    private static Map<String, Object> verdict(
            AdviceConditions.Item item, Map<?, ?> row, String path, LocalDate today) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("source", item.source());
        result.put("condition", item.condition());
        String verdict = trim(row.get("verdict"));
        if ("REJECTED".equals(verdict)) {
            String reason = trim(row.get("reason"));
            if (reason == null) {
                throw new InvalidInputException(
                        path + ".reason",
                        "Condition '" + item.condition() + "' is rejected without a reason: a rejection needs one.");
            }
            result.put("verdict", verdict);
            result.put("reason", reason);
        } else if ("ADOPTED".equals(verdict)) {
            result.put("verdict", verdict);
            adopted(item, row, path, today, result);
        } else {
            throw new InvalidInputException(
                    path + ".verdict",
                    "Condition '" + item.condition() + "' of the " + item.source()
                            + " has no verdict: adopt it (ADOPTED) or reject it with reasons (REJECTED).");
        }
        return result;
    }

    /** An adopted condition becomes an action point: it needs an owner and a due date that has not passed. */
    private static void adopted(
            AdviceConditions.Item item, Map<?, ?> row, String path, LocalDate today, Map<String, Object> result) {
        String owner = trim(row.get("owner"));
        if (owner == null) {
            throw new InvalidInputException(
                    path + ".owner", "Adopted condition '" + item.condition() + "' needs an owner.");
        }
        result.put("owner", owner);
        result.put(
                "dueDate",
                dueDate(row.get("dueDate"), path + ".dueDate", item, today).toString());
    }

    private static LocalDate dueDate(Object value, String path, AdviceConditions.Item item, LocalDate today) {
        String text = trim(value);
        LocalDate due;
        try {
            due = text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            due = null;
        }
        if (due == null) {
            throw new InvalidInputException(
                    path, "Adopted condition '" + item.condition() + "' needs a due date (YYYY-MM-DD).");
        }
        if (due.isBefore(today)) {
            throw new InvalidInputException(
                    path, "The due date " + due + " of adopted condition '" + item.condition() + "' has passed.");
        }
        return due;
    }

    private static String trim(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }
}
