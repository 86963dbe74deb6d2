package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.forms.FormViolation.Problem;
import org.junit.jupiter.api.Test;

/** The server's form check on the real forms of forms/, rule by rule, as form-js checks them in the browser. */
class FormValidatorTest {

    static final FormCatalog CATALOG = new FormCatalog(new ObjectMapper());
    final FormValidator validator = new FormValidator();

    List<FormViolation> check(String formId, Map<String, Object> values) {
        return validator.check(CATALOG.form(formId).orElseThrow(), values::get);
    }

    static Map<String, Object> triage() {
        return nl.waarborg.process.TriageAnswers.neutral();
    }

    @Test
    void aDateOfThePastLiesBetween1900AndTodaysCenturiesAndANumberOfMonthsIsWhole() {
        Map<String, Object> workers = new HashMap<>();
        workers.put("workersInformed", true);
        for (Object day : List.of("1900-01-01", "2199-12-31", new java.util.Date())) {
            workers.put("workersInformedDate", day);
            assertThat(check("go-live-art26-7-workers", workers))
                    .as(day.toString())
                    .extracting(FormViolation::field)
                    .doesNotContain("workersInformedDate");
        }
        Map<Object, Problem> refused = new java.util.LinkedHashMap<>();
        refused.put("0000-01-01", Problem.DATE_BEFORE);
        refused.put("1899-12-31", Problem.DATE_BEFORE);
        refused.put("2200-01-01", Problem.DATE_AFTER);
        refused.put(new java.util.Date(-3_000_000_000_000L), Problem.DATE_BEFORE); // in 1874, sent as a Date
        refused.put(20261201, Problem.WRONG_TYPE);
        refused.forEach((day, problem) -> {
            workers.put("workersInformedDate", day);
            assertThat(check("go-live-art26-7-workers", workers))
                    .as(day.toString())
                    .filteredOn(v -> v.field().equals("workersInformedDate"))
                    .extracting(FormViolation::problem)
                    .containsExactly(problem);
        });

        Map<String, Object> logs = new HashMap<>(Map.of("logsRetained", true));
        for (Object months : List.of(6, 12, 1200, "24", 12.0)) {
            logs.put("logRetentionMonths", months);
            assertThat(check("go-live-log-retention", logs))
                    .as(months.toString())
                    .isEmpty();
        }
        Map<Object, Problem> wrong = new java.util.LinkedHashMap<>();
        wrong.put(6.5, Problem.TOO_MANY_DECIMALS);
        wrong.put("12.25", Problem.TOO_MANY_DECIMALS);
        wrong.put(1e20, Problem.ABOVE_MAX);
        wrong.put(new java.math.BigInteger("99999999999999999999"), Problem.ABOVE_MAX);
        wrong.put(5, Problem.BELOW_MIN);
        wrong.forEach((months, problem) -> {
            logs.put("logRetentionMonths", months);
            assertThat(check("go-live-log-retention", logs))
                    .as(months.toString())
                    .extracting(FormViolation::problem)
                    .containsExactly(problem);
        });
        assertThat(new FormViolation("logRetentionMonths", "Bewaartermijn", null, Problem.TOO_MANY_DECIMALS, "0")
                        .message())
                .isEqualTo("Field 'logRetentionMonths' must be a whole number.");
    }

    @Test
    void anEmptyTriageIsRefusedNamingEachRequiredField() {
        // Every question of the pre-scan must be answered; the reasons for the Art. 6(3) exception only when claimed.
        List<FormViolation> empty = check("triage", Map.of());
        assertThat(empty).extracting(FormViolation::problem).containsOnly(Problem.REQUIRED);
        assertThat(empty)
                .extracting(FormViolation::field)
                .startsWith("purpose", "isAiSystem", "development", "workplaceUse", "prohibitedPractice")
                .contains("annexIiiArea", "exceptionRegistered", "dpaListType", "edpbBlocksRightOrService")
                .doesNotContain("exceptionReasons")
                .hasSize(35);
        Map<String, Object> claimed = triage();
        claimed.putAll(Map.of(
                "isAiSystem", "YES",
                "annexIiiArea", "EMPLOYMENT",
                "exceptionNoSignificantRisk", "YES",
                "exceptionNarrowTask", "YES",
                "exceptionRegistered", "YES"));
        assertThat(check("triage", claimed))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exceptionReasons", Problem.REQUIRED));
        assertThat(check("triage", triage())).isEmpty();
    }

    @Test
    void aDraftNeedsNothingAnsweredButKeepsTheKeysAndBoundsOfACompletion() {
        FormCatalog.Form triage = CATALOG.form("triage").orElseThrow();
        assertThat(validator.draftProblems(triage, Map.of())).isEmpty();
        assertThat(validator.draftProblems(triage, Map.of("purpose", "Half af", "isAiSystem", "NO")))
                .isEmpty();
        Map<String, Object> bad = new java.util.LinkedHashMap<>();
        bad.put("bogus", "x");
        bad.put("purpose", "x".repeat(FormValidator.MAX_TEXT_LENGTH + 1));
        bad.put("isAiSystem", "PERHAPS");
        bad.put("development", 7);
        assertThat(validator.draftProblems(triage, bad))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bogus", Problem.NOT_ON_FORM),
                        org.assertj.core.groups.Tuple.tuple("purpose", Problem.TOO_LONG),
                        org.assertj.core.groups.Tuple.tuple("isAiSystem", Problem.NOT_AN_OPTION),
                        org.assertj.core.groups.Tuple.tuple("development", Problem.WRONG_TYPE));
        // A list row: an unknown column is refused, an empty row is not.
        FormCatalog.Form part1 = CATALOG.form("iama-part-1").orElseThrow();
        assertThat(validator.draftProblems(
                        part1, Map.of("part1ActionPoints", List.of(Map.of(), Map.of("what", "x", "secret", "y")))))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("part1ActionPoints[1].secret", Problem.NOT_ON_FORM));
    }

    @Test
    void blanksAndWrongKindsDoNotCountAsAnswers() {
        Map<String, Object> v = triage();
        v.put("purpose", "   ");
        assertThat(check("triage", v)).extracting(FormViolation::problem).containsExactly(Problem.REQUIRED);
        v.put("purpose", 42);
        v.put("isAiSystem", true);
        assertThat(check("triage", v))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("purpose", Problem.WRONG_TYPE),
                        org.assertj.core.groups.Tuple.tuple("isAiSystem", Problem.WRONG_TYPE));
    }

    @Test
    void aChoiceMustBeOneOfTheFormsOptions() {
        Map<String, Object> v = triage();
        v.put("annexIiiArea", "SOMEWHERE_ELSE");
        List<FormViolation> problems = check("triage", v);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("annexIiiArea");
            assertThat(p.problem()).isEqualTo(Problem.NOT_AN_OPTION);
            assertThat(p.limit()).isEqualTo("SOMEWHERE_ELSE");
            assertThat(p.message()).contains("'annexIiiArea'").contains("SOMEWHERE_ELSE");
        });
        // A checklist: each chosen value must be an option.
        Map<String, Object> advice = Map.of(
                "decision",
                "SENT_BACK",
                "motivation",
                "Onvolledig",
                "sendBackTo",
                List.of("iama-part-1", "iama-part-9"));
        assertThat(check("iama-privacy-officer-advice", advice))
                .extracting(FormViolation::field, FormViolation::limit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sendBackTo", "iama-part-9"));
    }

    @Test
    void aRequiredCheckboxMustBeTickedAndANumberRespectsItsMinimum() {
        assertThat(check("go-live-log-retention", Map.of("logsRetained", false, "logRetentionMonths", 3)))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("logsRetained", Problem.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple("logRetentionMonths", Problem.BELOW_MIN));
        assertThat(check("go-live-log-retention", Map.of("logsRetained", true, "logRetentionMonths", "zes")))
                .extracting(FormViolation::problem)
                .containsExactly(Problem.WRONG_TYPE);
        assertThat(check("go-live-log-retention", Map.of("logsRetained", true, "logRetentionMonths", 6)))
                .isEmpty();
    }

    @Test
    void aHiddenFieldIsNotRequiredAndAShownOneIs() {
        // conditions: hidden unless decision = "APPROVED_WITH_CONDITIONS" (form-js conditional.hide, FEEL)
        assertThat(check("iama-ethics-committee-advice", Map.of("decision", "APPROVED", "motivation", "Goed")))
                .isEmpty();
        assertThat(check(
                        "iama-ethics-committee-advice",
                        Map.of("decision", "APPROVED_WITH_CONDITIONS", "motivation", "Goed")))
                .extracting(FormViolation::field)
                .containsExactly("conditions");
        assertThat(check("iama-ethics-committee-advice", Map.of("decision", "SENT_BACK", "motivation", "Terug")))
                .extracting(FormViolation::field)
                .containsExactly("sendBackTo");
        // deviationMotivation: shown only when approving against a negative advice, read from another variable.
        Map<String, Object> approve = new HashMap<>(Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        assertThat(check("iama-alderman-decision", approve))
                .extracting(FormViolation::field)
                .containsExactly("competentBody");
        approve.put("competentBody", "COLLEGE");
        assertThat(check("iama-alderman-decision", approve)).isEmpty();
        approve.put("ethicsCommitteeDecision", "REJECTED");
        assertThat(check("iama-alderman-decision", approve))
                .extracting(FormViolation::field)
                .containsExactly("deviationMotivation");
        approve.put("decision", "REJECTED");
        assertThat(check("iama-alderman-decision", approve)).isEmpty();
    }

    @Test
    void aListWithARequiredColumnNeedsARowAndEveryRowItsRequiredCells() {
        Map<String, Object> d = new HashMap<>(Map.of("sectionDResidualJustification", "Aanvaardbaar"));
        assertThat(check("dpia-section-d", d))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sectionDMeasures", Problem.NO_ROW));
        d.put(
                "sectionDMeasures",
                List.of(
                        Map.of("riskId", "R1", "measure", "Pseudonimiseren", "residualRisk", "LOW"),
                        Map.of("riskId", "R2", "residualRisk", "EXTREME", "colour", "rood")));
        assertThat(check("dpia-section-d", d))
                .extracting(FormViolation::field, FormViolation::problem, FormViolation::row)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sectionDMeasures[1].colour", Problem.NOT_ON_FORM, 2),
                        org.assertj.core.groups.Tuple.tuple("sectionDMeasures[1].measure", Problem.REQUIRED, 2),
                        org.assertj.core.groups.Tuple.tuple(
                                "sectionDMeasures[1].residualRisk", Problem.NOT_AN_OPTION, 2));
        d.put("sectionDMeasures", List.of(Map.of("riskId", "R1", "measure", "Pseudonimiseren", "residualRisk", "LOW")));
        // Action points have no required column: none is fine, and so is the empty row form-js starts with.
        d.put("sectionDActionPoints", List.of(Map.of("what", "", "owner", "")));
        assertThat(check("dpia-section-d", d)).isEmpty();
        d.put("sectionDActionPoints", "geen");
        assertThat(check("dpia-section-d", d))
                .extracting(FormViolation::problem)
                .containsExactly(Problem.WRONG_TYPE);
        d.put("sectionDActionPoints", List.of(Map.of("what", "Audit", "dueDate", "2027-02-30")));
        assertThat(check("dpia-section-d", d))
                .extracting(FormViolation::field)
                .containsExactly("sectionDActionPoints[0].dueDate");
        // The forms' date fields take a day; a bare time, a date-time or anything after the day is no answer.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        for (String notADate : List.of(
                "12:00",
                "23:59:59Z",
                "2027-02-24Tmorgen",
                "2027-02-24T25:00",
                today.plusDays(3) + "T00:00:00.000Z",
                today + "T23:59:00-12:00",
                "20270224")) {
            d.put("sectionDActionPoints", List.of(Map.of("what", "Audit", "dueDate", notADate)));
            assertThat(check("dpia-section-d", d))
                    .as(notADate)
                    .extracting(FormViolation::field, FormViolation::problem)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("sectionDActionPoints[0].dueDate", Problem.WRONG_TYPE));
        }
        // A due date is planned (disallowPassedDates on the form): from today up to ten years ahead.
        for (java.time.LocalDate planned : List.of(today, today.plusMonths(3), today.plusYears(10))) {
            d.put("sectionDActionPoints", List.of(Map.of("what", "Audit", "dueDate", planned.toString())));
            assertThat(check("dpia-section-d", d)).as(planned.toString()).isEmpty();
        }
        d.put(
                "sectionDActionPoints",
                List.of(Map.of("what", "Audit", "dueDate", today.minusDays(1).toString())));
        assertThat(check("dpia-section-d", d))
                .extracting(FormViolation::problem, FormViolation::limit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.DATE_BEFORE, today.toString()));
        for (String far : List.of(today.plusYears(10).plusDays(1).toString(), "9999-12-31")) {
            d.put("sectionDActionPoints", List.of(Map.of("what", "Audit", "dueDate", far)));
            assertThat(check("dpia-section-d", d))
                    .as(far)
                    .extracting(FormViolation::problem, FormViolation::limit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            Problem.DATE_AFTER, today.plusYears(10).toString()));
        }
    }

    @Test
    void aTextWithAnInvisibleControlCharacterIsRefusedOnEveryPathThatCompletesATask() {
        Map<String, Object> v = triage();
        v.put("purpose", "Doel\u202Etxt.exe");
        assertThat(check("triage", v)).singleElement().satisfies(p -> {
            assertThat(p.problem()).isEqualTo(Problem.CONTROL_CHARACTER);
            assertThat(p.limit()).isEqualTo("U+202E");
            assertThat(p.message()).contains("'purpose'").contains("invisible control character");
        });
        v.put("purpose", "Regel 1\nRegel 2\tmet tab");
        assertThat(check("triage", v)).isEmpty();
    }

    @Test
    void textIsAtMostTheDocumentedLimitCountedAsFormJsDoes() {
        Map<String, Object> v = triage();
        v.put("purpose", "a".repeat(FormValidator.MAX_TEXT_LENGTH) + "  ");
        assertThat(check("triage", v)).isEmpty();
        v.put("purpose", "a".repeat(FormValidator.MAX_TEXT_LENGTH + 1));
        assertThat(check("triage", v)).singleElement().satisfies(p -> {
            assertThat(p.problem()).isEqualTo(Problem.TOO_LONG);
            assertThat(p.limit()).isEqualTo("100000");
        });
    }

    @Test
    void everyTextFieldOfEveryFormNamesItsLimitSoTheBrowserSaysItBeforeSubmitting() {
        for (FormCatalog.Form form : CATALOG.all()) {
            form.inputs().stream()
                    .flatMap(f -> f.isList() ? f.columns().stream() : java.util.stream.Stream.of(f))
                    .filter(FormField::isText)
                    .forEach(f -> assertThat(f.maxLength())
                            .as("%s: %s", form.id(), f.key())
                            .isNotNull()
                            .isLessThanOrEqualTo(FormValidator.MAX_TEXT_LENGTH));
        }
        // Action points go into columns of 2,000 and 200 characters when the version is approved.
        FormField points = CATALOG.form("iama-part-1")
                .orElseThrow()
                .input("part1ActionPoints")
                .orElseThrow();
        assertThat(points.columns())
                .filteredOn(c -> c.key().equals("what"))
                .singleElement()
                .extracting(FormField::maxLength)
                .isEqualTo(2000);
        assertThat(points.columns())
                .filteredOn(c -> c.key().equals("owner"))
                .singleElement()
                .extracting(FormField::maxLength)
                .isEqualTo(200);
    }

    @Test
    void onlyTheFormsInputsMayBeSubmitted() {
        FormCatalog.Form triage = CATALOG.form("triage").orElseThrow();
        assertThat(validator.unknownKeys(triage, List.of("purpose", "isAiSystem")))
                .isEmpty();
        assertThat(validator.unknownKeys(triage, List.of("purpose", "assessmentId", "iamaRequired")))
                .extracting(FormViolation::field)
                .containsExactly("assessmentId", "iamaRequired");
        // What a form's texts only show (an advice, remarks) is no input either: form-js never submits it.
        assertThat(validator.unknownKeys(
                        CATALOG.form("iama-alderman-decision").orElseThrow(), List.of("privacyOfficerDecision")))
                .extracting(FormViolation::problem)
                .containsExactly(Problem.NOT_ON_FORM);
    }

    @Test
    void patternsAndLengthBoundsOfAFormAreApplied() throws Exception {
        String json = """
                {"id": "probe", "components": [
                  {"type": "textfield", "key": "code", "label": "Code", "validate": {"pattern": "^[A-Z]{2}-\\\\d+$", "minLength": 4}},
                  {"type": "group", "conditional": {"hide": "=code = \\"XX-1\\""}, "components": [
                    {"type": "number", "key": "amount", "label": "Bedrag", "validate": {"required": true, "max": 10}}]}]}
                """;
        FormCatalog.Form probe = CATALOG.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(validator.check(probe, Map.<String, Object>of("code", "ab-1", "amount", 11)::get))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("code", Problem.PATTERN),
                        org.assertj.core.groups.Tuple.tuple("amount", Problem.ABOVE_MAX));
        assertThat(validator.check(probe, Map.<String, Object>of("code", "AB-1")::get))
                .extracting(FormViolation::problem)
                .containsExactly(Problem.REQUIRED);
        assertThat(validator.check(probe, Map.<String, Object>of("code", "X-1")::get))
                .extracting(FormViolation::problem)
                .contains(Problem.TOO_SHORT);
        // A group's condition hides what it holds.
        assertThat(validator.check(probe, Map.<String, Object>of("code", "XX-1")::get))
                .isEmpty();
    }

    @Test
    void theConditionsOfEveryFormAreValidFeel() {
        assertThat(
                        FormConditions.names(
                                "=not((decision = \"APPROVED\" or decision = \"X\") and (privacyOfficerDecision = \"REJECTED\"))"))
                .containsExactly("decision", "privacyOfficerDecision");
        for (FormCatalog.Form form : CATALOG.all()) {
            assertThat(validator.check(form, name -> null)).as(form.id()).isNotNull();
        }
    }

    @Test
    void iamaPartFourAsksTheSeverityOfANegativeImpactOnTheScaleOfIamaVersionTwo() {
        Map<String, Object> part4 = new java.util.HashMap<>(Map.of(
                "part4SpecificRisks", "r",
                "part4Effectiveness", "e",
                "part4NecessitySubsidiarity", "n",
                "part4RiskResponse", "a"));
        part4.putAll(ModelQuestionAnswers.iama(4));
        part4.put("part4Rights", List.of(Map.of("right", "non-discriminatie", "impact", "NEGATIVE")));
        assertThat(check("iama-part-4", part4))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("part4Rights[0].rightWeight", Problem.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple("part4Rights[0].infringementExtent", Problem.REQUIRED),
                        org.assertj.core.groups.Tuple.tuple("part4Rights[0].infringementSeverity", Problem.REQUIRED));
        // A row signed on the old scale keeps its value, but a new answer needs the new scale too (fail-closed).
        part4.put(
                "part4Rights",
                List.of(Map.of("right", "non-discriminatie", "impact", "NEGATIVE", "severity", "VERY_HIGH")));
        assertThat(check("iama-part-4", part4)).extracting(FormViolation::field).hasSize(3);
        part4.put(
                "part4Rights",
                List.of(
                        Map.of(
                                "right",
                                "non-discriminatie",
                                "impact",
                                "NEGATIVE",
                                "rightWeight",
                                "CORE",
                                "infringementExtent",
                                "LIMITED",
                                "infringementSeverity",
                                "MEDIUM"),
                        Map.of("right", "recht-op-onderwijs", "impact", "POSITIVE")));
        assertThat(check("iama-part-4", part4))
                .as("a positive impact has no severity")
                .isEmpty();
        part4.put(
                "part4Rights",
                List.of(Map.of(
                        "right",
                        "non-discriminatie",
                        "impact",
                        "NEGATIVE",
                        "rightWeight",
                        "CORE",
                        "infringementExtent",
                        "LIMITED",
                        "infringementSeverity",
                        "VERY_HIGH")));
        assertThat(check("iama-part-4", part4))
                .extracting(FormViolation::field, FormViolation::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "part4Rights[0].infringementSeverity", Problem.NOT_AN_OPTION));
    }

    @Test
    void theAldermanGivesEveryConditionAVerdictAndAcceptsEveryResidualRiskOnTheForm() {
        // ADR 0035: the rows come from the advice and the answers; the form asks a verdict per row when approving.
        Map<String, Object> approve = new HashMap<>(Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        approve.put("competentBody", "WETHOUDER_MANDAAT");
        approve.put(
                "conditionVerdicts",
                List.of(
                        Map.of("source", "FG", "condition", "Logging bewaren"),
                        Map.of("source", "FG", "condition", "Jaarlijks toetsen", "verdict", "REJECTED"),
                        Map.of("source", "FG", "condition", "Bias meten", "verdict", "ADOPTED")));
        approve.put(
                "residualRiskAcceptances", List.of(Map.of("risk", "R1: fouten", "level", "HIGH", "accepted", false)));
        assertThat(check("dpia-alderman-decision", approve))
                .extracting(FormViolation::field)
                .containsExactly(
                        "mandateReference",
                        "conditionVerdicts[0].verdict",
                        "conditionVerdicts[1].reason",
                        "conditionVerdicts[2].owner",
                        "conditionVerdicts[2].dueDate",
                        "residualRiskAcceptances[0].accepted");
        // Sending back asks none of it; an empty list (no conditions in the advice) is no missing row.
        approve.put("decision", "SENT_BACK");
        approve.put("sendBackTo", List.of("dpia-section-d"));
        assertThat(check("dpia-alderman-decision", approve)).isEmpty();
        Map<String, Object> plain = new HashMap<>(Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        plain.put("competentBody", "COLLEGE");
        plain.put("conditionVerdicts", List.of());
        plain.put("residualRiskAcceptances", List.of());
        assertThat(check("dpia-alderman-decision", plain)).isEmpty();
    }
}
