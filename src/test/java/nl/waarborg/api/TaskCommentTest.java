package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.identity.Groups;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A comment on a task (the engine's AddCommentCmd: {@code /engine-rest/task/{id}/comment/create}, Tasklist's comment,
 * Java) is written only by someone who may work the task, and is in Waarborg's audit trail: the administrator and the manager read every
 * task, but adding their words to a team's task is refused (403 naming why), and nothing is stored.
 */
@WaarborgIntegrationTest
class TaskCommentTest {

    @RegisterExtension
    final DraftSteps d = new DraftSteps();

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuditTrail audit;

    @Test
    void onlyThoseWhoMayWorkATaskCommentOnItAndTheirCommentIsAudited() {
        String taskId = d.triageOf(d.systemWithCycle("Opmerking"));
        String otherLead = d.newMember("lead-x", Groups.PROJECT_LEAD);

        for (String reader : List.of("admin", "manager")) {
            HttpResponse<String> refused = comment(reader, taskId, "Van " + reader);
            // Camunda's REST shape {type, message}, as every refusal on /engine-rest (CamundaRestProblems).
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).as(reader).contains("comment").contains("may not work task " + taskId);
        }
        for (String outsider : List.of(otherLead, "fg", "ethics")) {
            // They cannot read the task: Camunda answers as for a task that does not exist (400 "No task found").
            assertThat(comment(outsider, taskId, "Van buiten").statusCode())
                    .as(outsider)
                    .isIn(400, 403, 404);
        }
        assertThat(engine.getTaskService().getTaskComments(taskId)).isEmpty();

        // Camunda's REST comment call first looks the task up in the history, which the people who work tasks may not
        // read (it would show every team's processes): they reach the same engine command through the engine itself.
        asUser("lead", () -> engine.getTaskService().createComment(taskId, null, "Eerst de leverancier bellen"));
        asUser("lead", () -> engine.getTaskService().createComment(taskId, null, "Gebeld, antwoord volgt"));
        assertThat(engine.getTaskService().getTaskComments(taskId))
                .extracting(Comment::getFullMessage)
                .containsExactlyInAnyOrder("Eerst de leverancier bellen", "Gebeld, antwoord volgt");
        assertThatThrownBy(() ->
                        asUser("manager", () -> engine.getTaskService().createComment(taskId, null, "Van de manager")))
                .hasMessageContaining("may not work task " + taskId);

        List<Map<String, Object>> audited = audit.events(null, 10_000).stream()
                .filter(e -> "lead".equals(e.userId()) && "ENGINE_OPERATION".equals(e.action()))
                .map(e -> CanonicalJson.readMap(e.details()))
                .filter(details -> "CreateComment".equals(details.get("operation"))
                        && details.get("target").toString().contains(taskId))
                .toList();
        assertThat(audited).hasSize(2);
        assertThat(audited.toString()).contains("Eerst de leverancier bellen").contains("Gebeld, antwoord volgt");
    }

    private HttpResponse<String> comment(String user, String taskId, String message) {
        return d.api()
                .as(user)
                .postJson("/engine-rest/task/" + taskId + "/comment/create", "{\"message\":\"" + message + "\"}");
    }

    private void asUser(String user, Runnable call) {
        engine.getIdentityService()
                .setAuthentication(
                        user,
                        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                                .map(org.camunda.bpm.engine.identity.Group::getId)
                                .toList());
        try {
            call.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
