package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * For the tests that try to get around the engine guard: a system of "lead" whose cycle was started through Waarborg's
 * own API and whose IAMA waits for the privacy officer; "lead2", a project lead who owns nothing; and plain HTTP calls.
 */
abstract class GuardScenario {

    /** Triage answers for an impactful algorithm without personal data: an IAMA and no DPIA. */
    static final Map<String, Object> NEEDS_IAMA = nl.waarborg.process.TriageAnswers.impactful();

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    DemoDriver driver;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    AssessmentService assessments;

    @Autowired
    AssessmentReads reads;

    /** The IAMA of a system at one of its tasks (mostly the privacy officer's gate). */
    record RunningIama(String systemId, String cycleId, String iamaId, String gateTaskId) {}

    @BeforeEach
    void secondProjectLead() {
        if (identity.createUserQuery().userId("lead2").count() == 0) {
            User user = identity.newUser("lead2");
            DemoUsers.saveWithDemoPassword(identity, user);
            identity.createMembership("lead2", "project-lead");
        }
    }

    RunningIama atPrivacyOfficer(String name) {
        return at(name, "privacy-officer-advice");
    }

    /** A new system of "lead" with its cycle started through Waarborg's own API; waits at the pre-scan. */
    String startedSystem(String name) {
        String systemId = systems.register(name, null, "Sociaal Domein", "lead").id();
        HttpResponse<String> started =
                Http.api(port).as("lead", "demo").postJson("/api/systems/" + systemId + "/cycles", "{}");
        assertThat(started.statusCode())
                .as("Waarborg's own start: " + started.body())
                .isEqualTo(201);
        return systemId;
    }

    /** An open task of the system at this activity, or null. */
    Task open(String systemId, String activityId) {
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(activityId)
                .list();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    /** Completing tasks on every path (/api, /engine-rest, the page, Tasklist). */
    ApiSteps steps() {
        return new ApiSteps(port);
    }

    /** A new system of "lead", started through Waarborg's own API and driven until the task {@code activityId} is open. */
    RunningIama at(String name, String activityId) {
        String systemId = startedSystem(name);
        List<OpenStep> open = driver.driveUntil(systemId, activityId, NEEDS_IAMA);
        assertThat(open).extracting(OpenStep::activityId).contains(activityId);
        Task gate = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(activityId)
                .singleResult();
        String cycleId = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(systemId)
                .processDefinitionKey("assessment-cycle")
                .singleResult()
                .getId();
        return new RunningIama(systemId, cycleId, gate.getProcessInstanceId(), gate.getId());
    }

    /** Logs the browser in and opens Tasklist; returns the webapps' CSRF token for calls to their API. */
    static String tasklistLogin(Http browser, String user) {
        browser.formLogin(user, "demo");
        return browser.get("/camunda/app/tasklist/default/", "text/html")
                .headers()
                .firstValue("X-XSRF-TOKEN")
                .orElseThrow();
    }

    /** The process definition of a running instance. */
    String definitionOf(String processInstanceId) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult()
                .getProcessDefinitionId();
    }

    /** The execution that waits in the gate's activity. */
    String gateExecution(RunningIama iama) {
        return engine.getRuntimeService()
                .createExecutionQuery()
                .processInstanceId(iama.iamaId())
                .activityId("privacy-officer-advice")
                .list()
                .get(0)
                .getId();
    }

    /** An API client with the user's Basic credentials. */
    Http api(String user) {
        return Http.api(port).as(user, "demo");
    }

    /** A browser session of the user, logged in through the login form. */
    Http login(String user) {
        Http http = Http.browser(port);
        assertThat(http.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return http;
    }

    HttpResponse<String> send(String user, String method, String path, String json) {
        return Http.api(port).as(user, "demo").sendJson(method, path, json);
    }
}
