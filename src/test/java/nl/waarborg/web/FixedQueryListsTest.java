package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.StatementCounting;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every list reads in a fixed number of SQL statements, whether its page holds 5 rows or 50 (issue 22, A1 and A7): the
 * statements one HTTP request executes are counted on the server (StatementCounting), for the API lists and the
 * pages that show lists.
 */
@WaarborgIntegrationTest
class FixedQueryListsTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskPages taskPages;

    private final List<String> instances = new ArrayList<>();

    /** No open gates left behind for the tests after this one. */
    @AfterEach
    void deleteProbes() {
        instances.forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test over"));
    }

    @Test
    void listsOfFiveAndOfFiftyRowsRunTheSameNumberOfStatements() {
        String owner = "teller-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.saveWithDemoPassword(identity, identity.newUser(owner));
        identity.createMembership(owner, "project-lead");
        String department = "Telafdeling " + owner;
        waitingSystems(owner, department, 5);
        Http ownerApi = Http.api(port).as(owner, "demo");
        Http fg = Http.api(port).as("fg", "demo");
        Http manager = Http.api(port).as("manager", "demo");
        Http admin = Http.api(port).as("admin", "demo");
        String oversightPage = "/toezicht?department=" + department.replace(" ", "+");
        int systemsPageWithFive = statements(ownerApi, "/systemen");
        // The overview of a reader of every system (issue 18), with a filter.
        String overview = "/systemen?afdeling=" + department.replace(" ", "+") + "&wachtOp=privacy-officer";
        int overviewWithFive = statements(fg, overview);
        int oversightPageWithFive = statements(manager, oversightPage);

        waitingSystems(owner, department, 45);
        for (int i = 0; i < 50; i++) {
            DemoUsers.saveWithDemoPassword(identity, identity.newUser("zz-" + owner + "-" + i));
            identity.createMembership("zz-" + owner + "-" + i, i % 2 == 0 ? "project-lead" : "privacy-officer");
        }
        assertThat(statements(ownerApi, "/systemen"))
                .as("/systemen, 5 and 50 systems")
                .isEqualTo(systemsPageWithFive);
        assertThat(statements(fg, overview))
                .as("/systemen as the privacy officer, 5 and 50 systems")
                .isEqualTo(overviewWithFive);
        assertThat(statements(manager, oversightPage))
                .as("/toezicht, 5 and 50 waiting")
                .isEqualTo(oversightPageWithFive);

        // The engine reads each process model (version) a page of tasks comes from once per request, for the tasks'
        // form keys: a statement per model on the page, never per row. Pages from other tests' models differ in that.
        assertThat(statements(fg, "/api/tasks?limit=50") - models(fg, 50))
                .as("/api/tasks, 5 and 50 rows, less one statement per process model on the page")
                .isEqualTo(statements(fg, "/api/tasks?limit=5") - models(fg, 5));
        same(ownerApi, "/api/systems?limit=5", "/api/systems?limit=50");
        same(manager, "/api/oversight/blocked?limit=5", "/api/oversight/blocked?limit=50");
        same(manager, "/api/audit?limit=5", "/api/audit?limit=50");
        same(admin, "/api/admin/work/tasks?limit=5", "/api/admin/work/tasks?limit=50");
        same(admin, "/api/admin/users?limit=5", "/api/admin/users?limit=50");

        ReflectionTestUtils.setField(taskPages, "pageSize", 5);
        try {
            int five = statements(fg, "/taken") - models(fg, 5);
            ReflectionTestUtils.setField(taskPages, "pageSize", 50);
            assertThat(statements(fg, "/taken") - models(fg, 50))
                    .as("/taken, 5 and 50 tasks on the page, less one statement per process model on the page")
                    .isEqualTo(five);
        } finally {
            ReflectionTestUtils.setField(taskPages, "pageSize", TaskPages.PAGE_SIZE);
        }
    }

    /** How many process models (versions) the first {@code limit} of the user's tasks come from. */
    private int models(Http user, int limit) {
        Set<String> instances = new HashSet<>();
        try {
            new ObjectMapper()
                    .readTree(user.get("/api/tasks?limit=" + limit, "application/json")
                            .body())
                    .forEach(t -> instances.add(t.path("processInstanceId").asText()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return (int)
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(instances).list().stream()
                        .map(ProcessInstance::getProcessDefinitionId)
                        .distinct()
                        .count();
    }

    /** Systems of this owner, each waiting on a privacy officer's gate (an open task and an open wait). */
    private void waitingSystems(String owner, String department, int count) {
        for (int i = 0; i < count; i++) {
            String id = systems.register("Teller " + owner + " " + i, null, department, owner)
                    .id();
            instances.add(
                    GateProbe.start(engine, assessments, id, version -> {}).instanceId());
        }
    }

    private static void same(Http user, String fivePath, String fiftyPath) {
        HttpResponse<String> fifty = user.get(fiftyPath, "application/json");
        assertThat(fifty.statusCode()).as(fiftyPath).isEqualTo(200);
        assertThat(Long.parseLong(fifty.headers().firstValue("X-Total-Count").orElseThrow()))
                .as("X-Total-Count of %s", fiftyPath)
                .isGreaterThanOrEqualTo(50);
        int five = statements(user, fivePath);
        System.out.printf("[lists] %s: %d statements for 5 rows and for 50%n", fivePath, five);
        assertThat(statements(user, fiftyPath))
                .as("%s and %s", fivePath, fiftyPath)
                .isEqualTo(five);
    }

    /** The statements the request runs, after one uncounted request for the caches (process definitions, forms). */
    private static int statements(Http user, String path) {
        assertThat(user.get(path).statusCode()).as(path).isEqualTo(200);
        String id = StatementCounting.newId();
        HttpResponse<String> response = user.send(
                user.request(path).header(StatementCounting.HEADER, id).GET());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return StatementCounting.statementsOf(id);
    }
}
