package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabaseInitializer;
import nl.waarborg.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Waarborg nodes (two application contexts, each with its own engine and port) on one database, as a cluster runs
 * them (ADR 0027): failed logins on either node count towards one lock that both enforce, an administrator's unlock on
 * one node holds on the other, and a deactivation on one node ends the user's session on the other.
 */
@Tag("database")
class TwoNodesTest {

    private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        Map<String, Object> database = TestDatabases.newDatabase();
        NODES.add(start("nodeone", database));
        NODES.add(start("nodetwo", database));
    }

    @AfterAll
    static void stop() {
        NODES.forEach(ConfigurableApplicationContext::close);
    }

    private static ConfigurableApplicationContext start(String name, Map<String, Object> database) {
        Map<String, Object> settings = new LinkedHashMap<>(database);
        settings.put(TestDatabaseInitializer.KEEP_DATASOURCE, true);
        settings.put("server.port", 0);
        settings.put("camunda.bpm.webapp.enabled", false);
        settings.put("camunda.bpm.process-engine-name", name);
        settings.put("camunda.bpm.generate-unique-process-application-name", false);
        settings.put("waarborg.demo.seed", false);
        settings.put("waarborg.login.account-max-failures", 3);
        settings.put("waarborg.login.address-max-failures", 1000);
        settings.put("waarborg.login.window", "1h");
        settings.put("waarborg.login.lock", "1h");
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(WaarborgApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(int node) {
        return ((WebServerApplicationContext) NODES.get(node)).getWebServer().getPort();
    }

    private static int status(int node, String user, String password) {
        return Http.api(port(node)).as(user, password).get("/api/tasks").statusCode();
    }

    @Test
    void oneLockForBothNodesAndAnUnlockOnOneHoldsOnTheOther() {
        assertThat(status(0, "alderman", "wrong-1")).isEqualTo(401);
        assertThat(status(1, "alderman", "wrong-2")).isEqualTo(401);
        assertThat(status(0, "alderman", "wrong-3")).isEqualTo(401);
        assertThat(status(1, "alderman", "demo"))
                .as("locked on the other node too")
                .isEqualTo(429);
        assertThat(status(0, "alderman", "demo")).isEqualTo(429);
        assertThat(Http.api(port(0))
                        .as("admin", "demo")
                        .get("/api/admin/login-alerts")
                        .body())
                .contains("\"account\":\"alderman\"");

        assertThat(Http.api(port(1))
                        .as("admin", "demo")
                        .postJson("/api/admin/accounts/alderman/unlock", "{\"reason\":\"Gebeld met de wethouder\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(status(0, "alderman", "demo"))
                .as("unlocked on node two, in on node one")
                .isEqualTo(200);
    }

    @Test
    void aDeactivationOnOneNodeEndsTheSessionOnTheOther() {
        Http session = Http.browser(port(0));
        assertThat(session.formLogin("ethics", "demo")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("/login");
        assertThat(session.get("/api/tasks").statusCode()).isEqualTo(200);
        assertThat(Http.api(port(1))
                        .as("admin", "demo")
                        .postJson("/api/admin/users/ethics/deactivation", "{\"reason\":\"Uit dienst\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(session.get("/api/tasks").statusCode()).isEqualTo(401);
    }
}
