package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.forms.FormValidator;
import nl.waarborg.identity.Groups;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Concept opslaan" over /api and the task page (issue 18 point 11, ADR 0045): a draft is kept per task and user, read
 * back in a new session, never a completion nor content for the rules, bounded as a completion's input, removed when
 * the task is completed or deleted, and nobody but the user who may work the task saves or reads it. Each attack is a
 * test of its own kind: another project lead, a manager (who may read tasks, not work them), a reviewer of another
 * group, a colleague in the same group while the task is claimed, and the next assignee after a handover.
 */
@WaarborgIntegrationTest
class TaskDraftApiTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    DemoDriver driver;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    private ApiSteps steps() {
        return new ApiSteps(port);
    }

    private String systemWithCycle(String name) {
        SystemRecord system = systems.register(name + " " + UUID.randomUUID(), null, "Sociaal Domein", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        return system.id();
    }

    private String triageOf(String systemId) {
        return OpenSteps.reached(cycles.openSteps(systemId), "fill-in-triage").taskId();
    }

    private HttpResponse<String> save(String user, String taskId, Object values) {
        return steps().as(user).sendJson("PUT", "/api/tasks/" + taskId + "/draft", ApiSteps.write(values));
    }

    private HttpResponse<String> read(String user, String taskId) {
        return steps().as(user).get("/api/tasks/" + taskId + "/draft");
    }

    private long stored(String taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_task_draft WHERE task_id = ?")
                .param(taskId)
                .query(Long.class)
                .single();
    }

    private String newMember(String prefix, String group) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.saveWithDemoPassword(identity, identity.newUser(user));
        identity.createMembership(user, group);
        return user;
    }

    private static void problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aDraftIsReadBackInANewSessionCountsForNothingAndIsRemovedAtCompletion() {
        String taskId = triageOf(systemWithCycle("Concept API"));
        Map<String, Object> complete = TriageAnswers.neutral();

        HttpResponse<String> saved = save("lead", taskId, complete);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(ApiSteps.json(saved).path("savedAt").asText()).isNotBlank();

        // Every /api call logs in anew; the page's session is a new login too.
        JsonNode back = ApiSteps.json(read("lead", taskId));
        assertThat(back.path("formId").asText()).isEqualTo("triage");
        assertThat(back.path("values").path("purpose").asText()).isEqualTo(complete.get("purpose"));
        Http page = Http.browser(port);
        assertThat(page.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        HttpResponse<String> onPage = page.get("/taken/" + taskId + "/concept", "application/json");
        assertThat(onPage.statusCode()).isEqualTo(200);
        assertThat(ApiSteps.json(onPage).path("message").asText()).startsWith("Uw concept van");

        // A complete draft is still no answer: completing without answers is refused as before, and keeps the draft.
        HttpResponse<String> empty = steps().viaApi("lead", taskId, Map.of());
        ApiSteps.refusedNaming(empty, "purpose");
        assertThat(engine.getTaskService().getVariable(taskId, "purpose")).isNull();
        assertThat(stored(taskId)).isEqualTo(1);

        HttpResponse<String> done = steps().viaApi("lead", taskId, complete);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(stored(taskId)).isZero();
        // A second "Afronden" (a double click, another tab) is refused and marked as done already, for a calm note.
        HttpResponse<String> again = steps().viaPage("lead", taskId, complete);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(ApiSteps.json(again).path("completed").asBoolean()).isTrue();
        problem(read("lead", taskId), 409);
        problem(save("lead", taskId, Map.of("purpose", "te laat")), 409);
        assertThat(stored(taskId)).isZero();
    }

    @Autowired
    nl.waarborg.task.TaskDrafts drafts;

    @Test
    void savesAtTheSameMomentKeepOneDraftAndNoneFails() throws Exception {
        String taskId = triageOf(systemWithCycle("Concept tegelijk"));
        int savers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(savers);
        try {
            for (int round = 0; round < 20; round++) {
                jdbc.sql("DELETE FROM wb_task_draft WHERE task_id = ?")
                        .param(taskId)
                        .update();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(savers);
                List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
                for (int i = 0; i < savers; i++) {
                    String purpose = "doel " + round + "-" + i;
                    // As the service is called by the API and the page, by one user in several requests at once.
                    saves.add(pool.submit(() -> driver.as("lead", () -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return drafts.save(taskId, Map.of("purpose", purpose));
                    })));
                }
                for (java.util.concurrent.Future<?> f : saves) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertThat(stored(taskId)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ApiSteps.json(read("lead", taskId))
                        .path("values")
                        .path("purpose")
                        .asText())
                .startsWith("doel 19-");
    }

    @Test
    void aDraftIsBoundedAsACompletionIs() {
        String taskId = triageOf(systemWithCycle("Concept grenzen"));

        HttpResponse<String> unknown = save("lead", taskId, Map.of("purpose", "x", "approvedBy", "lead"));
        problem(unknown, 400);
        assertThat(ApiSteps.json(unknown).path("field").asText()).isEqualTo("approvedBy");
        assertThat(unknown.body()).contains("not on form 'triage'");

        HttpResponse<String> tooLong =
                save("lead", taskId, Map.of("purpose", "x".repeat(FormValidator.MAX_TEXT_LENGTH + 1)));
        problem(tooLong, 400);
        assertThat(ApiSteps.json(tooLong).path("field").asText()).isEqualTo("purpose");

        HttpResponse<String> notAChoice = save("lead", taskId, Map.of("isAiSystem", "MAYBE"));
        problem(notAChoice, 400);
        assertThat(ApiSteps.json(notAChoice).path("field").asText()).isEqualTo("isAiSystem");

        String huge = "{\"purpose\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        problem(steps().as("lead").sendJson("PUT", "/api/tasks/" + taskId + "/draft", huge), 413);
        assertThat(stored(taskId)).isZero();

        // On the page the same refusal is Dutch and names the field.
        Http page = Http.browser(port);
        assertThat(page.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(page.get("/taken").body());
        HttpResponse<String> refused = page.send(page.request("/taken/" + taskId + "/concept")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"approvedBy\":\"lead\"}")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiSteps.json(refused).path("message").asText()).contains("staat niet op dit formulier");
        assertThat(stored(taskId)).isZero();
    }

    @Test
    void anotherProjectLeadAndAManagerNeitherSaveNorRead() {
        String taskId = triageOf(systemWithCycle("Concept aanval leider"));
        assertThat(save("lead", taskId, Map.of("purpose", "Van de eigenaar")).statusCode())
                .isEqualTo(200);
        String otherLead = newMember("lead-x", Groups.PROJECT_LEAD);

        problem(read(otherLead, taskId), 404);
        problem(save(otherLead, taskId, Map.of("purpose", "Overschreven")), 404);
        // The manager reads every task but works none.
        problem(read("manager", taskId), 403);
        problem(save("manager", taskId, Map.of("purpose", "Overschreven")), 403);

        assertThat(ApiSteps.json(read("lead", taskId))
                        .path("values")
                        .path("purpose")
                        .asText())
                .isEqualTo("Van de eigenaar");
        assertThat(stored(taskId)).isEqualTo(1);
    }

    @Test
    void anotherReviewerNeitherSavesNorReadsAndAHandoverShowsNoOnesDraft() {
        String systemId = systemWithCycle("Concept aanval beoordelaar");
        String gate = OpenSteps.reached(
                        driver.driveUntil(systemId, "privacy-officer-advice", TriageAnswers.impactful()),
                        "privacy-officer-advice")
                .taskId();
        assertThat(steps().as("fg")
                        .postJson("/api/tasks/" + gate + "/claim", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(save("fg", gate, Map.of("motivation", "Mijn halve oordeel")).statusCode())
                .isEqualTo(200);
        String colleague = newMember("fg-x", Groups.PRIVACY_OFFICER);

        // A colleague in the same group while fg holds the task; a reviewer of another group; the system's owner.
        problem(read(colleague, gate), 403);
        problem(save(colleague, gate, Map.of("motivation", "Overschreven")), 403);
        problem(read("ethics", gate), 404);
        problem(save("ethics", gate, Map.of("motivation", "Overschreven")), 404);
        problem(read("lead", gate), 404);

        // Handed over: the next assignee starts from the task as it is, not from fg's draft; fg no longer reads it.
        engine.getTaskService().setAssignee(gate, colleague);
        problem(read(colleague, gate), 404);
        assertThat(read(colleague, gate).body()).contains("no draft");
        problem(read("fg", gate), 403);

        // A deleted task (the cycle is cancelled) leaves no draft behind.
        assertThat(stored(gate)).isEqualTo(1);
        engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(systemId)
                .rootProcessInstances()
                .list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test: cancelled"));
        assertThat(stored(gate)).isZero();
        assertThat(List.of(gate))
                .allSatisfy(id -> assertThat(engine.getTaskService()
                                .createTaskQuery()
                                .taskId(id)
                                .count())
                        .isZero());
    }
}
