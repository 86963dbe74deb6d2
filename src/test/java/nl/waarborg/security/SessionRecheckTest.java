package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.support.Accounts;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser session does not outlive a deactivation or a group removal (ADR 0027), over real HTTP with two sessions:
 * the administrator changes the user over the API while the user is logged in elsewhere, and the user's very next
 * request is judged by the new state, on pages, /api, /engine-rest and Camunda's webapp API.
 */
@WaarborgIntegrationTest
class SessionRecheckTest {

    static final String PASSWORD = "Sessie-proef-2027!";
    static final String APPROVE = "{\"decision\":\"APPROVED\",\"motivation\":\"Akkoord\"}";
    static final String ENGINE_APPROVE =
            "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"},\"motivation\":{\"value\":\"Akkoord\"}}}";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AssessmentService assessments;

    @Autowired
    SystemRegistry systems;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    private Http admin() {
        return Http.api(port).as("admin", "demo");
    }

    /**
     * A user made as ADR 0058 asks: "admin" creates them with a one-time password, they choose their own, and a second
     * administrator gives the group.
     */
    private String newUser(String prefix, String group) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin().postJson(
                        "/api/admin/users",
                        "{\"id\":\"" + id + "\",\"firstName\":\"Sanne\",\"lastName\":\"Proef\",\"email\":\"" + id
                                + "@gemeente.example\",\"password\":\"Eenmalig-proef-2027\",\"groups\":[],"
                                + "\"reason\":\"Proef sessies\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Accounts.chooseOwnPassword(port, id, "Eenmalig-proef-2027", PASSWORD);
        Accounts.appointSecondAdministrator(identity);
        try {
            Accounts.grant(port, id, group);
        } finally {
            Accounts.removeSecondAdministrator(identity);
        }
        return id;
    }

    private Http session(String user) {
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(user, PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("/login");
        return browser;
    }

    private static String reason(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> postWithCsrf(Http session, String path, String json) {
        String csrf = Http.csrfTokenFrom(session.get("/taken").body().replace("name=\"_csrf\" content", "x"));
        return session.send(session.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String privacyOfficerTask() {
        String system = systems.register("Sessieproef " + UUID.randomUUID(), null, "ICT", "lead")
                .id();
        return GateProbe.start(engine, assessments, system, version -> {}).taskId();
    }

    private boolean open(String taskId) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
    }

    /** Attack: removed from privacy-officer while logged in, the user still tries to complete the FG's task. */
    @Test
    void aUserRemovedFromPrivacyOfficerCannotCompleteTheGateWithTheOldSession() {
        String fg = newUser("ex-fg", "privacy-officer");
        String task = privacyOfficerTask();
        Http pages = session(fg);
        Http tasklist = session(fg);
        assertThat(pages.get("/engine-rest/task/" + task).statusCode()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + task, "application/json")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> removed = admin().sendJson(
                        "DELETE",
                        "/api/admin/users/" + fg + "/groups/privacy-officer?reason=" + reason("Geen FG meer"),
                        null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);

        assertThat(pages.get("/engine-rest/task/" + task).statusCode()).isBetween(400, 499);
        assertThat(postWithCsrf(pages, "/engine-rest/task/" + task + "/complete", ENGINE_APPROVE)
                        .statusCode())
                .isBetween(400, 499);
        assertThat(postWithCsrf(pages, "/api/tasks/" + task + "/complete", APPROVE)
                        .statusCode())
                .isBetween(400, 499);
        assertThat(postWithCsrf(pages, "/taken/" + task + "/afronden", APPROVE).statusCode())
                .isBetween(400, 499);
        // Tasklist's own engine API kept a copy of the groups in the session: it is read again too.
        HttpResponse<String> viaTasklist =
                tasklist.get("/camunda/api/engine/engine/default/task/" + task, "application/json");
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isBetween(400, 499);
        assertThat(open(task)).as("the FG's task is still open").isTrue();
    }

    @Test
    void aGroupAddedCountsOnTheNextRequestOfAnOpenSession() {
        String user = newUser("new-manager", "project-lead");
        Http session = session(user);
        assertThat(session.get("/toezicht").statusCode()).isEqualTo(403);
        HttpResponse<String> added = admin().sendJson(
                        "PUT", "/api/admin/users/" + user + "/groups/manager", "{\"reason\":\"Nieuwe teamleider\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(session.get("/toezicht").statusCode()).isEqualTo(200);
    }

    /** Attack: deactivated while logged in, the user keeps using the open session, /engine-rest included. */
    @Test
    void aDeactivatedUsersOpenSessionsEndOnTheirNextRequest() {
        String user = newUser("leaver", "privacy-officer");
        Http page = session(user);
        Http engineRest = session(user);
        Http tasklist = session(user);
        assertThat(page.get("/taken").statusCode()).isEqualTo(200);
        assertThat(engineRest.get("/engine-rest/task").statusCode()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count", "application/json")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> deactivated =
                admin().postJson("/api/admin/users/" + user + "/deactivation", "{\"reason\":\"Uit dienst\"}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        HttpResponse<String> refused = engineRest.get("/engine-rest/task");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("deactivated");
        assertThat(engineRest.get("/api/tasks").statusCode())
                .as("the session is gone")
                .isEqualTo(401);

        HttpResponse<String> ended = page.get("/taken");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(page.get("/login?ended").body()).contains("Uw sessie is beëindigd");
        assertThat(page.get("/taken").headers().firstValue("Location").orElseThrow())
                .endsWith("/login");

        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count", "application/json")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aDeletedUsersOpenSessionEnds() {
        String user = newUser("deleted", "project-lead");
        Http session = session(user);
        assertThat(session.get("/api/tasks").statusCode()).isEqualTo(200);
        HttpResponse<String> deleted =
                admin().sendJson("DELETE", "/api/admin/users/" + user + "?reason=" + reason("Dubbel"), null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(session.get("/api/tasks").statusCode()).isEqualTo(401);
    }
}
