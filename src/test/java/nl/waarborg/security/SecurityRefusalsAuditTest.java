package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.support.Http;
import nl.waarborg.support.ThisAddress;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security refusals that end nothing in the database still leave evidence (ADR 0050), over real HTTP: a session ended
 * by the per-request account re-check is one SESSION_ENDED row per session, a login refused during a throttle lock one
 * LOGIN_THROTTLED row per lock of an account or address however often it is tried, and the refusals answer as before.
 * The test settings lock after 5 failures of an account (25 of an address) for 2 s.
 */
@WaarborgIntegrationTest
class SecurityRefusalsAuditTest {

    static final String PASSWORD = LoginAbuseTest.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    /** Other tests' failures from this client address must not lock it in the middle of a count here. */
    @RegisterExtension
    final ThisAddress thisAddress = new ThisAddress();

    @AfterEach
    void chainStillHolds() {
        assertThat(audit.verify().valid()).isTrue();
    }

    private Http admin() {
        return Http.api(port).as("admin", "demo");
    }

    private String newUser(String prefix) {
        return LoginAbuseTest.newUser(identity, prefix);
    }

    /** Logs in through the form; answers the session cookie's value, the client keeps it. */
    private static String logIn(Http browser, String user) {
        HttpResponse<String> login = browser.formLogin(user, PASSWORD);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        return login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    private List<String> details(String action, String user) {
        return jdbc.sql("SELECT details FROM wb_audit_event WHERE action = :action AND user_id = :user ORDER BY seq")
                .param("action", action)
                .param("user", user)
                .query(String.class)
                .list();
    }

    private static String reason(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void eachSessionEndedByADeactivationIsRecordedOnce() {
        String user = newUser("leaver");
        Http page = Http.browser(port);
        Http engineRest = Http.browser(port);
        String pageSession = logIn(page, user);
        String engineSession = logIn(engineRest, user);
        assertThat(page.get("/taken").statusCode()).isEqualTo(200);
        HttpResponse<String> deactivated =
                admin().postJson("/api/admin/users/" + user + "/deactivation", "{\"reason\":\"Uit dienst\"}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ended = page.get("/taken");
            assertThat(ended.statusCode()).isEqualTo(302);
            assertThat(ended.headers().firstValue("Location").orElseThrow())
                    .endsWith(i == 0 ? "/login?ended" : "/login");
            assertThat(engineRest.get("/engine-rest/task").statusCode()).isEqualTo(401);
        }

        List<String> rows = details("SESSION_ENDED", user);
        assertThat(rows)
                .hasSize(2)
                .allSatisfy(row -> assertThat(row)
                        .contains("\"reason\":\"deactivated\"", "\"address\":")
                        .doesNotContain(pageSession, engineSession, PASSWORD));
        assertThat(rows.get(0)).contains("\"channel\":\"pages\"", "\"target\":\"/taken\"");
        assertThat(rows.get(1)).contains("\"channel\":\"engine-rest\"");
        assertThat(rows.get(0).substring(rows.get(0).indexOf("\"session\":")))
                .isNotEqualTo(rows.get(1).substring(rows.get(1).indexOf("\"session\":")));
        // Administrators read it where they read the trail.
        assertThat(admin().get("/api/audit?limit=20").body()).contains("SESSION_ENDED", user);
    }

    @Test
    void aSessionEndedByADeletionIsRecordedAsDeleted() {
        String user = newUser("deleted");
        Http session = Http.browser(port);
        logIn(session, user);
        assertThat(session.get("/api/tasks").statusCode()).isEqualTo(200);
        HttpResponse<String> deleted =
                admin().sendJson("DELETE", "/api/admin/users/" + user + "?reason=" + reason("Dubbel"), null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(session.get("/api/tasks").statusCode()).isEqualTo(401);
        assertThat(session.get("/api/tasks").statusCode()).isEqualTo(401);
        assertThat(details("SESSION_ENDED", user))
                .singleElement()
                .asString()
                .contains("\"reason\":\"deleted\"", "\"channel\":\"api\"");
    }

    /** Without a session (HTTP Basic here) nothing ends: each refusal is an ACCESS_DENIED, aggregated per window. */
    @Test
    void requestsWithoutASessionRefusedByTheRecheckAreAggregated() {
        String user = newUser("basic");
        assertThat(Http.api(port).as(user, PASSWORD).get("/engine-rest/task").statusCode())
                .isEqualTo(200);
        // Deactivated while the password still works (as on a node that has not synchronised it).
        jdbc.sql("INSERT INTO wb_account_deactivation (user_id, deactivated_by, deactivated_at, reason)"
                        + " VALUES (:user, 'admin', :at, 'Proef')")
                .param("user", user)
                .param("at", Timestamp.from(Instant.now()))
                .update();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = Http.api(port).as(user, PASSWORD).get("/engine-rest/task");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("deactivated");
        }
        assertThat(details("SESSION_ENDED", user)).isEmpty();
        assertThat(details("ACCESS_DENIED", user))
                .singleElement()
                .asString()
                .contains("\"reason\":\"account deactivated\"", "\"status\":401");
    }

    @Test
    void twentyAttemptsDuringALockGiveOneRowPerLock() throws InterruptedException {
        String user = newUser("throttled");
        for (int lock = 1; lock <= 2; lock++) {
            for (int i = 0; i < 5; i++) {
                assertThat(Http.api(port)
                                .as(user, "wrong-" + i)
                                .get("/engine-rest/task")
                                .statusCode())
                        .isEqualTo(401);
            }
            long lockedAt = System.nanoTime();
            HttpResponse<String> last = null;
            // 20 attempts, the right password included; stop well before the 2 s lock ends on a slow machine.
            for (int i = 0; i < 20 && System.nanoTime() - lockedAt < 1_200_000_000L; i++) {
                last = Http.api(port).as(user, i % 2 == 0 ? PASSWORD : "wrong").get("/api/systems");
                assertThat(last.statusCode()).isEqualTo(429);
                assertThat(last.headers().firstValue("Retry-After")).isPresent();
            }
            assertThat(details("LOGIN_THROTTLED", user)).hasSize(lock);
            Thread.sleep(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 300);
        }
        assertThat(details("LOGIN_THROTTLED", user))
                .allSatisfy(row -> assertThat(row)
                        .contains("\"lockedBy\":[\"account\"]", "\"via\":\"password\"", "\"address\":")
                        .doesNotContain(PASSWORD));
        assertThat(details("LOGIN_LOCKED", user)).hasSize(2);
        assertThat(admin().get("/api/audit?limit=20").body()).contains("LOGIN_THROTTLED");
        assertThat(Http.api(port).as(user, PASSWORD).get("/engine-rest/task").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLockedAddressGivesOneRowPerLockWhateverTheNames() throws InterruptedException {
        long before = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM wb_audit_event")
                .query(Long.class)
                .single();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30 && (last == null || last.statusCode() != 429); i++) {
            last = Http.api(port).as("spray-" + UUID.randomUUID(), "wrong").get("/engine-rest/task");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        for (int i = 0; i < 20; i++) {
            assertThat(Http.api(port)
                            .as("spray-" + UUID.randomUUID(), "wrong")
                            .get("/engine-rest/task")
                            .statusCode())
                    .isEqualTo(429);
        }
        assertThat(jdbc.sql("SELECT details FROM wb_audit_event WHERE action = 'LOGIN_THROTTLED' AND seq > :before")
                        .param("before", before)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("\"lockedBy\":[\"address\"]");
        assertThat(jdbc.sql("SELECT details FROM wb_audit_event WHERE action = 'ADDRESS_LOCKED' AND seq > :before")
                        .param("before", before)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("\"failures\":25");
        Thread.sleep(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 300);
    }
}
