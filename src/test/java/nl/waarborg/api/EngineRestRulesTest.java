package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.GateDecisionRequest;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bridge's rules hold on every path that completes a task, with the same status codes: a refusal thrown by the
 * gate's task listener (a missing field, segregation of duties, a frozen version) keeps its status although the engine
 * wraps it, through /engine-rest complete and submit-form (Camunda's {type, message} shape, plus the field),
 * /api/tasks/{id}/complete (problem+json) and the task page's POST /taken/{id}/afronden (in Dutch). The task stays open.
 */
@WaarborgIntegrationTest
class EngineRestRulesTest {

    static final String MISSING_MOTIVATION = "{\"decision\":\"APPROVED\"}";
    static final String APPROVED = "{\"decision\":\"APPROVED\",\"motivation\":\"Goed onderbouwd\"}";

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ProcessEngine engine;

    record Gate(String taskId, String assessmentId) {}

    /** The privacy officer's gate on a version whose content {@code contributor} filled in. */
    private Gate gateTask(String contributor) {
        SystemRecord system = systems.register("Regels via engine-rest", null, "ICT", "lead");
        GateProbe.Probe probe = GateProbe.start(
                engine,
                assessments,
                system.id(),
                version -> assessments.saveSection(
                        version.assessmentId(), 1, "dpia-section-a", Map.of("proposal", "x"), contributor));
        return new Gate(probe.taskId(), probe.version().assessmentId());
    }

    @Test
    void aMissingMotivationIsA400NamingTheFieldOnEveryPath() {
        String task = gateTask("lead").taskId();
        refusedOnEveryPath(
                task,
                MISSING_MOTIVATION,
                400,
                "InvalidInputException",
                "Gate field 'motivation' is required",
                "motivation",
                "Vul een motivering in");

        HttpResponse<String> ok = engineRest("submit-form", task, APPROVED);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    }

    @Test
    void aContributorIsRefusedWith403OnEveryPath() {
        String task = gateTask("fg").taskId();
        refusedOnEveryPath(
                task, APPROVED, 403, "SegregationOfDutiesException", "Segregation of duties", null, "functiescheiding");
    }

    @Test
    void aFrozenVersionIs409OnEveryPath() {
        Gate gate = gateTask("lead");
        // The alderman decides only on advised content (ADR 0014): the advice first, outside the task.
        assessments.decide(
                gate.assessmentId(),
                1,
                new GateDecisionRequest(
                        "privacy-officer-advice",
                        true,
                        "APPROVED",
                        "Akkoord",
                        null,
                        null,
                        List.of(),
                        "fg",
                        "advies-" + gate.taskId()));
        assessments.decide(
                gate.assessmentId(),
                1,
                new GateDecisionRequest(
                        "alderman-decision",
                        false,
                        "REJECTED",
                        "Niet verantwoord",
                        null,
                        null,
                        List.of(),
                        "alderman",
                        "elders-" + gate.taskId()),
                new nl.waarborg.assessment.DecisionGovernance("COLLEGE", null, List.of(), List.of()));
        refusedOnEveryPath(
                gate.taskId(),
                APPROVED,
                409,
                "VersionFrozenException",
                "can no longer be changed",
                null,
                "Dit kan nu niet");
    }

    private void refusedOnEveryPath(
            String task, String json, int status, String type, String detail, String field, String dutch) {
        String fieldJson = field == null ? "\"status\"" : "\"field\":\"" + field + "\"";
        for (String action : List.of("complete", "submit-form")) {
            HttpResponse<String> refused = engineRest(action, task, json);
            assertThat(refused.statusCode()).as(action + ": " + refused.body()).isEqualTo(status);
            assertThat(refused.body())
                    .as(action)
                    .contains("\"type\":\"" + type + "\"")
                    .contains(detail)
                    .contains(field == null ? "\"message\"" : fieldJson);
        }
        HttpResponse<String> tasklist = tasklist(task, json);
        assertThat(tasklist.statusCode()).as("Tasklist: " + tasklist.body()).isEqualTo(status);
        assertThat(tasklist.body())
                .as("Tasklist")
                .contains("\"type\":\"" + type + "\"")
                .contains(detail);
        HttpResponse<String> api = Http.api(port).as("fg", "demo").postJson("/api/tasks/" + task + "/complete", json);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(status);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains(detail).contains(fieldJson);
        HttpResponse<String> page = page(task, json);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.body()).contains(dutch).contains(fieldJson).doesNotContain("Exception");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count())
                .as("task stays open")
                .isEqualTo(1);
    }

    private HttpResponse<String> engineRest(String action, String taskId, String json) {
        return Http.api(port)
                .as("fg", "demo")
                .postJson("/engine-rest/task/" + taskId + "/" + action, engineVariables(json));
    }

    /** Form values as Camunda's REST API takes them: {"variables": {"name": {"value": …}}}. */
    private static String engineVariables(String json) {
        return "{\"variables\":{"
                + json.substring(1, json.length() - 1).replaceAll("\"(\\w+)\":(\"[^\"]*\")", "\"$1\":{\"value\":$2}")
                + "}}";
    }

    /** Tasklist's own submit: the webapp's engine API (not /engine-rest), with the webapp's session and CSRF token. */
    private HttpResponse<String> tasklist(String taskId, String json) {
        Http fg = Http.browser(port);
        assertThat(fg.formLogin("fg", "demo").statusCode()).isEqualTo(302);
        String token = fg.get("/camunda/api/engine/engine/default/task/" + taskId, "application/json")
                .headers()
                .firstValue("X-XSRF-TOKEN")
                .orElseThrow();
        return fg.send(fg.request("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(engineVariables(json))));
    }

    /** The task page's completion, as its script sends it (session, CSRF header, JSON). */
    private HttpResponse<String> page(String taskId, String json) {
        Http fg = Http.browser(port);
        assertThat(fg.formLogin("fg", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(fg.get("/systemen/nieuw").body().replace("name=\"_csrf\" content", "x"));
        return fg.send(fg.request("/taken/" + taskId + "/afronden")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
