package nl.waarborg.api;

import static nl.waarborg.api.DraftSteps.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.forms.FormValidator;
import nl.waarborg.identity.Groups;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Concept opslaan" over /api and the task page (issue 18 point 11, ADR 0045): a draft is kept per task and user, read
 * back in a new session, never a completion nor content for the rules, bounded as a completion's input, removed when
 * the task is completed or deleted, and nobody but the user who may work the task saves or reads it. Each attack is a
 * test of its own kind: another project lead, a manager (who may read tasks, not work them), a reviewer of another
 * group, a colleague in the same group while the task is claimed, and the next assignee after a handover.
 */
@WaarborgIntegrationTest
class TaskDraftApiTest {

    @RegisterExtension
    final DraftSteps d = new DraftSteps();

    @Autowired
    ProcessEngine engine;

    @Test
    void aDraftIsReadBackInANewSessionCountsForNothingAndIsRemovedAtCompletion() {
        String taskId = d.triageOf(d.systemWithCycle("Concept API"));
        Map<String, Object> complete = TriageAnswers.neutral();

        HttpResponse<String> saved = d.save("lead", taskId, complete);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(ApiSteps.json(saved).path("savedAt").asText()).isNotBlank();

        // Every /api call logs in anew; the page's session is a new login too.
        JsonNode back = ApiSteps.json(d.read("lead", taskId));
        assertThat(back.path("formId").asText()).isEqualTo("triage");
        assertThat(back.path("values").path("purpose").asText()).isEqualTo(complete.get("purpose"));
        Http page = d.session("lead");
        HttpResponse<String> onPage = page.get("/taken/" + taskId + "/concept", "application/json");
        assertThat(onPage.statusCode()).isEqualTo(200);
        assertThat(ApiSteps.json(onPage).path("message").asText()).startsWith("Uw concept staat weer in het formulier");

        // A complete draft is still no answer: completing without answers is refused as before, and keeps the draft.
        HttpResponse<String> empty = d.api().viaApi("lead", taskId, Map.of());
        ApiSteps.refusedNaming(empty, "purpose");
        assertThat(engine.getTaskService().getVariable(taskId, "purpose")).isNull();
        assertThat(d.stored(taskId)).isEqualTo(1);

        HttpResponse<String> done = d.api().viaApi("lead", taskId, complete);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(d.stored(taskId)).isZero();
        // A second "Afronden" (a double click, another tab) is refused and marked as done already, for a calm note.
        HttpResponse<String> again = d.api().viaPage("lead", taskId, complete);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(ApiSteps.json(again).path("completed").asBoolean()).isTrue();
        problem(d.read("lead", taskId), 409);
        problem(d.save("lead", taskId, Map.of("purpose", "te laat")), 409);
        assertThat(d.stored(taskId)).isZero();
    }

    @Autowired
    nl.waarborg.task.TaskDrafts drafts;

    @Test
    void savesAtTheSameMomentKeepOneDraftAndNoneFails() throws Exception {
        String taskId = d.triageOf(d.systemWithCycle("Concept tegelijk"));
        int savers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(savers);
        try {
            for (int round = 0; round < 20; round++) {
                d.jdbc()
                        .sql("DELETE FROM wb_task_draft WHERE task_id = ?")
                        .param(taskId)
                        .update();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(savers);
                List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
                for (int i = 0; i < savers; i++) {
                    String purpose = "doel " + round + "-" + i;
                    // As the service is called by the API and the page, by one user in several requests at once.
                    saves.add(pool.submit(() -> d.driver().as("lead", () -> {
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
                assertThat(d.stored(taskId)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ApiSteps.json(d.read("lead", taskId))
                        .path("values")
                        .path("purpose")
                        .asText())
                .startsWith("doel 19-");
    }

    @Test
    void aDraftIsBoundedAsACompletionIs() {
        String taskId = d.triageOf(d.systemWithCycle("Concept grenzen"));

        HttpResponse<String> unknown = d.save("lead", taskId, Map.of("purpose", "x", "approvedBy", "lead"));
        problem(unknown, 400);
        assertThat(ApiSteps.json(unknown).path("field").asText()).isEqualTo("approvedBy");
        assertThat(unknown.body()).contains("not on form 'triage'");

        HttpResponse<String> tooLong =
                d.save("lead", taskId, Map.of("purpose", "x".repeat(FormValidator.MAX_TEXT_LENGTH + 1)));
        problem(tooLong, 400);
        assertThat(ApiSteps.json(tooLong).path("field").asText()).isEqualTo("purpose");

        HttpResponse<String> notAChoice = d.save("lead", taskId, Map.of("isAiSystem", "MAYBE"));
        problem(notAChoice, 400);
        assertThat(ApiSteps.json(notAChoice).path("field").asText()).isEqualTo("isAiSystem");

        String huge = "{\"purpose\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        problem(d.api().as("lead").sendJson("PUT", "/api/tasks/" + taskId + "/draft", huge), 413);
        assertThat(d.stored(taskId)).isZero();

        // On the page the same refusal is Dutch and names the field.
        Http page = d.session("lead");
        HttpResponse<String> refused =
                ApiSteps.postOnPage(page, "/taken/" + taskId + "/concept", "{\"approvedBy\":\"lead\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiSteps.json(refused).path("message").asText()).contains("staat niet op dit formulier");
        assertThat(d.stored(taskId)).isZero();
    }

    @Test
    void anotherProjectLeadAndAManagerNeitherSaveNorRead() {
        String taskId = d.triageWithDraftOfLead("Concept aanval leider");
        String otherLead = d.newMember("lead-x", Groups.PROJECT_LEAD);

        problem(d.read(otherLead, taskId), 404);
        problem(d.save(otherLead, taskId, Map.of("purpose", "Overschreven")), 404);
        // The manager reads every task but works none.
        problem(d.read("manager", taskId), 403);
        problem(d.save("manager", taskId, Map.of("purpose", "Overschreven")), 403);

        assertThat(ApiSteps.json(d.read("lead", taskId))
                        .path("values")
                        .path("purpose")
                        .asText())
                .isEqualTo("Van de eigenaar");
        assertThat(d.stored(taskId)).isEqualTo(1);
    }

    @Test
    void anotherReviewerNeitherSavesNorReadsAndAHandoverShowsNoOnesDraft() {
        String systemId = d.systemWithCycle("Concept aanval beoordelaar");
        String gate = d.claimedGate(systemId);
        assertThat(d.save("fg", gate, Map.of("motivation", "Mijn halve oordeel"))
                        .statusCode())
                .isEqualTo(200);
        String colleague = d.newMember("fg-x", Groups.PRIVACY_OFFICER);

        // A colleague in the same group while fg holds the task; a reviewer of another group; the system's owner.
        problem(d.read(colleague, gate), 403);
        problem(d.save(colleague, gate, Map.of("motivation", "Overschreven")), 403);
        problem(d.read("ethics", gate), 404);
        problem(d.save("ethics", gate, Map.of("motivation", "Overschreven")), 404);
        problem(d.read("lead", gate), 404);

        // Handed over: the next assignee starts from the task as it is, not from fg's draft; fg no longer reads it.
        engine.getTaskService().setAssignee(gate, colleague);
        problem(d.read(colleague, gate), 404);
        assertThat(d.read(colleague, gate).body()).contains("no draft");
        problem(d.read("fg", gate), 403);

        // A deleted task (the cycle is cancelled) leaves no draft behind.
        assertThat(d.stored(gate)).isEqualTo(1);
        engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(systemId)
                .rootProcessInstances()
                .list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test: cancelled"));
        assertThat(d.stored(gate)).isZero();
        assertThat(List.of(gate))
                .allSatisfy(id -> assertThat(engine.getTaskService()
                                .createTaskQuery()
                                .taskId(id)
                                .count())
                        .isZero());
    }
}
