package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.audit.AuditTrail.AuditEvent;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** For the stuck-work tests: systems of "lead" driven to a step through Waarborg, plain HTTP calls, audit reads. */
abstract class StuckWorkScenario {

    /** Triage answers for an impactful algorithm without personal data: an IAMA and no DPIA. */
    static final Map<String, Object> NEEDS_IAMA = nl.waarborg.process.TriageAnswers.IMPACTFUL_WITHOUT_PERSONAL_DATA;

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    SystemRegistry systems;

    @Autowired
    DemoDriver driver;

    @Autowired
    AuditTrail audit;

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    HttpResponse<String> post(String user, String path, String json) {
        return as(user).postJson(path, json);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    static String body(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refusal as problem+json with this status, naming the field when one is given. */
    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        if (field != null) {
            assertThat(json(response).path("field").asText())
                    .as(response.body())
                    .isEqualTo(field);
        }
    }

    /** A user with the demo password in these groups. */
    String newUser(String prefix, String... groups) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        DemoUsers.saveWithDemoPassword(identity, user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }

    /** A new system of "lead" whose cycle was started through the API; nothing else done yet. */
    String startedSystem(String name) {
        String systemId = systems.register(name + " " + UUID.randomUUID(), null, "Sociaal Domein", "lead")
                .id();
        HttpResponse<String> started = post("lead", "/api/systems/" + systemId + "/cycles", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return systemId;
    }

    /** A new system of "lead", driven through Waarborg until the task {@code activityId} is open. */
    String systemAt(String name, String activityId) {
        String systemId = startedSystem(name);
        driver.driveUntil(systemId, activityId, NEEDS_IAMA);
        taskAt(systemId, activityId);
        return systemId;
    }

    Task taskAt(String systemId, String activityId) {
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(activityId)
                .list();
        assertThat(tasks).as("open task %s of %s", activityId, systemId).hasSize(1);
        return tasks.get(0);
    }

    /** The audit events of one kind for the system, newest first. */
    List<AuditEvent> audited(String systemId, AuditAction action) {
        return audit.events(systemId, 500).stream()
                .filter(e -> action.name().equals(e.action()))
                .toList();
    }

    /** The one audit event of this kind for the system, with its details. */
    JsonNode auditedOnce(String systemId, AuditAction action, String user) {
        List<AuditEvent> events = audited(systemId, action);
        assertThat(events).as("%s events of %s", action, systemId).hasSize(1);
        assertThat(events.get(0).userId()).isEqualTo(user);
        try {
            return JSON.readTree(events.get(0).details());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
