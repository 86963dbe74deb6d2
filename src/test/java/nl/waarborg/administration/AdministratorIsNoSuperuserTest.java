package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 1 of issue 15: the administrator is no Camunda superuser (ADR 0019). Over /engine-rest it cannot delete a
 * process instance, write another's task, or change users, groups, memberships or authorizations (which would make
 * it a superuser again); Camunda's set-up API is closed; Cockpit and Tasklist open for it, read-only.
 */
@WaarborgIntegrationTest
class AdministratorIsNoSuperuserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    SystemRegistry systems;

    private Http admin() {
        return Http.api(port).as("admin", "demo");
    }

    private HttpResponse<String> send(String method, String path, String body) {
        Http admin = admin();
        return admin.send(admin.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private long snapshot() {
        return engine.getIdentityService().createUserQuery().count() * 1_000_000
                + engine.getIdentityService()
                                .createUserQuery()
                                .memberOfGroup("camunda-admin")
                                .count()
                        * 1000
                + engine.getAuthorizationService().createAuthorizationQuery().count();
    }

    @Test
    void overEngineRestTheAdministratorChangesNothing() throws Exception {
        String systemId =
                systems.register("Geen superuser", "Proef", "ICT", "lead").id();
        assertThat(Http.api(port)
                        .as("lead", "demo")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        Task triage = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .singleResult();
        String pi = triage.getProcessInstanceId();
        String filterGrant = engine.getAuthorizationService()
                .createAuthorizationQuery()
                .groupIdIn("admin")
                .resourceType(Resources.FILTER)
                .list()
                .get(0)
                .getId();
        long before = snapshot();

        List<String[]> calls = new ArrayList<>();
        calls.add(new String[] {"DELETE", "/engine-rest/process-instance/" + pi, null});
        calls.add(new String[] {"PUT", "/engine-rest/task/" + triage.getId() + "/variables/purpose", "{\"value\":\"x\"}"
        });
        calls.add(new String[] {
            "POST",
            "/engine-rest/task/" + triage.getId() + "/localVariables",
            "{\"modifications\":{\"x\":{\"value\":1}}}"
        });
        calls.add(new String[] {"PUT", "/engine-rest/process-instance/" + pi + "/variables/x", "{\"value\":1}"});
        calls.add(new String[] {"POST", "/engine-rest/task/" + triage.getId() + "/claim", "{\"userId\":\"admin\"}"});
        // Stuck work goes through /api/admin/work (reason, audit, segregation of duties), never around it.
        calls.add(new String[] {"POST", "/engine-rest/task/" + triage.getId() + "/assignee", "{\"userId\":\"lead\"}"});
        calls.add(new String[] {"POST", "/engine-rest/task/" + triage.getId() + "/delegate", "{\"userId\":\"lead\"}"});
        calls.add(new String[] {
            "PUT",
            "/engine-rest/task/" + triage.getId(),
            "{\"name\":\"Pre-scan\",\"due\":\"2031-01-01T00:00:00.000+0000\"}"
        });
        calls.add(new String[] {
            "POST",
            "/engine-rest/task/" + triage.getId() + "/identity-links",
            "{\"groupId\":\"admin\",\"type\":\"candidate\"}"
        });
        calls.add(new String[] {
            "POST",
            "/engine-rest/user/create",
            "{\"profile\":{\"id\":\"backdoor\",\"firstName\":\"B\",\"lastName\":\"D\",\"email\":\"b@d.example\"},"
                    + "\"credentials\":{\"password\":\"Paars-Fietspad-Molen-7\"}}"
        });
        calls.add(new String[] {
            "PUT",
            "/engine-rest/user/lead/profile",
            "{\"id\":\"lead\",\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"x@y.example\"}"
        });
        calls.add(new String[] {
            "PUT",
            "/engine-rest/user/alderman/credentials",
            "{\"password\":\"Paars-Fietspad-Molen-7\",\"authenticatedUserPassword\":\"demo\"}"
        });
        calls.add(new String[] {"DELETE", "/engine-rest/user/lead", null});
        calls.add(new String[] {"POST", "/engine-rest/group/create", "{\"id\":\"supers\",\"name\":\"S\",\"type\":\"X\"}"
        });
        calls.add(new String[] {"PUT", "/engine-rest/group/camunda-admin/members/admin", null});
        calls.add(new String[] {"PUT", "/engine-rest/group/alderman/members/admin", null});
        calls.add(new String[] {"DELETE", "/engine-rest/group/alderman/members/alderman", null});
        calls.add(new String[] {"DELETE", "/engine-rest/group/project-lead", null});
        calls.add(new String[] {
            "POST",
            "/engine-rest/authorization/create",
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"admin\",\"resourceType\":8,\"resourceId\":\"*\"}"
        });
        calls.add(new String[] {
            "PUT",
            "/engine-rest/authorization/" + filterGrant,
            "{\"permissions\":[\"ALL\"],\"groupId\":\"admin\",\"resourceType\":5,\"resourceId\":\"*\"}"
        });
        calls.add(new String[] {"DELETE", "/engine-rest/authorization/" + filterGrant, null});
        calls.add(new String[] {"POST", "/engine-rest/user/lead/unlock", null});
        for (String[] call : calls) {
            HttpResponse<String> response = send(call[0], call[1], call[2]);
            assertThat(response.statusCode())
                    .as(call[0] + " " + call[1] + ": " + response.body())
                    .isEqualTo(403);
        }

        // Nothing changed: no user, membership or authorization, the instance runs, the variable is not there.
        assertThat(snapshot()).isEqualTo(before);
        assertThat(engine.getIdentityService()
                        .createUserQuery()
                        .userId("backdoor")
                        .count())
                .isZero();
        assertThat(engine.getIdentityService()
                        .createUserQuery()
                        .userId("admin")
                        .memberOfGroup("alderman")
                        .count())
                .isZero();
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(pi)
                        .count())
                .isEqualTo(1);
        assertThat(engine.getTaskService().getVariable(triage.getId(), "x")).isNull();
        Task after =
                engine.getTaskService().createTaskQuery().taskId(triage.getId()).singleResult();
        assertThat(after.getAssignee()).isNull();
        assertThat(after.getDueDate()).isEqualTo(triage.getDueDate());
        assertThat(engine.getTaskService().getIdentityLinksForTask(triage.getId()))
                .noneMatch(link -> "admin".equals(link.getGroupId()));
        assertThat(engine.getAuthorizationService()
                        .isUserAuthorized(
                                "admin",
                                List.of("admin", "camunda-admin"),
                                Permissions.DELETE,
                                Resources.PROCESS_INSTANCE))
                .isFalse();

        // What it may do there: read.
        assertThat(admin().get("/engine-rest/process-instance?businessKey=" + systemId)
                        .body())
                .contains(pi);
        assertThat(admin().get("/engine-rest/task?processInstanceBusinessKey=" + systemId)
                        .body())
                .contains(triage.getId());
    }

    @Test
    void camundasSetUpApiIsClosedEvenToTheAdministrator() {
        Http admin = admin();
        HttpResponse<String> setup = admin.send(admin.request("/camunda/api/admin/setup/default/user/create")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"setup-super\",\"firstName\":\"S\",\"lastName\":\"S\",\"email\":\"s@s.example\"},"
                                + "\"credentials\":{\"password\":\"Paars-Fietspad-Molen-7\"}}")));
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(engine.getIdentityService()
                        .createUserQuery()
                        .userId("setup-super")
                        .count())
                .isZero();
    }

    @Test
    void cockpitAndTasklistOpenForTheAdministratorButCamundaAdminDoesNot() throws Exception {
        Http browser = Http.browser(port);
        browser.formLogin("admin", "demo");
        HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/default/", "text/html");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        JsonNode user = JSON.readTree(browser.get("/camunda/api/admin/auth/user/default", "application/json")
                .body());
        List<String> apps = new ArrayList<>();
        user.path("authorizedApps").forEach(app -> apps.add(app.asText()));
        assertThat(apps).contains("cockpit", "tasklist").doesNotContain("admin");
        // Not sent to the set-up page either: camunda-admin still has a member (who gets nothing from it).
        assertThat(browser.get("/camunda/app/tasklist/default/", "text/html")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .doesNotContain("setup");
    }
}
