package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security baseline over real HTTP: who gets in where, on H2 and on PostgreSQL. */
@WaarborgIntegrationTest
class SecurityBaselineTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    SystemRegistry systems;

    Http anonymous;

    @BeforeEach
    void setUp() {
        anonymous = Http.api(port);
        System.out.println("[waarborg-test] SecurityBaselineTest on " + TestDatabases.name());
    }

    @Test
    void engineRestNeedsAuthentication() {
        HttpResponse<String> response = anonymous.get("/engine-rest/task");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(anonymous.as("lead", "demo").get("/engine-rest/task").statusCode())
                .isEqualTo(200);
    }

    /** A user of its own: a failed login locks a user for a few seconds, which must not disturb other tests. */
    private String userForFailedLogins(String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword("a-long-test-password");
            identityService.saveUser(user);
            identityService.createMembership(id, "project-lead");
        }
        return id;
    }

    @Test
    void wrongPasswordDoesNotRevealWhetherTheUserExists() {
        HttpResponse<String> existing =
                anonymous.as(userForFailedLogins("failing-basic"), "wrong").get("/engine-rest/task");
        HttpResponse<String> unknown = anonymous.as("nobody-here", "wrong").get("/engine-rest/task");
        assertThat(existing.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(existing.body().replace("nobody-here", ""))
                .isEqualTo(unknown.body().replace("nobody-here", ""));
    }

    @Test
    void healthIsPublicWithoutDetailsAndMetricsNeedALogin() {
        HttpResponse<String> health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("components")
                .doesNotContain("db");

        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = anonymous.as("manager", "demo").get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownUrlIsA404WithoutStackTrace() {
        HttpResponse<String> api = anonymous.as("lead", "demo").get("/no/such/page", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).doesNotContain("Exception").doesNotContain("at org.");

        HttpResponse<String> page = anonymous.as("lead", "demo").get("/no/such/page", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Deze pagina bestaat niet").doesNotContain("Exception");
    }

    @Test
    void browsersAreSentToTheLoginPageAndLogInWithCsrfProtection() {
        Http browser = Http.browser(port);
        HttpResponse<String> home = browser.get("/", "text/html");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        // A login post without the CSRF token is refused.
        assertThat(browser.postForm("/login", "username=lead&password=demo").statusCode())
                .isEqualTo(403);

        HttpResponse<String> failed = browser.formLogin(userForFailedLogins("failing-form"), "wrong");
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        HttpResponse<String> login = browser.formLogin("lead", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        // Each role starts on its own page: the project lead on "Mijn systemen".
        HttpResponse<String> homeAfterLogin = browser.get("/", "text/html");
        assertThat(homeAfterLogin.statusCode()).isEqualTo(302);
        assertThat(homeAfterLogin.headers().firstValue("Location").orElseThrow())
                .endsWith("/systemen");
        assertThat(browser.get("/systemen", "text/html").body()).contains("<h1>Mijn systemen</h1>");
    }

    @Test
    void securityHeadersAreSet() {
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void engineAuthorizationsFollowTheGroups() {
        // The cycle refuses business keys that are no registered system, so register one first.
        String systemId = systems.register("Autorisatietest", "Systeem voor de autorisatietest", "Concernstaf", "lead")
                .id();
        String start = "{\"businessKey\":\"" + systemId + "\"}";
        // Cycles start only through Waarborg (which checks the owner); the engine's own start is refused to everyone.
        for (String user : List.of("fg", "lead")) {
            assertThat(anonymous
                            .as(user, "demo")
                            .postJson("/engine-rest/process-definition/key/assessment-cycle/start", start)
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(anonymous
                        .as("fg", "demo")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> started =
                anonymous.as("lead", "demo").postJson("/api/systems/" + systemId + "/cycles", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + systemId;
        // The project lead sees the new task of their group; the privacy officer does not.
        assertThat(anonymous.as("lead", "demo").get(tasks).body()).contains("fill-in-triage");
        assertThat(anonymous.as("fg", "demo").get(tasks).body()).isEqualTo("[]");
        // The manager reads everything, the admin too.
        assertThat(anonymous.as("manager", "demo").get(tasks).body()).contains("fill-in-triage");
        assertThat(anonymous.as("admin", "demo").get(tasks).body()).contains("fill-in-triage");
    }

    @Test
    void camundaWebappsTakeTheSpringLogin() {
        Http browser = Http.browser(port);
        browser.formLogin("lead", "demo");
        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/", "text/html");
        assertThat(tasklist.headers().firstValue("X-Authorized-User")).hasValue("lead");
        // Not sent to Camunda's "create the first administrator" page: the administrators are camunda-admin members.
        assertThat(tasklist.headers().firstValue("Location").orElse("")).doesNotContain("setup");
        HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default", "application/json");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(user.body())
                .contains("\"userId\":\"lead\"")
                .contains("tasklist")
                .doesNotContain("cockpit");

        Http admin = Http.browser(port);
        admin.formLogin("admin", "demo");
        admin.get("/camunda/app/cockpit/default/", "text/html");
        assertThat(admin.get("/camunda/api/admin/auth/user/default", "application/json")
                        .body())
                .contains("\"userId\":\"admin\"")
                .contains("cockpit"); // and not Camunda Admin: AdministratorIsNoSuperuserTest

        // Without a login the webapps send the browser to Waarborg's login page.
        HttpResponse<String> anonymousTasklist = Http.browser(port).get("/camunda/app/tasklist/", "text/html");
        assertThat(anonymousTasklist.statusCode()).isEqualTo(302);
        assertThat(anonymousTasklist.headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
    }

    @Test
    void cockpitsOwnApiAnswersOnlyUsersWithCockpitAccess() {
        String base = "/camunda/api/cockpit/plugin/base/default";
        List<String> paths = List.of(
                base + "/process-definition/statistics-count",
                base + "/process-definition/statistics",
                base + "/process-instance/count",
                base + "/incident/count");
        for (String user : List.of("lead", "fg", "ethics", "alderman")) {
            Http browser = Http.browser(port);
            browser.formLogin(user, "demo");
            for (String path : paths) {
                HttpResponse<String> response = browser.get(path, "application/json");
                assertThat(response.statusCode())
                        .as(user + " " + path + ": " + response.body())
                        .isEqualTo(403);
            }
        }
        Http manager = Http.browser(port);
        manager.formLogin("manager", "demo");
        for (String path : paths) {
            HttpResponse<String> response = manager.get(path, "application/json");
            assertThat(response.statusCode())
                    .as("manager " + path + ": " + response.body())
                    .isEqualTo(200);
        }
    }
}
