package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The steps of the task-draft tests (ADR 0045): a pre-scan task to draft, a draft saved, read and discarded on /api. */
record DraftSteps(
        int port,
        SystemRegistry systems,
        CycleService cycles,
        DemoDriver driver,
        IdentityService identity,
        JdbcClient jdbc) {

    ApiSteps api() {
        return new ApiSteps(port);
    }

    String systemWithCycle(String name) {
        SystemRecord system = systems.register(name + " " + UUID.randomUUID(), null, "Sociaal Domein", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        return system.id();
    }

    String triageOf(String systemId) {
        return OpenSteps.reached(cycles.openSteps(systemId), "fill-in-triage").taskId();
    }

    /** The privacy officer's advice of the system's cycle (driven there as impactful), claimed by fg. */
    String claimedGate(String systemId) {
        String gate = OpenSteps.reached(
                        driver.driveUntil(systemId, "privacy-officer-advice", TriageAnswers.impactful()),
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
        return jdbc.sql("SELECT COUNT(*) FROM wb_task_draft WHERE task_id = ?")
                .param(taskId)
                .query(Long.class)
                .single();
    }

    String newMember(String prefix, String group) {
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
