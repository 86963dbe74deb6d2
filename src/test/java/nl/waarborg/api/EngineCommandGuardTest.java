package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * Users cannot move processes past Waarborg's rules through /engine-rest: no start other than Waarborg's own (no start
 * instructions, no skipped listeners, no direct IAMA or DPIA), no modification, restart, migration or deletion of
 * instances, no BPMN error or signal thrown at a gate, and no job manipulation. Each refusal is a 403 that says why,
 * and leaves the process as it was. Waarborg's own start keeps working.
 */
@WaarborgIntegrationTest
class EngineCommandGuardTest extends GuardScenario {

    private static void assertRefused(HttpResponse<String> response, String what, String reason) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(response.body()).as(what).contains(reason);
    }

    private long instancesOf(String businessKey) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .count();
    }

    @Test
    void aStartWithInstructionsIsRefusedAndTheSystemStaysNew() {
        SystemRecord system = systems.register("Start met instructies", null, "Burgerzaken", "lead");
        String path = "/engine-rest/process-definition/key/assessment-cycle/start";
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String activity : List.of("prepare-implementation", "evaluate-wait")) {
            bodies.put(
                    "startBeforeActivity " + activity,
                    "{\"businessKey\":\"" + system.id() + "\",\"startInstructions\":"
                            + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + activity + "\"}]}");
        }
        bodies.put(
                "startAfterActivity",
                "{\"businessKey\":\"" + system.id() + "\",\"startInstructions\":"
                        + "[{\"type\":\"startAfterActivity\",\"activityId\":\"fill-in-triage\"}]}");
        bodies.put(
                "startTransition",
                "{\"businessKey\":\"" + system.id() + "\",\"startInstructions\":"
                        + "[{\"type\":\"startTransition\",\"transitionId\":\"flow-to-implement\"}]}");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            for (String user : List.of("lead", "lead2", "admin")) {
                assertRefused(
                        send(user, "POST", path, body.getValue()), body.getKey() + " as " + user, "start instructions");
            }
        }
        SystemRecord after = systems.get(system.id());
        assertThat(after.phase()).isEqualTo(SystemRecord.Phase.REGISTERED);
        assertThat(after.status()).isEqualTo(SystemRecord.Status.NEW);
        assertThat(instancesOf(system.id())).isZero();
    }

    @Test
    void skippingListenersOrMappingsIsRefusedEvenForAKeyThatIsNoSystem() {
        String path = "/engine-rest/process-definition/key/assessment-cycle/start";
        for (String flag : List.of("skipCustomListeners", "skipIoMappings")) {
            for (String user : List.of("lead", "admin")) {
                assertRefused(
                        send(
                                user,
                                "POST",
                                path,
                                "{\"businessKey\":\"geen-systeem\",\"" + flag + "\":true,\"startInstructions\":"
                                        + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"fill-in-triage\"}]}"),
                        flag + " as " + user,
                        flag);
                // Without instructions the engine itself refuses the flags (400); either way nothing starts.
                assertThat(send(user, "POST", path, "{\"businessKey\":\"geen-systeem\",\"" + flag + "\":true}")
                                .statusCode())
                        .isIn(400, 403);
            }
        }
        assertThat(instancesOf("geen-systeem")).isZero();
    }

    @Test
    void onlyWaarborgStartsCyclesAndAssessmentsRunOnlyAsCallActivities() {
        SystemRecord system = systems.register("Directe start", null, "Burgerzaken", "lead");
        String start = "{\"businessKey\":\"" + system.id() + "\"}";
        for (String user : List.of("lead", "admin")) {
            assertRefused(
                    send(user, "POST", "/engine-rest/process-definition/key/assessment-cycle/start", start),
                    "direct cycle start as " + user,
                    "/api/systems/");
            assertRefused(
                    send(user, "POST", "/engine-rest/process-definition/key/assessment-cycle/submit-form", start),
                    "start form as " + user,
                    "/api/systems/");
        }
        for (String key : List.of("iama", "dpia")) {
            assertRefused(
                    send(
                            "admin",
                            "POST",
                            "/engine-rest/process-definition/key/" + key + "/start",
                            "{\"businessKey\":\"" + system.id() + "\",\"variables\":{\"round\":{\"value\":1}}}"),
                    "direct " + key,
                    "call activit");
        }
        assertThat(instancesOf(system.id())).isZero();

        HttpResponse<String> own =
                Http.api(port).as("lead", "demo").postJson("/api/systems/" + system.id() + "/cycles", "{}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(instancesOf(system.id())).isEqualTo(1);
        assertThat(systems.get(system.id()).phase()).isEqualTo(SystemRecord.Phase.DEVELOP);
        // The engine records who started it: the cycle ran as the owner, not as an anonymous system call.
        assertThat(engine.getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(system.id())
                        .singleResult()
                        .getStartUserId())
                .isEqualTo("lead");
    }

    @Test
    void aRunningIamaCannotBeModifiedRestartedMigratedOrDeleted() {
        RunningIama iama = atPrivacyOfficer("Modificatie IAMA");
        String definition = definitionOf(iama.iamaId());
        String instructions = "[{\"type\":\"cancel\",\"activityId\":\"privacy-officer-advice\"},"
                + "{\"type\":\"startBeforeActivity\",\"activityId\":\"iama-approved\"}]";
        String pi = "/engine-rest/process-instance/" + iama.iamaId();
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("modification", new String[] {
            "POST", pi + "/modification", "{\"skipCustomListeners\":true,\"instructions\":" + instructions + "}"
        });
        calls.put(
                "async modification",
                new String[] {"POST", pi + "/modification-async", "{\"instructions\":" + instructions + "}"});
        calls.put("batch modification", new String[] {
            "POST",
            "/engine-rest/modification/execute",
            "{\"processDefinitionId\":\""
                    + definition + "\",\"processInstanceIds\":[\"" + iama.iamaId() + "\"],\"instructions\":"
                    + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"iama-approved\"}]}"
        });
        calls.put("async batch modification", new String[] {
            "POST",
            "/engine-rest/modification/executeAsync",
            "{\"processDefinitionId\":\""
                    + definition + "\",\"processInstanceIds\":[\"" + iama.iamaId() + "\"],\"instructions\":"
                    + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"iama-approved\"}]}"
        });
        calls.put("restart", new String[] {
            "POST",
            "/engine-rest/process-definition/" + definition + "/restart",
            "{\"processInstanceIds\":[\"" + iama.iamaId()
                    + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"iama-approved\"}]}"
        });
        calls.put("async restart", new String[] {
            "POST",
            "/engine-rest/process-definition/" + definition + "/restart-async",
            "{\"processInstanceIds\":[\"" + iama.iamaId()
                    + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"iama-approved\"}]}"
        });
        String plan = "{\"sourceProcessDefinitionId\":\"" + definition + "\",\"targetProcessDefinitionId\":\""
                + definition + "\",\"instructions\":[]}";
        calls.put("migration", new String[] {
            "POST",
            "/engine-rest/migration/execute",
            "{\"migrationPlan\":" + plan + ",\"processInstanceIds\":[\"" + iama.iamaId() + "\"]}"
        });
        calls.put("async migration", new String[] {
            "POST",
            "/engine-rest/migration/executeAsync",
            "{\"migrationPlan\":" + plan + ",\"processInstanceIds\":[\"" + iama.iamaId() + "\"]}"
        });
        calls.put("deletion", new String[] {"DELETE", pi + "?skipCustomListeners=true", null});
        calls.put("async deletion", new String[] {
            "POST",
            "/engine-rest/process-instance/delete",
            "{\"processInstanceIds\":[\"" + iama.iamaId() + "\"],\"skipCustomListeners\":true}"
        });
        calls.put(
                "deletion of the cycle",
                new String[] {"DELETE", "/engine-rest/process-instance/" + iama.cycleId(), null});
        calls.put("BPMN error at the gate", new String[] {
            "POST", "/engine-rest/task/" + iama.gateTaskId() + "/bpmnError", "{\"errorCode\":\"skip\"}"
        });
        calls.put("escalation at the gate", new String[] {
            "POST", "/engine-rest/task/" + iama.gateTaskId() + "/bpmnEscalation", "{\"escalationCode\":\"skip\"}"
        });
        String execution = gateExecution(iama);
        calls.put(
                "signal to the gate's execution",
                new String[] {"POST", "/engine-rest/execution/" + execution + "/signal", "{}"});

        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] c = call.getValue();
            for (String user : List.of("admin", "lead", "fg")) {
                HttpResponse<String> response = send(user, c[0], c[1], c[2]);
                assertThat(response.statusCode())
                        .as(call.getKey() + " as " + user + ": " + response.body())
                        .isEqualTo(403);
            }
        }
        assertRefused(
                send("admin", "POST", pi + "/modification", calls.get("modification")[2]),
                "modification",
                "Process instances are not modified");

        // Nothing moved: the IAMA still waits at the same gate, in the same phase.
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(iama.gateTaskId())
                        .count())
                .isEqualTo(1);
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(iama.cycleId())
                        .count())
                .isEqualTo(1);
        assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
        assertThat(systems.get(iama.systemId()).phase()).isEqualTo(SystemRecord.Phase.DEVELOP);
    }

    @Test
    void jobsAreNotManipulatedByUsers() {
        RunningIama iama = atPrivacyOfficer("Taken en timers");
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(iama.iamaId())
                .timers()
                .singleResult();
        Job cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0);
        for (Job job : List.of(timer, cleanup)) {
            String path = "/engine-rest/job/" + job.getId();
            Map<String, String[]> calls = new LinkedHashMap<>();
            calls.put("retries", new String[] {"PUT", path + "/retries", "{\"retries\":0}"});
            calls.put(
                    "due date",
                    new String[] {"PUT", path + "/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}"});
            calls.put("recalculated due date", new String[] {"POST", path + "/duedate/recalculate", null});
            calls.put("suspension", new String[] {"PUT", path + "/suspended", "{\"suspended\":true}"});
            calls.put("priority", new String[] {"PUT", path + "/priority", "{\"priority\":99}"});
            calls.put("execution", new String[] {"POST", path + "/execute", null});
            calls.put("deletion", new String[] {"DELETE", path, null});
            calls.put("retries of many", new String[] {
                "POST", "/engine-rest/job/retries", "{\"jobIds\":[\"" + job.getId() + "\"],\"retries\":0}"
            });
            calls.put("definition suspension", new String[] {
                "PUT",
                "/engine-rest/job-definition/" + job.getJobDefinitionId() + "/suspended",
                "{\"suspended\":true,\"includeJobs\":true}"
            });
            calls.put("definition retries", new String[] {
                "PUT", "/engine-rest/job-definition/" + job.getJobDefinitionId() + "/retries", "{\"retries\":0}"
            });
            for (Map.Entry<String, String[]> call : calls.entrySet()) {
                for (String user : List.of("admin", "lead")) {
                    String[] c = call.getValue();
                    if (job == timer || !call.getKey().startsWith("definition")) {
                        assertRefused(
                                send(user, c[0], c[1], c[2]),
                                call.getKey() + " of " + job.getId() + " as " + user,
                                "Jobs");
                    }
                }
            }
            Job after = engine.getManagementService()
                    .createJobQuery()
                    .jobId(job.getId())
                    .singleResult();
            assertThat(after).as("job " + job.getId()).isNotNull();
            assertThat(after.getRetries())
                    .as("retries of " + job.getId() + " " + job.getJobDefinitionId() + " "
                            + after.getExceptionMessage())
                    .isEqualTo(job.getRetries());
            assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
            assertThat(after.isSuspended()).isFalse();
        }
        assertRefused(
                send(
                        "admin",
                        "PUT",
                        "/engine-rest/job/suspended",
                        "{\"processInstanceId\":\"" + iama.iamaId() + "\",\"suspended\":true}"),
                "suspension by instance",
                "Jobs");
    }

    @Test
    void theCamundaWebappsAreGuardedToo() {
        SystemRecord system = systems.register("Start via Tasklist", null, "Burgerzaken", "lead");
        Http browser = Http.browser(port);
        String token = tasklistLogin(browser, "lead");
        HttpResponse<String> refused = browser.send(
                browser.request("/camunda/api/engine/engine/default/process-definition/key/" + "assessment-cycle/start")
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .POST(
                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"businessKey\":\"" + system.id()
                                                + "\",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"evaluate-wait\"}]}")));
        assertRefused(refused, "start through the webapps' API", "start instructions");
        assertThat(instancesOf(system.id())).isZero();
    }

    @Test
    void modelsComeOnlyFromTheBuildAndHistoryIsKept() {
        String iama = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("iama")
                .latestVersion()
                .singleResult()
                .getId();
        String bypass =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                        + " targetNamespace=\"x\"><process id=\"iama\" isExecutable=\"true\"><startEvent id=\"s\"/><endEvent id=\"e\"/>"
                        + "<sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/></process></definitions>";
        String boundary = "waarborg-test-boundary";
        String multipart = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nkort\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"iama.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bypass + "\r\n--" + boundary + "--\r\n";
        Http admin = Http.api(port).as("admin", "demo");
        HttpResponse<String> deployed = admin.send(admin.request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(multipart)));
        assertRefused(deployed, "deployment", "Process models come only from Waarborg's build");
        String deployment =
                engine.getRepositoryService().getProcessDefinition(iama).getDeploymentId();
        assertRefused(
                send("admin", "DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", null),
                "deleting",
                "build");
        assertRefused(
                send("admin", "DELETE", "/engine-rest/process-definition/" + iama + "?cascade=true", null),
                "deleting",
                "build");
        assertRefused(
                send(
                        "admin",
                        "PUT",
                        "/engine-rest/process-definition/" + iama + "/history-time-to-live",
                        "{\"historyTimeToLive\":0}"),
                "history time to live",
                "history");
        assertRefused(
                send(
                        "admin",
                        "POST",
                        "/engine-rest/history/process-instance/delete",
                        "{\"historicProcessInstanceIds\":[\"x\"]}"),
                "deleting history",
                "history");
        assertThat(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("iama")
                        .latestVersion()
                        .singleResult()
                        .getId())
                .isEqualTo(iama);
        assertThat(engine.getRepositoryService().getProcessDefinition(iama).getHistoryTimeToLive())
                .isPositive();
    }

    @Test
    void aStartByAnyOtherCommandIsStoppedByTheProcessItself() {
        // A message start event: correlation is no start command, so the process's built-in start listener refuses it.
        engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("guard/message-start-probe.bpmn")
                .name("message-start-probe")
                .enableDuplicateFiltering(true)
                .deploy();
        String message = "{\"messageName\":\"probe-start\",\"businessKey\":\"bericht-start\"}";
        // A user whom the authorizations would let start it (nobody is an engine superuser, ADR 0019).
        Authorization mayStart = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        mayStart.setUserId("lead");
        mayStart.setResource(Resources.PROCESS_DEFINITION);
        mayStart.setResourceId("message-start-probe");
        mayStart.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        engine.getAuthorizationService().saveAuthorization(mayStart);
        try {
            assertRefused(send("lead", "POST", "/engine-rest/message", message), "start by a message", "/api/systems/");
        } finally {
            engine.getAuthorizationService().deleteAuthorization(mayStart.getId());
        }
        assertThat(send("admin", "POST", "/engine-rest/message", message).statusCode())
                .isEqualTo(403);
        assertThat(instancesOf("bericht-start")).isZero();
        // Without a user (the engine's own work) the same start runs.
        engine.getRuntimeService()
                .createMessageCorrelation("probe-start")
                .processInstanceBusinessKey("bericht-start")
                .correlateStartMessage();
        assertThat(instancesOf("bericht-start")).isEqualTo(1);
    }
}
