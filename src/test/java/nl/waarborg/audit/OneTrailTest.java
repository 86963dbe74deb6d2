package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, "one audit trail of everything": what users do through the engine and what is refused to them, on every
 * path, is in the hash-chained trail with user, operation, target and outcome; repeated refusals are one row per user,
 * operation and window (plus their count when the window ends), so that a script cannot flood the trail.
 */
@WaarborgIntegrationTest
class OneTrailTest {

    static final String APPROVED = "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"},"
            + "\"motivation\":{\"value\":\"Goed onderbouwd\"}}}";

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    AuditTrail audit;

    @Autowired
    RefusalAudit refusals;

    @Test
    void engineOperationsThroughEngineRestAreInTheTrailAndACompletionStaysOneRow() {
        String officer = user("privacy-officer");
        GateProbe.Probe gate = gate("lead");
        Http http = Http.api(port).as(officer, "demo");

        HttpResponse<String> claim =
                http.postJson("/engine-rest/task/" + gate.taskId() + "/claim", "{\"userId\":\"" + officer + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
        HttpResponse<String> variable =
                http.send(http.request("/engine-rest/task/" + gate.taskId() + "/localVariables/note")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"eerst lezen\",\"type\":\"String\"}")));
        assertThat(variable.statusCode()).as(variable.body()).isEqualTo(204);
        HttpResponse<String> complete = http.postJson("/engine-rest/task/" + gate.taskId() + "/complete", APPROVED);
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);

        List<AuditTrail.AuditEvent> mine = eventsOf(officer);
        assertThat(mine)
                .extracting(AuditTrail.AuditEvent::action)
                .containsExactly("ENGINE_OPERATION", "ENGINE_OPERATION", "DECISION_RECORDED");
        Map<String, Object> claimed = CanonicalJson.readMap(mine.get(0).details());
        assertThat(claimed).containsEntry("operation", "Claim").containsEntry("entityType", "Task");
        assertThat(claimed).containsEntry("outcome", "done");
        assertThat(claimed.get("target").toString()).contains(gate.taskId());
        assertThat(claimed.get("changes").toString()).contains("assignee").contains(officer);
        assertThat(mine.get(0).systemId())
                .as("the system, from the instance's business key")
                .isNotNull();
        assertThat(CanonicalJson.readMap(mine.get(1).details()))
                .containsEntry("operation", "SetVariable")
                .containsEntry("entityType", "Variable");
        // The completion is one row: Waarborg's richer gate decision carries the engine's operation.
        Map<String, Object> decision = CanonicalJson.readMap(mine.get(2).details());
        assertThat(decision.get("engineOperations").toString())
                .contains("operation=Complete")
                .contains(gate.taskId());
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void refusedEngineRestCallsLeaveOneRowPerUserOperationAndWindow() {
        String lead = user("project-lead");
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> move = send(
                    lead,
                    "POST",
                    "/engine-rest/process-instance/" + UUID.randomUUID() + "/modification",
                    "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\","
                            + "\"activityId\":\"iama-approved\"}]}");
            assertThat(move.statusCode()).as(move.body()).isEqualTo(403);
            HttpResponse<String> retries =
                    send(lead, "PUT", "/engine-rest/job/" + UUID.randomUUID() + "/retries", "{\"retries\":5}");
            assertThat(retries.statusCode()).as(retries.body()).isEqualTo(403);
        }

        List<AuditTrail.AuditEvent> rows = eventsOf(lead);
        assertThat(rows).extracting(AuditTrail.AuditEvent::action).containsExactly("ACCESS_DENIED", "ACCESS_DENIED");
        Map<String, Object> first = CanonicalJson.readMap(rows.get(0).details());
        assertThat(first)
                .containsEntry("channel", "engine-rest")
                .containsEntry("operation", "POST /engine-rest/process-instance/{id}/modification")
                .containsEntry("status", 403)
                .containsEntry("outcome", "refused");
        assertThat(first.get("target").toString()).startsWith("/engine-rest/process-instance/");
        assertThat(first.get("reason").toString()).contains("EngineOperationRefusedException");
        assertThat(CanonicalJson.readMap(rows.get(1).details()))
                .containsEntry("operation", "PUT /engine-rest/job/{id}/retries");

        // When the window has ended, one row each says how often it was repeated.
        refusals.recordRepeats(Instant.now().plus(Duration.ofDays(1)));
        List<AuditTrail.AuditEvent> after = eventsOf(lead);
        assertThat(after).hasSize(4);
        assertThat(after.subList(2, 4))
                .extracting(AuditTrail.AuditEvent::action)
                .containsOnly("REFUSALS_REPEATED");
        assertThat(after.subList(2, 4))
                .extracting(e -> CanonicalJson.readMap(e.details()).get("count"))
                .containsOnly(30);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aRefusedSegregationOfDutiesCompletionLeavesARowOnEachPath() {
        String officer = user("privacy-officer");
        GateProbe.Probe gate = gate(officer); // the officer wrote content of the version: may not advise on it

        HttpResponse<String> rest = Http.api(port)
                .as(officer, "demo")
                .postJson("/engine-rest/task/" + gate.taskId() + "/complete", APPROVED);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(403);
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(officer, "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(browser.get("/systemen/nieuw").body().replace("name=\"_csrf\" content", "x"));
        HttpResponse<String> page = browser.send(browser.request("/taken/" + gate.taskId() + "/afronden")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"decision\":\"APPROVED\",\"motivation\":\"Goed onderbouwd\"}")));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(403);
        HttpResponse<String> api = Http.api(port).as(officer, "demo").get("/api/audit");
        assertThat(api.statusCode()).isEqualTo(403);

        List<Map<String, Object>> refused = eventsOf(officer).stream()
                .filter(e -> e.action().equals("ACCESS_DENIED"))
                .map(e -> CanonicalJson.readMap(e.details()))
                .toList();
        // Opening the form to register a system is refused to a privacy officer too: a refused page is a row as well.
        assertThat(refused)
                .extracting(d -> d.get("channel") + " " + d.get("target"))
                .containsExactly(
                        "engine-rest /engine-rest/task/" + gate.taskId() + "/complete",
                        "pages /systemen/nieuw",
                        "pages /taken/" + gate.taskId() + "/afronden",
                        "api /api/audit");
        assertThat(List.of(refused.get(0), refused.get(2)))
                .allSatisfy(d -> assertThat(d.get("reason").toString()).contains("SegregationOfDutiesException"));
        assertThat(refused.get(3)).containsEntry("operation", "GET /api/audit");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(gate.taskId())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void operationsAreNamedWithoutTheirIds() {
        assertThat(RefusalAudit.operation("/engine-rest/task/0b4e8c2a-1f3d-11ef-9c1e-0242ac120002/complete"))
                .isEqualTo("/engine-rest/task/{id}/complete");
        assertThat(RefusalAudit.operation("/engine-rest/process-definition/key/iama/start"))
                .isEqualTo("/engine-rest/process-definition/key/iama/start");
        assertThat(RefusalAudit.operation("/api/systems/42/cycles")).isEqualTo("/api/systems/{id}/cycles");
        assertThat(RefusalAuditFilter.refusal("GET", 404, null)).isZero();
        assertThat(RefusalAuditFilter.refusal("GET", 400, null)).isZero();
        assertThat(RefusalAuditFilter.refusal("POST", 400, null)).isEqualTo(400);
        assertThat(RefusalAuditFilter.refusal("GET", 403, null)).isEqualTo(403);
    }

    /** A fresh user in the group, so that its rows are this test's alone. */
    private String user(String group) {
        String id = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        DemoUsers.saveWithDemoPassword(identity, user);
        identity.createMembership(id, group);
        return id;
    }

    private GateProbe.Probe gate(String contributor) {
        String systemId =
                systems.register("Spoor van alles", null, "ICT", "lead").id();
        return GateProbe.start(
                engine,
                assessments,
                systemId,
                version -> assessments.saveSection(
                        version.assessmentId(), 1, "dpia-section-a", Map.of("proposal", "x"), contributor));
    }

    private List<AuditTrail.AuditEvent> eventsOf(String userId) {
        return audit.events(null, 10_000).stream()
                .filter(e -> userId.equals(e.userId()))
                .sorted(java.util.Comparator.comparingLong(AuditTrail.AuditEvent::seq))
                .toList();
    }

    private HttpResponse<String> send(String user, String method, String path, String json) {
        Http http = Http.api(port).as(user, "demo");
        return http.send(http.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
