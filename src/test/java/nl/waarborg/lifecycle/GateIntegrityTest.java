package nl.waarborg.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, findings 4 and 6 and the invariant of ADR 0014, over real HTTP: sections cannot change in review, the
 * alderman cannot decide content the advisers did not see, the owner, starter and triage filler cannot decide, and no
 * path around the gates makes a system enter Implement or Evaluate. The engine is used directly only to stage what a
 * bypass would do (as the engine's own system user).
 */
@WaarborgIntegrationTest
class GateIntegrityTest {

    static final String PASSWORD = "a-long-test-password";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return FullLifecycleApiTest.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    String newUser(String prefix, String... groups) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }

    String register(Http owner) {
        HttpResponse<String> created = owner.postJson(
                "/api/systems",
                "{\"name\":\"Poortproef " + UUID.randomUUID()
                        + "\",\"description\":\"Proef\",\"department\":\"Werk en Inkomen\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asText();
    }

    String taskId(String systemId, String activityId) {
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(activityId)
                .list();
        assertThat(tasks).as("open task %s", activityId).hasSize(1);
        return tasks.get(0).getId();
    }

    HttpResponse<String> complete(Http user, String systemId, String activityId, Map<String, Object> values)
            throws Exception {
        return user.postJson(
                "/api/tasks/" + taskId(systemId, activityId) + "/complete",
                FullLifecycleApiTest.JSON.writeValueAsString(values));
    }

    void completeOk(Http user, String systemId, String activityId, Map<String, Object> values) throws Exception {
        HttpResponse<String> response = complete(user, systemId, activityId, values);
        assertThat(response.statusCode())
                .as(activityId + ": " + response.body())
                .isEqualTo(204);
    }

    /** A system of "lead" whose IAMA was filled in and is now waiting for the privacy officer. */
    String systemInReview() throws Exception {
        String systemId = register(as("lead"));
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        completeOk(as("lead"), systemId, "fill-in-triage", FullLifecycleApiTest.triage());
        completeOk(as("lead"), systemId, "choose-iama", FullLifecycleApiTest.START_IAMA);
        for (int part = 1; part <= 5; part++) {
            completeOk(
                    as("lead"),
                    systemId,
                    "fill-in-iama-part-" + part,
                    FullLifecycleApiTest.part(part, "Binnen vier weken beslissen"));
        }
        return systemId;
    }

    /** An approval with the governance fields a careful alderman gives (ADR 0035), so that only the rule under test refuses. */
    Map<String, Object> approval(String systemId, String motivation) {
        Map<String, Object> values = new java.util.HashMap<>(nl.waarborg.demo.DemoDriver.governance(
                engine.getTaskService().getVariables(taskId(systemId, "alderman-decision"))));
        values.put("decision", "APPROVED");
        values.put("motivation", motivation);
        return values;
    }

    JsonNode system(String systemId) {
        return json(as("manager").get("/api/systems/" + systemId));
    }

    String iamaId(String systemId) {
        return system(systemId).path("assessments").get(0).path("id").asText();
    }

    JsonNode version(String assessmentId, int number) {
        return json(as("manager").get("/api/assessments/" + assessmentId + "/versions/" + number));
    }

    /** Stages a bypass as the engine's system user (as a broken model or a forgotten API would). */
    void asEngine(Runnable bypass) {
        identity.clearAuthentication();
        bypass.run();
    }

    @Test
    void aSectionCannotBeEditedWhileTheVersionIsInReviewOnAnyPath() throws Exception {
        String systemId = systemInReview();
        String assessmentId = iamaId(systemId);
        assertThat(version(assessmentId, 1).path("status").asText()).isEqualTo("IN_REVIEW");

        HttpResponse<String> put = as("lead")
                .send(as("lead")
                        .request("/api/assessments/" + assessmentId + "/versions/1/sections/iama-part-1")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"part1Goal\":\"Iets anders\"}")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(409);
        assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(put).path("detail").asText()).contains("IN_REVIEW").contains("only while it is a draft");

        // The content task path refuses as well: a part task opened beside the review (a bypass) cannot save.
        String iama = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("iama")
                .processInstanceBusinessKey(systemId)
                .singleResult()
                .getId();
        asEngine(() -> engine.getRuntimeService()
                .createProcessInstanceModification(iama)
                .startBeforeActivity("rework-iama-part-1")
                .execute());
        HttpResponse<String> rework = complete(
                as("lead"), systemId, "rework-iama-part-1", FullLifecycleApiTest.part(1, "Iets anders via de taak"));
        assertThat(rework.statusCode()).as(rework.body()).isEqualTo(409);
        assertThat(json(rework).path("detail").asText()).contains("only while it is a draft");

        assertThat(version(assessmentId, 1)
                        .path("answers")
                        .path("iama-part-1")
                        .path("part1Goal")
                        .asText())
                .isEqualTo("Binnen vier weken beslissen");
    }

    @Test
    void theAldermanCannotDecideContentThatTheAdvisersDidNotSee() throws Exception {
        String systemId = systemInReview();
        String assessmentId = iamaId(systemId);
        completeOk(
                as("fg"), systemId, "privacy-officer-advice", Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        completeOk(
                as("ethics"),
                systemId,
                "ethics-committee-advice",
                Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        String advisedHash = version(assessmentId, 1)
                .path("signatures")
                .get(0)
                .path("answersHash")
                .asText();
        assertThat(advisedHash).hasSize(64);
        // The alderman sends part 1 back; the lead reworks it, so the content is no longer what the advisers saw.
        completeOk(
                as("alderman"),
                systemId,
                "alderman-decision",
                Map.of("decision", "SENT_BACK", "motivation", "Doel scherper", "sendBackTo", List.of("iama-part-1")));
        completeOk(
                as("lead"),
                systemId,
                "rework-iama-part-1",
                FullLifecycleApiTest.part(1, "Binnen twee weken beslissen"));
        // A bypass skips the new advice and puts the alderman's task straight back.
        String iama = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("iama")
                .processInstanceBusinessKey(systemId)
                .singleResult()
                .getId();
        asEngine(() -> engine.getRuntimeService()
                .createProcessInstanceModification(iama)
                .cancelAllForActivity("privacy-officer-advice")
                .startBeforeActivity("alderman-decision")
                .execute());

        // The task page refuses in Dutch.
        Http page = Http.browser(port);
        assertThat(page.formLogin("alderman", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(page.get("/taken").body().replace("name=\"_csrf\" content", "x"));
        HttpResponse<String> onPage =
                page.send(page.request("/taken/" + taskId(systemId, "alderman-decision") + "/afronden")
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FullLifecycleApiTest.JSON.writeValueAsString(approval(systemId, "Akkoord")))));
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(409);
        assertThat(onPage.body()).contains("opnieuw adviseren");

        HttpResponse<String> decided =
                complete(as("alderman"), systemId, "alderman-decision", approval(systemId, "Akkoord"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(409);
        assertThat(decided.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(decided).path("detail").asText())
                .contains("privacy-officer-advice (fg) advised on content " + advisedHash.substring(0, 12))
                .contains("ethics-committee-advice (ethics) advised on content " + advisedHash.substring(0, 12))
                .contains("must advise again");
        JsonNode after = version(assessmentId, 1);
        assertThat(after.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(after.path("signatures")).hasSize(3);
        assertThat(system(systemId).path("phase").asText()).isEqualTo("DEVELOP");
    }

    @Test
    void theOwnerWhoStartedTheCycleAndFilledInTheTriageCannotDecideAsAlderman() throws Exception {
        String boss = newUser("boss", "project-lead", "alderman");
        Http asBoss = Http.api(port).as(boss, PASSWORD);
        String systemId = register(asBoss);
        assertThat(asBoss.postJson("/api/systems/" + systemId + "/cycles", "{}").statusCode())
                .isEqualTo(201);
        completeOk(asBoss, systemId, "fill-in-triage", FullLifecycleApiTest.triage());
        completeOk(asBoss, systemId, "choose-iama", FullLifecycleApiTest.START_IAMA);
        // The parts are written by someone else (here the engine's system user), so only owner, starter and triage
        // remain.
        asEngine(() -> {
            for (int part = 1; part <= 5; part++) {
                Map<String, Object> variables = new java.util.HashMap<>();
                FullLifecycleApiTest.part(part, "Binnen vier weken beslissen")
                        .forEach((k, v) -> variables.put(k, VariableValues.toVariable(v)));
                engine.getTaskService().complete(taskId(systemId, "fill-in-iama-part-" + part), variables);
            }
        });
        completeOk(
                as("fg"), systemId, "privacy-officer-advice", Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        completeOk(
                as("ethics"),
                systemId,
                "ethics-committee-advice",
                Map.of("decision", "APPROVED", "motivation", "Akkoord"));

        HttpResponse<String> refused =
                complete(asBoss, systemId, "alderman-decision", approval(systemId, "Eigen systeem"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("detail").asText())
                .contains("Segregation of duties")
                .contains(boss + " owns the system");
        assertThat(version(iamaId(systemId), 1).path("signatures")).hasSize(2);

        // Another alderman decides, and the system enters Implement: the invariant lets a clean path through.
        completeOk(as("alderman"), systemId, "alderman-decision", approval(systemId, "Besloten in het college"));
        assertThat(system(systemId).path("phase").asText()).isEqualTo("IMPLEMENT");
    }

    @Test
    void anAdministratorWhoStartedTheCycleCannotDecideAsAlderman() throws Exception {
        String starter = newUser("starter", "admin", "alderman");
        String systemId = register(as("lead"));
        assertThat(Http.api(port)
                        .as(starter, PASSWORD)
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        completeOk(as("lead"), systemId, "fill-in-triage", FullLifecycleApiTest.triage());
        completeOk(as("lead"), systemId, "choose-iama", FullLifecycleApiTest.START_IAMA);
        for (int part = 1; part <= 5; part++) {
            completeOk(as("lead"), systemId, "fill-in-iama-part-" + part, FullLifecycleApiTest.part(part, "Doel"));
        }
        completeOk(
                as("fg"), systemId, "privacy-officer-advice", Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        completeOk(
                as("ethics"),
                systemId,
                "ethics-committee-advice",
                Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        HttpResponse<String> refused = complete(
                Http.api(port).as(starter, PASSWORD), systemId, "alderman-decision", approval(systemId, "Akkoord"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("detail").asText()).contains(starter + " started the system's assessment cycle");
    }

    @Test
    void noStartInstructionMakesASystemLiveWithoutItsSignedAssessments() throws Exception {
        // A registered system without any triage, started straight into Implement or Evaluate by the engine itself.
        String bare = register(as("lead"));
        for (String activity : List.of("prepare-implementation", "evaluate-wait")) {
            // The review date is given, so that the start reaches the phase change (the timer at evaluate-wait needs
            // it).
            assertThatThrownBy(() -> asEngine(() -> engine.getRuntimeService()
                            .createProcessInstanceByKey("assessment-cycle")
                            .businessKey(bare)
                            .setVariable(
                                    "nextReviewDate",
                                    java.util.Date.from(java.time.Instant.now().plusSeconds(86_400)))
                            .startBeforeActivity(activity)
                            .execute()))
                    .as(activity)
                    .hasMessageContaining("cannot enter phase")
                    .hasMessageContaining("no triage outcome");
        }
        assertThat(system(bare).path("phase").asText()).isEqualTo("REGISTERED");
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(bare)
                        .count())
                .isZero();

        // Over /engine-rest the same start is refused with a 4xx and leaves nothing behind.
        HttpResponse<String> overRest = as("lead")
                .postJson(
                        "/engine-rest/process-definition/key/assessment-cycle/start",
                        "{\"businessKey\":\"" + bare
                                + "\",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"evaluate-wait\"}]}");
        assertThat(overRest.statusCode()).as(overRest.body()).isBetween(400, 499);
        assertThat(system(bare).path("phase").asText()).isEqualTo("REGISTERED");

        // A system whose triage requires an IAMA that is advised but not decided: a second cycle started beside the
        // first,
        // pointed at the old round, cannot take it live either.
        String advised = systemInReview();
        completeOk(
                as("fg"), advised, "privacy-officer-advice", Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        completeOk(
                as("ethics"),
                advised,
                "ethics-committee-advice",
                Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        assertThatThrownBy(() -> asEngine(() -> engine.getRuntimeService()
                        .createProcessInstanceByKey("assessment-cycle")
                        .businessKey(advised)
                        .setVariables(
                                Map.of("round", 1, "iamaRequired", false, "dpiaRequired", false, "highRiskAi", false))
                        .startBeforeActivity("prepare-implementation")
                        .execute()))
                .hasMessageContaining("IAMA of round 1 (version 1) is IN_REVIEW")
                .hasMessageContaining("no approving decision of the alderman");
        assertThat(system(advised).path("phase").asText()).isEqualTo("DEVELOP");
        List<ProcessInstance> cycles = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("assessment-cycle")
                .processInstanceBusinessKey(advised)
                .list();
        assertThat(cycles).hasSize(1);
    }
}
