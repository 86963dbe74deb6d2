package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.CycleSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.OpenSteps;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps of the task-draft tests (ADR 0045): a pre-scan task to draft, a draft saved, read and discarded on /api.
 * Registered with {@code @RegisterExtension} ({@link CycleSteps}).
 */
final class DraftSteps extends CycleSteps {

    JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** A system of its own (the name made unique) with its cycle started. */
    @Override
    public String systemWithCycle(String name) {
        return super.systemWithCycle(name + " " + UUID.randomUUID());
    }

    String triageOf(String systemId) {
        return OpenSteps.reached(cycles().openSteps(systemId), "fill-in-triage").taskId();
    }

    /** The triage of a new system of its own with a draft of its owner, lead, saved; its task id. */
    String triageWithDraftOfLead(String name) {
        String taskId = triageOf(systemWithCycle(name));
        HttpResponse<String> saved = save("lead", taskId, java.util.Map.of("purpose", "Van de eigenaar"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return taskId;
    }

    /** The privacy officer's advice of the system's cycle (driven there as impactful), claimed by fg. */
    String claimedGate(String systemId) {
        String gate = OpenSteps.reached(
                        driver().driveUntil(systemId, "privacy-officer-advice", TriageAnswers.impactful()),
                        "privacy-officer-advice")
                .taskId();
        assertThat(api().as("fg").postJson("/api/tasks/" + gate + "/claim", "").statusCode())
                .isEqualTo(200);
        return gate;
    }

    HttpResponse<String> save(String user, String taskId, Object values) {
        return api().as(user).sendJson("PUT", "/api/tasks/" + taskId + "/draft", ApiSteps.write(values));
    }

    HttpResponse<String> read(String user, String taskId) {
        return api().as(user).get("/api/tasks/" + taskId + "/draft");
    }

    HttpResponse<String> discard(String user, String taskId) {
        return api().as(user).sendJson("DELETE", "/api/tasks/" + taskId + "/draft", null);
    }

    /** The drafts of the task in the table, whoever saved them. */
    long stored(String taskId) {
        return jdbc().sql("SELECT COUNT(*) FROM wb_task_draft WHERE task_id = ?")
                .param(taskId)
                .query(Long.class)
                .single();
    }

    String newMember(String prefix, String group) {
        IdentityService identity = bean(IdentityService.class);
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.saveWithDemoPassword(identity, identity.newUser(user));
        identity.createMembership(user, group);
        return user;
    }

    static void problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
