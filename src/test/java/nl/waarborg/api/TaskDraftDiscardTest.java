package nl.waarborg.api;

import static nl.waarborg.api.DraftSteps.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.identity.Groups;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.shared.DutchDates;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Concept verwijderen" and an old draft after a form change (ADR 0045): a user throws their own draft away on /api or
 * on the task page, which says when the draft was saved; nobody else discards it (another project lead, a manager, a
 * reviewer of another group, a colleague while the task is claimed); and a key the form no longer has is left out when
 * the draft is read, so it is never offered to a completion.
 */
@WaarborgIntegrationTest
class TaskDraftDiscardTest {

    @RegisterExtension
    final DraftSteps d = new DraftSteps();

    @Autowired
    ProcessEngine engine;

    /** "Ja, concept verwijderen" on the task page, with the page's CSRF token. */
    private static HttpResponse<String> discardOnPage(Http page, String taskId) {
        String csrf = Http.csrfTokenFrom(page.get("/taken").body());
        return page.postForm("/taken/" + taskId + "/concept/verwijderen", Http.form("_csrf", csrf));
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    /** The block with "Concept opgeslagen op …" and "Concept verwijderen": its opening tag says whether it is hidden. */
    private static String savedBlock(String html) {
        int start = html.indexOf("<div id=\"draft-saved\"");
        assertThat(start).as("the draft block is on the page").isNotNegative();
        return html.substring(start, html.indexOf('>', start) + 1);
    }

    @Test
    void aDiscardedDraftIsGoneTheTaskStaysOpenAndDiscardingAgainIsNoError() {
        String taskId = d.triageOf(d.systemWithCycle("Concept weg"));
        assertThat(d.save("lead", taskId, Map.of("purpose", "Weg ermee")).statusCode())
                .isEqualTo(200);

        HttpResponse<String> discarded = d.discard("lead", taskId);
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(204);
        assertThat(d.stored(taskId)).isZero();
        problem(d.read("lead", taskId), 404);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count())
                .isEqualTo(1);
        assertThat(engine.getTaskService().getVariable(taskId, "purpose")).isNull();

        // Idempotent: a double click or a retry after a lost answer is no error.
        assertThat(d.discard("lead", taskId).statusCode()).isEqualTo(204);
        // A new draft can be saved afterwards.
        assertThat(d.save("lead", taskId, Map.of("purpose", "Opnieuw")).statusCode())
                .isEqualTo(200);
        assertThat(d.stored(taskId)).isEqualTo(1);
    }

    @Test
    void theTaskPageSaysWhenTheDraftWasSavedAndDiscardsItAfterAConfirmation() {
        String taskId = d.triageOf(d.systemWithCycle("Concept pagina"));
        Http page = d.session("lead");
        assertThat(savedBlock(page.get("/taken/" + taskId).body())).contains("hidden");

        HttpResponse<String> saved = d.save("lead", taskId, Map.of("purpose", "Half af"));
        Instant savedAt = Instant.parse(ApiSteps.json(saved).path("savedAt").asText());
        String html = page.get("/taken/" + taskId).body();
        assertThat(savedBlock(html)).doesNotContain("hidden");
        assertThat(html)
                .contains("Concept opgeslagen op " + DutchDates.dateTime(savedAt) + ".")
                .contains("Concept verwijderen")
                .contains("Ja, concept verwijderen");

        assertThat(location(discardOnPage(page, taskId))).isEqualTo("/taken/" + taskId);
        String after = page.get("/taken/" + taskId).body();
        assertThat(after).contains("Uw concept is verwijderd.").doesNotContain("Concept opgeslagen op");
        assertThat(savedBlock(after)).contains("hidden");
        // The form's script finds no draft: the form shows what the engine holds.
        assertThat(page.get("/taken/" + taskId + "/concept", "application/json").statusCode())
                .isEqualTo(204);
        assertThat(d.stored(taskId)).isZero();
    }

    @Test
    void anotherProjectLeadAndAManagerCannotDiscard() {
        String taskId = d.triageWithDraftOfLead("Concept weg aanval leider");
        String otherLead = d.newMember("lead-x", Groups.PROJECT_LEAD);

        problem(d.discard(otherLead, taskId), 404);
        problem(d.discard("manager", taskId), 403);
        Http page = d.session(otherLead);
        assertThat(location(discardOnPage(page, taskId))).isEqualTo("/taken");
        assertThat(page.get("/taken").body()).contains("Deze taak bestaat niet (meer)");

        assertThat(d.stored(taskId)).isEqualTo(1);
        assertThat(ApiSteps.json(d.read("lead", taskId))
                        .path("values")
                        .path("purpose")
                        .asText())
                .isEqualTo("Van de eigenaar");
    }

    @Test
    void anotherReviewerCannotDiscardAndNobodyDiscardsAnothersDraft() {
        String gate = d.claimedGate(d.systemWithCycle("Concept weg aanval beoordelaar"));
        assertThat(d.save("fg", gate, Map.of("motivation", "Mijn halve oordeel"))
                        .statusCode())
                .isEqualTo(200);
        String colleague = d.newMember("fg-x", Groups.PRIVACY_OFFICER);

        // A colleague in the same group while fg holds the task; a reviewer of another group; the system's owner.
        problem(d.discard(colleague, gate), 403);
        problem(d.discard("ethics", gate), 404);
        problem(d.discard("lead", gate), 404);
        assertThat(d.stored(gate)).isEqualTo(1);

        // Handed over: the next assignee discards only their own draft (none), not fg's; fg may no longer act on it.
        engine.getTaskService().setAssignee(gate, colleague);
        assertThat(d.discard(colleague, gate).statusCode()).isEqualTo(204);
        problem(d.discard("fg", gate), 403);
        assertThat(d.stored(gate)).isEqualTo(1);
    }

    @Test
    void aKeyTheFormNoLongerHasIsLeftOutWhenTheDraftIsRead() {
        String taskId = d.triageOf(d.systemWithCycle("Concept oud formulier"));
        assertThat(d.save("lead", taskId, Map.of("purpose", "Half af")).statusCode())
                .isEqualTo(200);
        // As saved when the form still had a question it has since lost.
        d.jdbc()
                .sql("UPDATE wb_task_draft SET answers = ? WHERE task_id = ?")
                .params("{\"purpose\":\"Half af\",\"formerQuestion\":\"Weggehaald\",\"isAiSystem\":\"NO\"}", taskId)
                .update();

        JsonNode values = ApiSteps.json(d.read("lead", taskId)).path("values");
        assertThat(values.has("formerQuestion")).isFalse();
        assertThat(values.path("purpose").asText()).isEqualTo("Half af");
        assertThat(values.path("isAiSystem").asText()).isEqualTo("NO");
        JsonNode onPage = ApiSteps.json(d.session("lead").get("/taken/" + taskId + "/concept", "application/json"))
                .path("values");
        assertThat(onPage.has("formerQuestion")).isFalse();
        assertThat(onPage.path("purpose").asText()).isEqualTo("Half af");

        // What the draft offers completes; the dropped key would have been refused.
        Map<String, Object> answers = new LinkedHashMap<>(TriageAnswers.neutral());
        ApiSteps.refusedNaming(d.api().viaApi("lead", taskId, withFormer(answers)), "formerQuestion");
        values.fields()
                .forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
        HttpResponse<String> done = d.api().viaApi("lead", taskId, answers);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private static Map<String, Object> withFormer(Map<String, Object> answers) {
        Map<String, Object> with = new LinkedHashMap<>(answers);
        with.put("formerQuestion", "Weggehaald");
        return with;
    }
}
