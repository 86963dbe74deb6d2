package nl.waarborg.api;

import static nl.waarborg.api.DraftSteps.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.identity.Groups;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A completed task answers "completed by …" (409) only to those who could have worked it: its assignee, the system's
 * team for a content task, the candidate group for a group task. Anyone else (another team's project lead, a reviewer
 * of another group, a manager who reads every task) gets the answer of a task that does not exist (404, the same
 * body), so a task id tells an outsider neither that the task existed nor who completed it.
 */
@WaarborgIntegrationTest
class CompletedTaskAnswerTest {

    private static final String GATE = "{\"decision\":\"APPROVED\",\"motivation\":\"Akkoord\"}";

    @RegisterExtension
    final DraftSteps d = new DraftSteps();

    @Test
    void aCompletedContentTaskIsAConflictForItsTeamAndUnknownToOthers() {
        String taskId = d.triageOf(d.systemWithCycle("Afgerond inhoud"));
        HttpResponse<String> done = d.api().viaApi("lead", taskId, TriageAnswers.neutral());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        HttpResponse<String> again = d.api().as("lead").get("/api/tasks/" + taskId);
        problem(again, 409);
        assertThat(again.body()).contains("completed by lead");

        String otherLead = d.newMember("lead-x", Groups.PROJECT_LEAD);
        for (String outsider : new String[] {otherLead, "manager", "ethics", "fg"}) {
            assertUnknown(outsider, taskId);
        }
    }

    @Test
    void aCoAuthorRemovedBeforeTheCompletionIsAnOutsiderToTheTask() {
        String systemId = d.systemWithCycle("Afgerond na vertrek");
        String taskId = d.triageOf(systemId);
        String stays = d.newMember("blijft", Groups.PROJECT_LEAD);
        String leaves = d.newMember("vertrekt", Groups.PROJECT_LEAD);
        String team = "/api/systems/" + systemId + "/co-authors/";
        for (String coAuthor : new String[] {stays, leaves}) {
            HttpResponse<String> named = d.api().as("lead").postJson(team + coAuthor, "");
            assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        }
        HttpResponse<String> removed = d.api().as("lead").sendJson("DELETE", team + leaves, null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        HttpResponse<String> done = d.api().viaApi("lead", taskId, TriageAnswers.neutral());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        HttpResponse<String> again = d.api().as(stays).get("/api/tasks/" + taskId);
        problem(again, 409);
        assertThat(again.body()).contains("completed by lead");
        assertUnknown(leaves, taskId);
    }

    @Test
    void aCompletedGroupTaskIsAConflictForTheGroupAndUnknownToOthers() {
        String gate = d.claimedGate(d.systemWithCycle("Afgerond groep"));
        HttpResponse<String> done = d.api().as("fg").postJson("/api/tasks/" + gate + "/complete", GATE);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        String colleague = d.newMember("fg-x", Groups.PRIVACY_OFFICER);
        for (String worker : new String[] {"fg", colleague}) {
            HttpResponse<String> again = d.api().as(worker).get("/api/tasks/" + gate);
            problem(again, 409);
            assertThat(again.body()).as(worker).contains("completed by fg");
        }
        for (String outsider : new String[] {"lead", "ethics", "manager", "admin"}) {
            assertUnknown(outsider, gate);
        }
    }

    /** The same answer as for a task id that never existed (404, the same body but for the id) on each call. */
    private void assertUnknown(String user, String taskId) {
        String never = UUID.randomUUID().toString();
        for (String call : new String[] {"", "/claim", "/complete"}) {
            HttpResponse<String> answer = call(user, taskId, call);
            HttpResponse<String> unknown = call(user, never, call);
            problem(unknown, 404);
            problem(answer, 404);
            assertThat(answer.body().replace(taskId, never))
                    .as(user + " " + call)
                    .isEqualTo(unknown.body())
                    .doesNotContain("completed");
        }
    }

    private HttpResponse<String> call(String user, String taskId, String call) {
        String path = "/api/tasks/" + taskId + call;
        return call.isEmpty()
                ? d.api().as(user).get(path)
                : d.api().as(user).postJson(path, call.equals("/claim") ? "" : "{}");
    }
}
