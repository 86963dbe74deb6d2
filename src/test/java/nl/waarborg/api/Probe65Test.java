package nl.waarborg.api;

import static nl.waarborg.support.ApiSteps.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.forms.Fixtures;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Probe 65 from outside: the dates a project lead enters in the prior consultation of the Dutch DPA (GDPR Art. 36)
 * over real HTTP. The DPA's period runs from the receipt date as entered, is suspended while the DPA waits for
 * information and ends in a timer; when it ends without answer the manager may let the DPIA go to the alderman
 * without the DPA's answer. Each test asserts the safe outcome: a date that cannot be true is refused with a 400
 * naming the field, and nothing moves.
 */
@WaarborgIntegrationTest
class Probe65Test {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @LocalServerPort
    int port;

    ApiSteps steps;

    /** Only read, to show what a hole does (the engine's own view of the DPA's deadline). */
    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService taskService;

    @BeforeEach
    void steps() {
        steps = new ApiSteps(port);
    }

    private void completed(String user, String systemId, String activityId, Map<String, ?> values) {
        HttpResponse<String> response = steps.viaApi(user, steps.task(user, systemId, activityId), values);
        assertThat(response.statusCode())
                .as(activityId + ": " + response.body())
                .isEqualTo(204);
    }

    /** A DPIA (DPA list: profiling) with a high residual risk, advised by the FG: the DPA is to be consulted. */
    private String consultation(String name) {
        String systemId = steps.newSystem("lead", name, "Werk");
        assertThat(steps.as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        Map<String, Object> triage = new HashMap<>(TriageAnswers.neutral());
        triage.put("purpose", "Fraudesignalen");
        triage.put("dpaListType", "PROFILING");
        triage.put("processesPersonalData", "YES");
        completed("lead", systemId, "fill-in-triage", triage);
        for (char section : List.of('a', 'b', 'c')) {
            completed("lead", systemId, "fill-in-dpia-section-" + section, Fixtures.dpiaSection(section));
        }
        Map<String, Object> d = new HashMap<>(Fixtures.dpiaSection('d'));
        d.put(
                "sectionDMeasures",
                List.of(Map.of("riskId", "R1", "measure", "Menselijke toets", "residualRisk", "HIGH")));
        completed("lead", systemId, "fill-in-dpia-section-d", d);
        completed(
                "fg",
                systemId,
                "privacy-officer-advice",
                Map.of("decision", "APPROVED", "motivation", "Raadpleeg de AP"));
        return systemId;
    }

    private static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }

    private static Map<String, Object> submission(LocalDate sent, LocalDate received) {
        return Map.of(
                "dpaSubmissionDate",
                sent.toString(),
                "dpaReceiptDate",
                received.toString(),
                "dpaSubmissionReference",
                "AP-65");
    }

    /** Whether an open task at this activity is visible to the user within the given seconds. */
    private boolean appears(String user, String systemId, String activityId, int seconds) {
        for (int i = 0; i <= seconds; i++) {
            for (JsonNode task : json(steps.as(user).get("/api/tasks?limit=1000"))) {
                if (systemId.equals(task.path("systemId").asText())
                        && activityId.equals(task.path("activityId").asText())) {
                    return true;
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The DPA's deadline as the engine keeps it, read on the open answer task (or "-" when there is none). */
    private String dpaDueDate(String systemId) {
        for (JsonNode task : json(steps.as("lead").get("/api/tasks?limit=1000"))) {
            if (systemId.equals(task.path("systemId").asText())
                    && "dpa-consultation-answer".equals(task.path("activityId").asText())) {
                String instance = task.path("processInstanceId").asText();
                return runtime.getVariable(instance, "dpaConsultationDueDate") + " (timer jobs due "
                        + management.createJobQuery().processInstanceId(instance).timers().list().stream()
                                .map(j -> String.valueOf(j.getDuedate()))
                                .toList()
                        + ")";
            }
        }
        return "-";
    }

    /**
     * What the engine does with a consultation whose period ended before it was submitted: the tests run jobs
     * themselves, so the timer that the job executor would fire at once (its due date has passed) is run here; then
     * the manager's "verder zonder antwoord" sends the DPIA to the alderman without any answer of the DPA.
     */
    private String overdueEvidence(String systemId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(systemId).list().stream()
                .filter(p -> !management
                        .createJobQuery()
                        .processInstanceId(p.getId())
                        .timers()
                        .list()
                        .isEmpty())
                .map(p -> p.getId())
                .findFirst()
                .orElse(null);
        if (instance == null) {
            return "no timer found";
        }
        List<String> due = new java.util.ArrayList<>();
        management.createJobQuery().processInstanceId(instance).timers().list().stream()
                .filter(j -> j.getDuedate() != null && j.getDuedate().before(new java.util.Date()))
                .forEach(j -> {
                    due.add(String.valueOf(j.getDuedate()));
                    management.executeJob(j.getId());
                });
        if (!appears("manager", systemId, "dpa-consultation-overdue", 0)) {
            return "timers due " + due + " run; no overdue task";
        }
        HttpResponse<String> proceed = steps.viaApi(
                "manager",
                steps.task("manager", systemId, "dpa-consultation-overdue"),
                Map.of("dpaOverdueAction", "PROCEED", "dpaOverdueNote", "Termijn AP verstreken"));
        return "timer due " + due + " fired at once; manager's PROCEED answered " + proceed.statusCode()
                + "; alderman's decision open without DPA answer: "
                + appears("alderman", systemId, "alderman-decision", 0);
    }

    private static void refusedNamingOneOf(HttpResponse<String> response, String evidence, String... fields) {
        assertThat(response.statusCode())
                .as("accepted (%s): %s", evidence, response.body())
                .isEqualTo(400);
        assertThat(response.body()).containsAnyOf(fields).doesNotContain("\tat ");
    }

    /**
     * HOLE 1 (dates that make the deadline disappear the other way): a receipt years before the consultation
     * existed makes the DPA's eight weeks run out at once; the timer cancels the answer task and the manager's "verder
     * zonder antwoord" sends the DPIA to the alderman without the DPA's answer.
     */
    @Test
    void aReceiptDateBeforeTheConsultationExistedIsRefused() throws Exception {
        String systemId = consultation("Probe65 AP verleden");
        String submit = steps.task("lead", systemId, "dpa-consultation-submit");
        HttpResponse<String> response =
                steps.viaApi("lead", submit, submission(LocalDate.parse("2000-01-03"), LocalDate.parse("2000-01-04")));
        String evidence = response.statusCode() < 300 ? overdueEvidence(systemId) : "";
        refusedNamingOneOf(response, evidence, "dpaReceiptDate", "dpaSubmissionDate");
        assertThat(steps.task("lead", systemId, "dpa-consultation-submit")).isEqualTo(submit);
    }

    /** HOLE 2: a receipt date far in the future puts the DPA's deadline out of reach; nobody is escalated. */
    @Test
    void aReceiptDateInTheFutureIsRefused() {
        String systemId = consultation("Probe65 AP toekomst");
        String submit = steps.task("lead", systemId, "dpa-consultation-submit");
        HttpResponse<String> response =
                steps.viaApi("lead", submit, submission(today(), LocalDate.parse("2099-12-31")));
        String evidence = response.statusCode() < 300 ? "DPA due date now " + dpaDueDate(systemId) : "";
        refusedNamingOneOf(response, evidence, "dpaReceiptDate");
    }

    /** HOLE 3: the DPA's answer is recorded with a date before the DPA had received the request. */
    @Test
    void anAnswerDatedBeforeTheDpaReceivedTheRequestIsRefused() {
        String systemId = consultation("Probe65 AP antwoord vooraf");
        completed("lead", systemId, "dpa-consultation-submit", submission(today(), today()));
        String answer = steps.task("lead", systemId, "dpa-consultation-answer");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dpaAnswerDate", today().minusYears(1).toString());
        values.put("dpaAnswerOutcome", "NO_OBJECTION");
        values.put("dpaAnswerSummary", "Geen bezwaar");
        HttpResponse<String> response = steps.viaEngineRest("lead", answer, "complete", values);
        refusedNamingOneOf(response, "answer a year before the receipt", "dpaAnswerDate");
        assertThat(steps.task("lead", systemId, "dpa-consultation-answer")).isEqualTo(answer);
    }

    /** HOLE 4: an answer dated in the future (the DPA has not answered yet) is recorded as its answer. */
    @Test
    void anAnswerDatedInTheFutureIsRefused() {
        String systemId = consultation("Probe65 AP antwoord later");
        completed("lead", systemId, "dpa-consultation-submit", submission(today(), today()));
        String answer = steps.task("lead", systemId, "dpa-consultation-answer");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dpaAnswerDate", today().plusMonths(2).toString());
        values.put("dpaAnswerOutcome", "NO_OBJECTION");
        values.put("dpaAnswerSummary", "Geen bezwaar");
        HttpResponse<String> response = steps.viaApi("lead", answer, values);
        refusedNamingOneOf(response, "answer dated two months ahead", "dpaAnswerDate");
    }

    /**
     * HOLE 5: the information "reached the DPA" decades from now: the suspension adds those days and the
     * DPA's deadline (and its escalation to the manager) disappears.
     */
    @Test
    void aSuspensionCannotRunIntoTheFuture() {
        String systemId = consultation("Probe65 AP opschorting");
        completed("lead", systemId, "dpa-consultation-submit", submission(today(), today()));
        String before = dpaDueDate(systemId);
        completed(
                "lead",
                systemId,
                "dpa-consultation-answer",
                Map.of("dpaInformationRequested", true, "dpaInformationRequestedOn", today().toString()));
        String information = steps.task("lead", systemId, "dpa-consultation-information");
        HttpResponse<String> response = steps.viaApi(
                "lead",
                information,
                Map.of(
                        "dpaInformationSuppliedOn",
                        today().plusYears(30).toString(),
                        "dpaInformationNote",
                        "Aangeleverd"));
        String evidence =
                response.statusCode() < 300 ? "DPA due date moved from " + before + " to " + dpaDueDate(systemId) : "";
        refusedNamingOneOf(response, evidence, "dpaInformationSuppliedOn");
    }

    /** HOLE 6: the DPA "asked for information" on a date that has not come yet. */
    @Test
    void aRequestForInformationDatedInTheFutureIsRefused() {
        String systemId = consultation("Probe65 AP verzoek later");
        completed("lead", systemId, "dpa-consultation-submit", submission(today(), today()));
        String answer = steps.task("lead", systemId, "dpa-consultation-answer");
        HttpResponse<String> response = steps.viaApi(
                "lead",
                answer,
                Map.of(
                        "dpaInformationRequested",
                        true,
                        "dpaInformationRequestedOn",
                        today().plusYears(5).toString()));
        refusedNamingOneOf(response, "request dated five years ahead", "dpaInformationRequestedOn");
    }

    /**
     * Held? After the DPA answered "infringement", the lead changes one word of section A through the section API
     * while the alderman decides, so that the answer no longer concerns "this content" and the approval is allowed
     * without a new consultation. The version is in review: the save is refused and the answer keeps its force.
     */
    @Test
    void noWordOfTheContentChangesAroundAnInfringementAnswer() {
        String systemId = consultation("Probe65 AP inbreuk");
        completed("lead", systemId, "dpa-consultation-submit", submission(today(), today()));
        completed(
                "lead",
                systemId,
                "dpa-consultation-answer",
                Map.of(
                        "dpaAnswerDate",
                        today().toString(),
                        "dpaAnswerOutcome",
                        "INFRINGEMENT",
                        "dpaAnswerSummary",
                        "Geen grondslag"));
        String decide = steps.task("alderman", systemId, "alderman-decision");
        String assessmentId = json(steps.as("lead").get("/api/systems/" + systemId))
                .path("assessments")
                .get(0)
                .path("id")
                .asText();
        List<String> saved = new java.util.ArrayList<>();
        for (char section : List.of('a', 'b', 'c', 'd')) {
            Map<String, Object> changed = new HashMap<>(Fixtures.dpiaSection(section));
            if (section == 'd') {
                changed.put(
                        "sectionDMeasures",
                        List.of(Map.of("riskId", "R1", "measure", "Menselijke toets.", "residualRisk", "HIGH")));
            } else {
                changed.replaceAll((k, v) -> v instanceof String s ? s + "." : v);
            }
            HttpResponse<String> put = steps.as("lead")
                    .sendJson(
                            "PUT",
                            "/api/assessments/" + assessmentId + "/versions/1/sections/dpia-section-" + section,
                            ApiSteps.write(changed));
            if (put.statusCode() < 400 || put.statusCode() >= 500) {
                saved.add(section + " -> " + put.statusCode() + " " + put.body());
            }
        }
        assertThat(saved).as("sections saved while the alderman decides").isEmpty();
        assertThat(json(steps.as("alderman").get("/api/tasks/" + decide))
                        .path("values")
                        .path("dpaAnswerForDecision")
                        .asText())
                .isEqualTo("INFRINGEMENT");
    }

    /** Held? Dates that are no dates (a time, 24:00, 29 February of a common year) never start the DPA's period. */
    @Test
    void aReceiptThatIsNoDateIsRefusedOnEveryPath() {
        String systemId = consultation("Probe65 AP geen datum");
        String submit = steps.task("lead", systemId, "dpa-consultation-submit");
        nl.waarborg.support.Http session = steps.session("lead");
        for (String garbled : List.of("24:00", "12:00+14:00", "2027-02-29", "2027-13-01", "0000-00-00", "")) {
            Map<String, Object> values = new HashMap<>(submission(today(), today()));
            values.put("dpaReceiptDate", garbled);
            refusedNamingOneOf(steps.viaApi("lead", submit, values), garbled, "dpaReceiptDate");
            refusedNamingOneOf(steps.viaEngineRest("lead", submit, "submit-form", values), garbled, "dpaReceiptDate");
            HttpResponse<String> onPage = ApiSteps.completeOnPage(session, submit, ApiSteps.write(values));
            assertThat(onPage.statusCode()).as(garbled + ": " + onPage.body()).isEqualTo(400);
        }
        assertThat(steps.task("lead", systemId, "dpa-consultation-submit")).isEqualTo(submit);
    }
}
