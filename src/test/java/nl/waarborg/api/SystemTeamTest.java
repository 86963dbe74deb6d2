package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 5 of issue 14: content tasks belong to the system's team (owner and co-authors), on every path. "lead" owns
 * the systems; "lead2" and "lead3" are other project leads.
 */
@WaarborgIntegrationTest
class SystemTeamTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void otherProjectLeads() {
        for (String id : List.of("lead2", "lead3")) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                DemoUsers.saveWithDemoPassword(identity, user);
                identity.createMembership(id, "project-lead");
            }
        }
    }

    private Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    /** A system of "lead" with its cycle started through the API; answers the open triage task's id. */
    private String[] systemWithTriage() {
        String systemId = systems.register("Teamtest", "Voor de teamtest", "Burgerzaken", "lead")
                .id();
        HttpResponse<String> started = as("lead").postJson("/api/systems/" + systemId + "/cycles", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return new String[] {systemId, triageOf(systemId).getId()};
    }

    private Task triageOf(String systemId) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey("fill-in-triage")
                .singleResult();
    }

    private static String engineRestBody(Map<String, Object> values) throws JsonProcessingException {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    private HttpResponse<String> delete(Http http, String path) {
        return http.send(http.request(path).header("Accept", "application/json").DELETE());
    }

    private void assertNoAccess(String user, String systemId, String taskId) throws JsonProcessingException {
        Http http = as(user);
        assertThat(http.get("/api/tasks").body()).as("/api/tasks of " + user).doesNotContain(taskId);
        assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + systemId)
                        .body())
                .isEqualTo("[]");
        String filter = engine.getFilterService()
                .createFilterQuery()
                .filterName("Mijn taken")
                .singleResult()
                .getId();
        assertThat(http.postJson("/engine-rest/filter/" + filter + "/list", "{}")
                        .body())
                .doesNotContain(taskId);
        assertThat(http.get("/api/tasks/" + taskId).statusCode()).isIn(403, 404);
        String answers = JSON.writeValueAsString(TriageAnswers.neutral());
        assertThat(http.postJson("/api/tasks/" + taskId + "/complete", answers).statusCode())
                .isIn(403, 404);
        assertThat(http.postJson("/api/tasks/" + taskId + "/claim", "{}").statusCode())
                .isIn(403, 404);
        String body = engineRestBody(TriageAnswers.neutral());
        for (String call : List.of("complete", "submit-form")) {
            HttpResponse<String> refused = http.postJson("/engine-rest/task/" + taskId + "/" + call, body);
            assertThat(refused.statusCode()).as(call + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(http.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.postJson(
                                "/engine-rest/task/" + taskId + "/localVariables",
                                "{\"modifications\":{\"purpose\":{\"value\":\"x\"}}}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/engine-rest/task/" + taskId + "/variables").statusCode())
                .isIn(403, 404);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count())
                .as("the task stays open")
                .isEqualTo(1);
    }

    private void assertAccess(String user, String systemId, String taskId) {
        // All of the user's tasks: the shared test context holds more than one page of them.
        assertThat(as(user).get("/api/tasks?limit=1000").body())
                .as("/api/tasks of " + user)
                .contains(taskId);
        assertThat(as(user).get("/engine-rest/task?processInstanceBusinessKey=" + systemId)
                        .body())
                .contains(taskId);
    }

    @Test
    void anotherProjectLeadNeitherSeesNorWorksTheOwnersTriage() throws Exception {
        String[] ids = systemWithTriage();
        assertAccess("lead", ids[0], ids[1]);
        assertNoAccess("lead2", ids[0], ids[1]);

        // The web pages: "Mijn taken" does not list it, and completing it there is refused.
        Http browser = Http.browser(port);
        browser.formLogin("lead2", "demo");
        assertThat(browser.get("/taken", "text/html").body()).doesNotContain(ids[1]);
        String csrf = Http.csrfTokenFrom(browser.get("/taken", "text/html").body());
        HttpResponse<String> page = browser.send(browser.request("/taken/" + ids[1] + "/afronden")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(TriageAnswers.neutral()))));
        assertThat(page.statusCode()).as(page.body()).isIn(403, 404);
        assertThat(triageOf(ids[0])).isNotNull();
    }

    @Test
    void aCoAuthorWorksTheContentUntilTheOwnerRemovesThem() throws Exception {
        String[] ids = systemWithTriage();
        String systemId = ids[0];
        String taskId = ids[1];

        HttpResponse<String> added = as("lead").postJson("/api/systems/" + systemId + "/co-authors/lead2", "");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("\"owner\":\"lead\"").contains("\"userId\":\"lead2\"");
        assertAccess("lead2", systemId, taskId);
        assertNoAccess("lead3", systemId, taskId);

        // lead2 claims it; removing lead2 takes the claim and the access away again.
        assertThat(as("lead2").postJson("/api/tasks/" + taskId + "/claim", "").statusCode())
                .isEqualTo(200);
        HttpResponse<String> removed = delete(as("lead"), "/api/systems/" + systemId + "/co-authors/lead2");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(removed.body()).doesNotContain("lead2");
        assertThat(triageOf(systemId).getAssignee()).isNull();
        assertNoAccess("lead2", systemId, taskId);
        assertAccess("lead", systemId, taskId);

        // Named again, lead2 completes the triage.
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/co-authors/lead2", "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> done = as("lead2")
                .postJson("/api/tasks/" + taskId + "/complete", JSON.writeValueAsString(TriageAnswers.neutral()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(triageOf(systemId)).isNull();

        String trail = as("manager").get("/api/audit?systemId=" + systemId).body();
        assertThat(trail.split("SYSTEM_CO_AUTHOR_ADDED", -1)).hasSize(3);
        assertThat(trail)
                .contains("SYSTEM_CO_AUTHOR_REMOVED")
                .contains("coAuthor")
                .contains("lead2");
    }

    @Test
    void aCoAuthorNamedBeforeTheCycleGetsItsFirstTask() {
        String systemId =
                systems.register("Teamtest vooraf", null, "ICT", "lead").id();
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/co-authors/lead3", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        assertAccess("lead3", systemId, triageOf(systemId).getId());
        Http browser = Http.browser(port);
        browser.formLogin("lead3", "demo");
        assertThat(browser.get("/systemen", "text/html").body())
                .as("Mijn systemen lists co-authored systems")
                .contains(systemId);
    }

    @Test
    void onlyTheOwnerOrAnAdministratorChangesTheTeam() {
        String systemId =
                systems.register("Teamtest rechten", null, "ICT", "lead").id();
        String path = "/api/systems/" + systemId + "/co-authors/";
        for (String user : List.of("lead2", "fg", "manager", "alderman")) {
            HttpResponse<String> refused = as(user).postJson(path + "lead3", "");
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> unknown = as("lead").postJson(path + "nobody", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("nobody").contains("\"field\":\"userId\"");
        HttpResponse<String> notALead = as("lead").postJson(path + "fg", "");
        assertThat(notALead.statusCode()).isEqualTo(400);
        assertThat(notALead.body()).contains("project-lead").contains("\"field\":\"userId\"");
        assertThat(as("lead").postJson(path + "lead", "").statusCode()).isEqualTo(400);
        assertThat(delete(as("lead"), path + "lead2").statusCode()).isEqualTo(404);
        assertThat(as("lead")
                        .postJson("/api/systems/unknown-id/co-authors/lead2", "")
                        .statusCode())
                .isEqualTo(404);

        assertThat(as("admin").postJson(path + "lead3", "").statusCode()).isEqualTo(200);
        assertThat(delete(as("lead2"), path + "lead3").statusCode()).isEqualTo(403);
        assertThat(as("fg").get("/api/systems/" + systemId + "/team").body()).contains("\"userId\":\"lead3\"");
        String trail = as("manager").get("/api/audit?systemId=" + systemId).body();
        assertThat(trail).contains("SYSTEM_CO_AUTHOR_ADDED").doesNotContain("SYSTEM_CO_AUTHOR_REMOVED");
    }

    @Test
    void theTeamCannotHandAContentTaskToAnOutsider() throws Exception {
        String[] ids = systemWithTriage();
        String task = "/engine-rest/task/" + ids[1];
        Http lead = as("lead");
        assertThat(lead.postJson(task + "/identity-links", "{\"userId\":\"lead2\",\"type\":\"candidate\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(lead.postJson(task + "/identity-links", "{\"groupId\":\"alderman\",\"type\":\"candidate\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(lead.postJson(task + "/assignee", "{\"userId\":\"lead2\"}").statusCode())
                .isEqualTo(403);
        assertThat(lead.postJson(task + "/claim", "{\"userId\":\"lead\"}").statusCode())
                .isEqualTo(204);
        assertThat(lead.postJson(task + "/delegate", "{\"userId\":\"lead2\"}").statusCode())
                .isEqualTo(403);
        assertNoAccess("lead2", ids[0], ids[1]);
        // An administrator sees every task but is not in the team, so cannot write its content.
        HttpResponse<String> admin = as("admin")
                .postJson("/api/tasks/" + ids[1] + "/complete", JSON.writeValueAsString(TriageAnswers.neutral()));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(403);
    }

    @Test
    void theOwnerManagesTheTeamOnTheSystemPage() {
        String systemId =
                systems.register("Teamtest pagina", null, "ICT", "lead").id();
        Http owner = Http.browser(port);
        owner.formLogin("lead", "demo");
        String page = owner.get("/systemen/" + systemId, "text/html").body();
        assertThat(page).contains("Co-auteur toevoegen").contains("value=\"lead2\"");
        HttpResponse<String> add =
                owner.postForm("/systemen/" + systemId + "/team", "gebruiker=lead2&_csrf=" + Http.csrfTokenFrom(page));
        assertThat(add.statusCode()).isEqualTo(302);
        page = owner.get("/systemen/" + systemId, "text/html").body();
        assertThat(page).contains("De co-auteur is toegevoegd").contains("/team/lead2/verwijderen");

        Http other = Http.browser(port);
        other.formLogin("lead2", "demo");
        String seen = other.get("/systemen/" + systemId, "text/html").body();
        assertThat(seen).doesNotContain("Co-auteur toevoegen").doesNotContain("/verwijderen");
        assertThat(other.postForm(
                                "/systemen/" + systemId + "/team", "gebruiker=lead3&_csrf=" + Http.csrfTokenFrom(seen))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> remove = owner.postForm(
                "/systemen/" + systemId + "/team/lead2/verwijderen", "_csrf=" + Http.csrfTokenFrom(page));
        assertThat(remove.statusCode()).isEqualTo(302);
        assertThat(owner.get("/systemen/" + systemId, "text/html").body()).contains("uit het team gehaald");
    }
}
