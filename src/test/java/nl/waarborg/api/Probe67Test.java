package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.forms.Fixtures;
import nl.waarborg.shared.DutchDates;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Probe 67 from outside: values that the law or common sense does not allow, in the date, number and choice fields of
 * the forms, sent over the real HTTP paths (/api, /engine-rest, the Dutch task page with session and CSRF). Each test
 * asserts the safe outcome: a 400 naming the field, the task still open and no audit event; a test that fails found a
 * hole.
 */
@WaarborgIntegrationTest
class Probe67Test extends GuardScenario {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Annex III point 5 with profiling, from a supplier, used at the workplace: high-risk AI with go-live duties. */
    private static final Map<String, Object> HIGH_RISK_AI_AT_WORK = Map.of(
            "isAiSystem", "YES",
            "annexIiiArea", "ESSENTIAL_SERVICES",
            "profilesPersons", "YES",
            "processesPersonalData", "YES",
            "edpbEvaluationScoring", "YES",
            "workplaceUse", "YES");

    @Autowired
    JdbcClient jdbc;

    private long auditEvents(String systemId) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_audit_event WHERE system_id = :s")
                .param("s", systemId)
                .query(Long.class)
                .single();
    }

    /** The action points of the system's approved versions: what, and the due date as stored. */
    private List<String> actionPoints(String systemId) {
        return jdbc.sql("""
                SELECT p.what, p.due_date FROM wb_action_point p
                JOIN wb_assessment_version v ON v.id = p.version_id
                JOIN wb_assessment a ON a.id = v.assessment_id WHERE a.system_id = :s""")
                .param("s", systemId)
                .query((rs, n) -> rs.getString(1) + " due " + rs.getString(2))
                .list();
    }

    /** The answers as JSON on /engine-rest: lists and maps as Camunda's Json type, the rest as they are. */
    private HttpResponse<String> viaEngineRest(String user, String taskId, Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(
                k,
                v instanceof List<?> || v instanceof Map<?, ?>
                        ? Map.of("value", ApiSteps.write(v), "type", "Json")
                        : Map.of("value", v)));
        return api(user)
                .postJson(
                        "/engine-rest/task/" + taskId + "/submit-form", ApiSteps.write(Map.of("variables", variables)));
    }

    /**
     * Sends the answers on every path (/api, /engine-rest, the page) until one accepts them; the answers of each path,
     * in order ("api 400", …). A path that accepts ends the task, so the paths after it are not tried.
     */
    private List<HttpResponse<String>> onEveryPath(String user, String taskId, Map<String, ?> values) {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(steps().viaApi(user, taskId, values));
        if (answers.get(0).statusCode() >= 300) {
            answers.add(viaEngineRest(user, taskId, values));
        }
        if (answers.get(answers.size() - 1).statusCode() >= 300) {
            answers.add(steps().viaPage(user, taskId, values));
        }
        return answers;
    }

    private static boolean accepted(List<HttpResponse<String>> answers) {
        return answers.stream().anyMatch(r -> r.statusCode() < 300);
    }

    private static void refusedNaming(List<HttpResponse<String>> answers, String field, String evidence) {
        for (HttpResponse<String> r : answers) {
            assertThat(r.statusCode())
                    .as("%s %s accepted or failed (%s): %s", r.request().method(), r.uri(), evidence, r.body())
                    .isEqualTo(400);
            assertThat(r.body()).as(r.uri().toString()).contains(field).doesNotContain("\tat ");
        }
        // The page answers in Dutch.
        HttpResponse<String> page = answers.get(answers.size() - 1);
        if (page.uri().getPath().startsWith("/taken/")) {
            assertThat(page.body()).doesNotContain("Field '");
        }
    }

    /** A system of lead with its IAMA open at part 1. */
    private Task atPartOne(String name) {
        String systemId = startedSystem(name);
        driver.driveUntil(systemId, "fill-in-iama-part-1", NEEDS_IAMA);
        Task part = open(systemId, "fill-in-iama-part-1");
        assertThat(part).isNotNull();
        return part;
    }

    private static Map<String, Object> partOneWithActionPointDue(String due) {
        Map<String, Object> values = new HashMap<>(Fixtures.iamaPart(1));
        values.put(
                "part1ActionPoints",
                List.of(Map.of("what", "Bias-toets uitvoeren " + due, "owner", "Team Data", "dueDate", due)));
        return values;
    }

    /** After an accepted part: the IAMA driven to its approval, and the action points that approval made. */
    private String approvedActionPoints(String systemId) {
        List<OpenStep> open = driver.driveUntil(systemId, "no-such-activity", NEEDS_IAMA);
        return "open after driving: " + open.stream().map(OpenStep::activityId).toList() + "; action points: "
                + actionPoints(systemId);
    }

    /**
     * form-js sends a date field as yyyy-mm-dd. A bare time ("12:00", "12:00+14:00") passes FormValidator's date check
     * as a time, and an action point's due date that is no day becomes "no due date" when the approved version makes
     * its action points (ActionPoints.parseDate answers null): the point is never overdue and no reminder comes. Text
     * after a "T" passes as well ("2027-03-01Tmorgen") and is kept as the answer.
     */
    @Test
    void anActionPointDueAtATimeInsteadOfADayIsRefusedOnEveryPath() {
        List<String> holes = new ArrayList<>();
        for (String due : List.of("12:00", "23:30:00+14:00", "2027-03-01Tmorgen")) {
            Task part = atPartOne("Probe67 tijd als dag " + due);
            String systemId = systemOf(part);
            long audit = auditEvents(systemId);
            List<HttpResponse<String>> answers = onEveryPath("lead", part.getId(), partOneWithActionPointDue(due));
            if (accepted(answers)) {
                holes.add(due + " accepted ("
                        + answers.stream().map(HttpResponse::statusCode).toList() + "); "
                        + approvedActionPoints(systemId));
                continue;
            }
            refusedNaming(answers, "part1ActionPoints", due);
            assertThat(open(systemId, "fill-in-iama-part-1")).isNotNull();
            assertThat(auditEvents(systemId)).isEqualTo(audit);
        }
        assertThat(holes).as(String.join("\n", holes)).isEmpty();
    }

    /** The year 0 (1 BC) is no due date of a new action point. */
    @Test
    void anActionPointOfAPartIsNotDueInTheYearZero() {
        Task part = atPartOne("Probe67 jaar nul");
        String systemId = systemOf(part);
        long audit = auditEvents(systemId);
        List<HttpResponse<String>> answers = onEveryPath("lead", part.getId(), partOneWithActionPointDue("0000-01-01"));
        String evidence = accepted(answers) ? approvedActionPoints(systemId) : "";
        refusedNaming(answers, "part1ActionPoints", evidence);
        assertThat(auditEvents(systemId)).isEqualTo(audit);
    }

    /**
     * A new action point of a part that is due years before the system was registered is overdue before it exists;
     * the alderman's form refuses a passed due date for the same kind of point (DecisionGovernanceRules).
     */
    @Test
    void anActionPointOfAPartIsNotDueBeforeTheSystemExisted() {
        Task part = atPartOne("Probe67 verleden");
        String systemId = systemOf(part);
        long audit = auditEvents(systemId);
        List<HttpResponse<String>> answers = onEveryPath("lead", part.getId(), partOneWithActionPointDue("2000-01-03"));
        String evidence = accepted(answers) ? approvedActionPoints(systemId) : "";
        refusedNaming(answers, "part1ActionPoints", evidence);
        // The page says it in Dutch, with today's date as every date on the pages: day-month-year.
        assertThat(answers.get(answers.size() - 1).body())
                .contains("mag niet vóór "
                        + LocalDate.now(AMSTERDAM).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))
                        + " liggen");
        assertThat(auditEvents(systemId)).isEqualTo(audit);
    }

    /** The alderman's approval with one condition of their own, to be given a due date. */
    private Map<String, Object> aldermanWithOwnCondition(RunningIama iama) {
        Map<String, Object> values = new LinkedHashMap<>(driver.answers("iama-alderman-decision", "alderman"));
        values.putAll(DemoDriver.governance(engine.getTaskService().getVariables(iama.gateTaskId())));
        values.put("decision", "APPROVED_WITH_CONDITIONS");
        values.put("motivation", "Akkoord onder voorwaarde");
        values.put("conditions", "Evaluatie na een jaar");
        return values;
    }

    /**
     * The alderman's own condition needs a due date that is a day (DecisionGovernanceRules parses one): a time, a
     * leap day that does not exist, a year past 9999 and an empty text are refused on every path; the decision stays
     * open.
     */
    @Test
    void anAldermansConditionDueOnNoDayIsRefusedOnEveryPath() {
        RunningIama iama = at("Probe67 wethouder geen dag", "alderman-decision");
        long audit = auditEvents(iama.systemId());
        Map<String, Object> values = aldermanWithOwnCondition(iama);
        for (String due : List.of("12:00", "2027-02-29", "+10000-01-01", "")) {
            values.put(
                    "ownConditionActions",
                    List.of(Map.of("condition", "Evaluatie na een jaar", "owner", "Griffie", "dueDate", due)));
            refusedNaming(onEveryPath("alderman", iama.gateTaskId(), values), "ownConditionActions", "due " + due);
        }
        assertThat(open(iama.systemId(), "alderman-decision")).isNotNull();
        assertThat(auditEvents(iama.systemId())).isEqualTo(audit);
    }

    /**
     * The alderman's own condition becomes an action point that must be met; 31-12-9999 is no deadline anybody meets
     * (the administrator's due-date correction is bounded to a year ahead, ADR 0057; this one is not bounded at all).
     */
    @Test
    void anAldermansConditionIsNotDueInTheYear9999() {
        RunningIama iama = at("Probe67 wethouder 9999", "alderman-decision");
        long audit = auditEvents(iama.systemId());
        Map<String, Object> values = aldermanWithOwnCondition(iama);
        values.put(
                "ownConditionActions",
                List.of(Map.of("condition", "Evaluatie na een jaar", "owner", "Griffie", "dueDate", "9999-12-31")));
        HttpResponse<String> response = steps().viaApi("alderman", iama.gateTaskId(), values);
        String evidence = response.statusCode() < 300 ? "action points: " + actionPoints(iama.systemId()) : "";
        refusedNaming(List.of(response), "ownConditionActions", evidence);
        assertThat(open(iama.systemId(), "alderman-decision")).isNotNull();
        assertThat(auditEvents(iama.systemId())).isEqualTo(audit);
    }

    /** The Art. 26(7) check (workers informed) of a new high-risk AI system used at the workplace; its task id. */
    private String workersTask(String name) {
        String systemId = startedSystem(name);
        Map<String, Object> answers = new HashMap<>(HIGH_RISK_AI_AT_WORK);
        answers.putAll(Map.of(
                "euDatabaseRegistered", true,
                "friaNotified", true,
                "registerEntryPublished", true,
                "personsInformed", true,
                "logsRetained", true,
                "logRetentionMonths", 12));
        List<OpenStep> open = driver.driveUntil(systemId, "go-live-duty", answers);
        return open.stream()
                .filter(s -> "go-live-duty".equals(s.activityId()))
                .map(OpenStep::taskId)
                .filter(id ->
                        "go-live-art26-7-workers".equals(engine.getTaskService().getVariable(id, "goLiveDuty")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Art. 26(7) check among " + open));
    }

    private static Map<String, Object> workersInformed(Object date) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("workersInformed", true);
        v.put("workersInformedDate", date);
        v.put("workersInformedHow", "Brief aan de ondernemingsraad en een personeelsbijeenkomst");
        v.put("worksCouncilConsent", "GRANTED");
        v.put("worksCouncilConsentReference", "OR-2027-04");
        return v;
    }

    /**
     * Workers are informed before use, so not after the check (AI Act Art. 26(7), ADR 0036). "Today 23:59 at UTC-12"
     * is tomorrow 12:59 in Dutch time: the check reads only the first ten characters (today), while the recorded
     * answer is shown in Dutch time (DutchDates.fromIso), as a moment after the check.
     */
    @Test
    void workersInformedTomorrowByWayOfAnOffsetAreNotInformedBeforeUse() {
        String task = workersTask("Probe67 werknemers offset");
        String systemId =
                systemOf(engine.getTaskService().createTaskQuery().taskId(task).singleResult());
        long audit = auditEvents(systemId);
        String informed = LocalDate.now(AMSTERDAM) + "T23:59:00-12:00";
        List<HttpResponse<String>> answers = onEveryPath("lead", task, workersInformed(informed));
        String evidence = accepted(answers)
                ? "accepted; the answer reads as "
                        + DutchDates.fromIso(informed).orElse("?") + " in Dutch time, today is "
                        + DutchDates.date(LocalDate.now(AMSTERDAM))
                : "";
        refusedNaming(answers, "workersInformedDate", evidence);
        assertThat(auditEvents(systemId)).isEqualTo(audit);
    }

    /**
     * What is no day at all is refused as the day the workers were informed, on every path: a time, a leap day that
     * does not exist, a list or an object holding a day, a number, an empty text; the check stays open.
     */
    @Test
    void noDayAtAllIsTheDayTheWorkersWereInformed() {
        String task = workersTask("Probe67 werknemers geen dag");
        String systemId =
                systemOf(engine.getTaskService().createTaskQuery().taskId(task).singleResult());
        long audit = auditEvents(systemId);
        String lastWeek = LocalDate.now(AMSTERDAM).minusDays(7).toString();
        for (Object noDay : List.of("12:00", "2025-02-29", List.of(lastWeek), Map.of("date", lastWeek), 20261201, "")) {
            refusedNaming(onEveryPath("lead", task, workersInformed(noDay)), "workersInformedDate", "date " + noDay);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count())
                .isEqualTo(1);
        assertThat(auditEvents(systemId)).isEqualTo(audit);
    }

    /** Informing the workers in the year 0 (1 BC) is no date on which workers were informed. */
    @Test
    void workersInformedInTheYearZeroAreRefused() {
        String task = workersTask("Probe67 werknemers jaar nul");
        List<HttpResponse<String>> answers = onEveryPath("lead", task, workersInformed("0000-01-01"));
        refusedNaming(answers, "workersInformedDate", "");
    }

    /** What is no number is no log retention: Infinity, a word, a list, an object, a truth value, a negative. */
    @Test
    void aLogRetentionThatIsNoNumberIsRefused() {
        String systemId = startedSystem("Probe67 bewaartermijn geen getal");
        driver.driveUntil(systemId, "go-live-log-retention", new HashMap<>(HIGH_RISK_AI_AT_WORK));
        Task logs = open(systemId, "go-live-log-retention");
        assertThat(logs).isNotNull();
        long audit = auditEvents(systemId);
        for (String months : List.of("1e309", "-1e309", "\"zes\"", "[12]", "{\"months\": 12}", "true", "-6", "null")) {
            HttpResponse<String> response = api("lead")
                    .postJson(
                            "/api/tasks/" + logs.getId() + "/complete",
                            "{\"logsRetained\": true, \"logRetentionMonths\": " + months + "}");
            assertThat(response.statusCode())
                    .as(months + ": " + response.body())
                    .isEqualTo(400);
            assertThat(response.body()).as(months).contains("logRetentionMonths");
        }
        assertThat(open(systemId, "go-live-log-retention")).isNotNull();
        assertThat(auditEvents(systemId)).isEqualTo(audit);
    }

    /**
     * Logs are kept at least six months (AI Act Art. 26(6)); the form's number field has min 6 and no max. A number
     * that is no whole month count (1e309 is Infinity as a double, 20 digits overflow a long, 1e20 months are 8e18
     * years, 6.5 is half a month) is no retention period: refused naming the field, never a 500.
     */
    @Test
    void aLogRetentionThatIsNoWholeNumberOfMonthsIsRefused() {
        List<String> outcomes = new ArrayList<>();
        boolean safe = true;
        for (String months : List.of("1e309", "99999999999999999999", "1e20", "6.5")) {
            String systemId = startedSystem("Probe67 bewaartermijn " + months);
            driver.driveUntil(systemId, "go-live-log-retention", new HashMap<>(HIGH_RISK_AI_AT_WORK));
            Task logs = open(systemId, "go-live-log-retention");
            assertThat(logs).isNotNull();
            long audit = auditEvents(systemId);
            HttpResponse<String> response = api("lead")
                    .postJson(
                            "/api/tasks/" + logs.getId() + "/complete",
                            "{\"logsRetained\": true, \"logRetentionMonths\": " + months + "}");
            outcomes.add(months + " -> " + response.statusCode() + " " + response.body());
            safe &= response.statusCode() == 400 && response.body().contains("logRetentionMonths");
            if (response.statusCode() < 300) {
                outcomes.add("  stored: "
                        + engine
                                .getHistoryService()
                                .createHistoricVariableInstanceQuery()
                                .variableName("logRetentionMonths")
                                .processInstanceId(logs.getProcessInstanceId())
                                .list()
                                .stream()
                                .map(v -> v.getTypeName() + " " + v.getValue())
                                .toList()
                        + "; system page "
                        + login("lead").get("/systemen/" + systemId).statusCode()
                        + ", /api/systems "
                        + api("lead").get("/api/systems/" + systemId).statusCode()
                        + ", audit events " + (auditEvents(systemId) - audit));
            } else {
                assertThat(open(systemId, "go-live-log-retention")).isNotNull();
                assertThat(auditEvents(systemId)).isEqualTo(audit);
            }
        }
        assertThat(safe).as(String.join("\n", outcomes)).isTrue();
    }

    /**
     * A gate's decision is one of the form's options, exactly: case variants, blanks around it, a Cyrillic "А" or a
     * full-width "Ａ", a list or an object holding the right value, and a send-back whose parts are one text instead
     * of a list or differ in case, decide nothing on any path.
     */
    @Test
    void aGateDecisionOutsideTheFormsOptionsDecidesNothingOnAnyPath() {
        RunningIama iama = atPrivacyOfficer("Probe67 keuzes");
        long audit = auditEvents(iama.systemId());
        List<Object> decisions = List.of(
                "approved",
                " APPROVED",
                "APPROVED ",
                "\u0410PPROVED",
                "\uFF21PPROVED",
                List.of("APPROVED"),
                Map.of("value", "APPROVED"),
                List.of("APPROVED", "APPROVED"));
        for (Object decision : decisions) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("decision", decision);
            values.put("motivation", "Akkoord");
            refusedNaming(onEveryPath("fg", iama.gateTaskId(), values), "decision", "decision " + decision);
        }
        for (Object parts : List.of("iama-part-1", List.of("IAMA-PART-1"), List.of("iama-part-1 "))) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("decision", "SENT_BACK");
            values.put("motivation", "Deel 1 is te vaag");
            values.put("sendBackTo", parts);
            refusedNaming(onEveryPath("fg", iama.gateTaskId(), values), "sendBackTo", "sendBackTo " + parts);
        }
        assertThat(open(iama.systemId(), "privacy-officer-advice")).isNotNull();
        assertThat(auditEvents(iama.systemId())).isEqualTo(audit);
    }

    /** A new system of lead whose neutral pre-scan put it in the Evaluate phase, where a trigger starts a round. */
    private String systemInEvaluate(String name) {
        String systemId = startedSystem(name);
        HttpResponse<String> triage = steps().viaApi(
                        "lead", open(systemId, "fill-in-triage").getId(), nl.waarborg.process.TriageAnswers.neutral());
        assertThat(triage.statusCode()).as(triage.body()).isEqualTo(204);
        return systemId;
    }

    private String phase(String systemId) {
        return ApiSteps.json(api("lead").get("/api/systems/" + systemId))
                .path("phase")
                .asText();
    }

    /** Sends a trigger of this kind (raw JSON) to a new system in Evaluate; null when refused as it should be. */
    private String triggerAccepted(String type) {
        String systemId = systemInEvaluate("Probe67 signaal " + type);
        long audit = auditEvents(systemId);
        HttpResponse<String> response = api("lead")
                .postJson(
                        "/api/systems/" + systemId + "/triggers",
                        "{\"type\": " + type + ", \"description\": \"Klacht van een inwoner\"}");
        if (response.statusCode() != 400 || !response.body().contains("type")) {
            return "type " + type + " -> " + response.statusCode() + " " + response.body() + "; phase now "
                    + phase(systemId) + ", audit events +" + (auditEvents(systemId) - audit);
        }
        assertThat(phase(systemId)).isEqualTo("EVALUATE");
        assertThat(auditEvents(systemId)).isEqualTo(audit);
        return null;
    }

    /**
     * The kind of a trigger is one of five names. A number is no kind: Jackson reads 2 (and "2") as the enum's third
     * constant, COMPLAINT, so a client that sends a number starts a round for a reason nobody chose.
     */
    @Test
    void aTriggerKindThatIsANumberStartsNoRound() {
        List<String> holes = new ArrayList<>();
        for (String type : List.of("2", "\"2\"")) {
            String hole = triggerAccepted(type);
            if (hole != null) {
                holes.add(hole);
            }
        }
        assertThat(holes).as(String.join("\n", holes)).isEmpty();
    }

    /** Case variants, a Cyrillic "С", a list and an object are no kind of trigger either, on the API and the page. */
    @Test
    void aTriggerKindThatIsNoneOfTheNamesStartsNoRound() {
        for (String type : List.of("\"complaint\"", "\"\u0421OMPLAINT\"", "[\"COMPLAINT\"]", "{}", "null")) {
            assertThat(triggerAccepted(type)).isNull();
        }
        String systemId = systemInEvaluate("Probe67 signaal pagina");
        Http page = login("lead");
        String csrf = Http.csrfTokenFrom(page.get("/systemen/" + systemId).body());
        for (String type : List.of("2", "complaint", "\u0421OMPLAINT")) {
            HttpResponse<String> form = page.postForm(
                    "/systemen/" + systemId + "/signaal",
                    Http.form("type", type, "description", "Klacht van een inwoner", "_csrf", csrf));
            // The page refuses with its flash message after a redirect (its convention for this form).
            assertThat(form.statusCode()).as(form.body()).isIn(302, 400);
            assertThat(phase(systemId)).as(type).isEqualTo("EVALUATE");
        }
    }

    /**
     * The administrator's due-date correction reads a day. A bare number (read as days since 1970), an array of
     * numbers, a day with a time or a leap day that does not exist are no day written as the page and the API say
     * (YYYY-MM-DD): refused naming dueDate, the gate's due date unchanged, no audit event.
     */
    @Test
    void aDueDateCorrectionThatIsNoWrittenDayIsRefused() {
        RunningIama iama = atPrivacyOfficer("Probe67 termijn vorm");
        java.util.Date before = engine.getTaskService()
                .createTaskQuery()
                .taskId(iama.gateTaskId())
                .singleResult()
                .getDueDate();
        long audit = auditEvents(iama.systemId());
        LocalDate inAMonth = LocalDate.now(AMSTERDAM).plusMonths(1);
        List<String> holes = new ArrayList<>();
        for (String due : List.of(
                String.valueOf(inAMonth.toEpochDay()),
                "[" + inAMonth.getYear() + "," + inAMonth.getMonthValue() + "," + inAMonth.getDayOfMonth() + "]",
                "\"" + inAMonth + "T12:00:00+14:00\"",
                "\"2028-02-30\"",
                "\"12:00\"")) {
            HttpResponse<String> response = api("admin")
                    .postJson(
                            "/api/admin/work/tasks/" + iama.gateTaskId() + "/due-date",
                            "{\"dueDate\": " + due + ", \"reason\": \"Na overleg\"}");
            if (response.statusCode() != 400) {
                holes.add("dueDate " + due + " -> " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(holes)
                .as(String.join("\n", holes) + "\naudit events +" + (auditEvents(iama.systemId()) - audit))
                .isEmpty();
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(iama.gateTaskId())
                        .singleResult()
                        .getDueDate())
                .isEqualTo(before);
        assertThat(auditEvents(iama.systemId())).isEqualTo(audit);
    }

    private String systemOf(Task task) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey();
    }
}
