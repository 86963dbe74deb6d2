package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, failed jobs and the attack, over real HTTP: the administrator lists failed jobs and incidents and retries
 * one with a reason, after which the job runs again; nobody else may. And the administrator still cannot do any of this
 * around Waarborg, directly on /engine-rest (403). The test model administration/failing-job-probe.bpmn has an
 * asynchronous step that fails until the test allows it; the test runs the jobs itself, as the job executor would.
 */
@WaarborgIntegrationTest
class StuckWorkJobsTest extends StuckWorkScenario {

    /** A probe instance of a new system whose asynchronous step failed until no retries were left: an incident. */
    record FailedProbe(String systemId, String instanceId, String jobId) {}

    FailedProbe failedProbe() {
        identity.clearAuthentication();
        engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("administration/failing-job-probe.bpmn")
                .name("failing-job-probe")
                .enableDuplicateFiltering(true)
                .deploy();
        String systemId = systems.register("Mislukte stap " + UUID.randomUUID(), null, "Sociaal Domein", "lead")
                .id();
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("failing-job-probe", systemId)
                .getId();
        ManagementService management = engine.getManagementService();
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the step cannot resolve probeMayRun yet
            }
            job = management.createJobQuery().jobId(job.getId()).singleResult();
        }
        assertThat(job.getRetries()).isZero();
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(instance)
                        .count())
                .isEqualTo(1);
        return new FailedProbe(systemId, instance, job.getId());
    }

    int retriesOf(String jobId) {
        return engine.getManagementService()
                .createJobQuery()
                .jobId(jobId)
                .singleResult()
                .getRetries();
    }

    @Test
    void theAdministratorRetriesAFailedJobWithAReasonAndItRunsAgain() {
        FailedProbe probe = failedProbe();

        // Listed with its incident (failed jobs without retries come first).
        HttpResponse<String> list = as("admin").get("/api/admin/work/failed-jobs?limit=1000");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(Long.parseLong(list.headers().firstValue("X-Total-Count").orElseThrow()))
                .isPositive();
        JsonNode listed = null;
        for (JsonNode item : json(list)) {
            if (probe.jobId().equals(item.path("jobId").asText())) {
                listed = item;
            }
        }
        assertThat(listed).as("the failed job on the list").isNotNull();
        assertThat(listed.path("incident").asBoolean()).isTrue();
        assertThat(listed.path("retries").asInt()).isZero();
        assertThat(listed.path("systemId").asText()).isEqualTo(probe.systemId());
        assertThat(listed.path("activityId").asText()).isEqualTo("probe-step");
        assertThat(listed.path("exceptionMessage").asText()).contains("probeMayRun");

        // The cause is fixed; the administrator gives the job another attempt.
        engine.getRuntimeService().setVariable(probe.instanceId(), "probeMayRun", true);
        String retry = "/api/admin/work/failed-jobs/" + probe.jobId() + "/retry";
        assertProblem(post("admin", retry, "{}"), 400, "reason");
        HttpResponse<String> retried = post("admin", retry, body(Map.of("reason", "Oorzaak hersteld")));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);

        ManagementService management = engine.getManagementService();
        List<Job> due =
                management.createJobQuery().jobId(probe.jobId()).executable().list();
        assertThat(due).as("the job executor would pick it up now").hasSize(1);
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(probe.instanceId())
                        .count())
                .isZero();
        management.executeJob(probe.jobId());
        Task after = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(probe.instanceId())
                .singleResult();
        assertThat(after.getTaskDefinitionKey()).isEqualTo("probe-after");
        JsonNode details = auditedOnce(probe.systemId(), AuditAction.JOB_RETRIED, "admin");
        assertThat(details.path("jobId").asText()).isEqualTo(probe.jobId());
        assertThat(details.path("reason").asText()).isEqualTo("Oorzaak hersteld");
        assertThat(details.path("previousRetries").asInt()).isZero();
    }

    @Test
    void onlyTheAdministratorRetriesAndOnlyFailedJobs() {
        FailedProbe probe = failedProbe();
        for (String user : List.of("manager", "lead", "fg")) {
            assertProblem(as(user).get("/api/admin/work/failed-jobs"), 403, null);
            assertProblem(
                    post(
                            user,
                            "/api/admin/work/failed-jobs/" + probe.jobId() + "/retry",
                            body(Map.of("reason", "Ik probeer het"))),
                    403,
                    null);
        }
        assertThat(retriesOf(probe.jobId())).isZero();
        assertProblem(
                post("admin", "/api/admin/work/failed-jobs/no-such-job/retry", body(Map.of("reason", "x"))), 404, null);
        assertThat(audited(probe.systemId(), AuditAction.JOB_RETRIED)).isEmpty();
    }

    @Test
    void theAdministratorStillCannotFreeWorkAroundWaarborgOnEngineRest() {
        FailedProbe probe = failedProbe();
        String systemId = systemAt("Aanval", "privacy-officer-advice");
        String cycleId = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(systemId)
                .processDefinitionKey("assessment-cycle")
                .singleResult()
                .getId();
        Http admin = as("admin");

        assertProblemOrEngine403(admin.send(
                admin.request("/engine-rest/process-instance/" + cycleId).DELETE()));
        assertProblemOrEngine403(
                admin.sendJson("PUT", "/engine-rest/job/" + probe.jobId() + "/retries", "{\"retries\":1}"));
        assertProblemOrEngine403(admin.sendJson(
                "POST", "/engine-rest/job/retries", "{\"jobIds\":[\"" + probe.jobId() + "\"],\"retries\":1}"));
        assertProblemOrEngine403(admin.sendJson(
                "PUT",
                "/engine-rest/job/" + probe.jobId() + "/duedate",
                "{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}"));
        assertProblemOrEngine403(admin.sendJson("POST", "/engine-rest/job/" + probe.jobId() + "/execute", null));
        assertProblemOrEngine403(admin.sendJson(
                "POST",
                "/engine-rest/process-instance/" + cycleId + "/modification",
                "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"run-iama\"}]}"));

        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(cycleId)
                        .count())
                .isEqualTo(1);
        assertThat(retriesOf(probe.jobId())).isZero();
        taskAt(systemId, "privacy-officer-advice");
    }

    static void assertProblemOrEngine403(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }
}
