package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Login abuse over real HTTP: failed logins lock an account or an address only for a while (the test settings use
 * 5 failures, a 2 s lock), the engine's permanent lockout never strikes, the audit trail gets aggregated rows, and
 * absurd login input gets 4xx.
 */
@WaarborgIntegrationTest
class LoginAbuseTest {

    static final String PASSWORD = "a-long-test-password";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    private String newUser(String prefix) {
        return newUser(identity, prefix);
    }

    /** A project lead with {@link #PASSWORD}, made in the identity store directly. */
    static String newUser(IdentityService identity, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, "project-lead");
        return id;
    }

    private int as(String user, String password) {
        return Http.api(port).as(user, password).get("/engine-rest/task").statusCode();
    }

    private static void sleepPastLock(HttpResponse<String> throttled) throws InterruptedException {
        long seconds =
                Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).isBetween(1L, 2L);
        Thread.sleep(seconds * 1000 + 300);
    }

    @Test
    void oneWrongPasswordDoesNotDelayTheRightOne() {
        String user = newUser("typo");
        assertThat(as(user, "wrong")).isEqualTo(401);
        // Camunda's own login delay (3 s after a failure by default) would refuse this one.
        assertThat(as(user, PASSWORD)).isEqualTo(200);
    }

    @Test
    void repeatedBadLoginsLockTheAccountOnlyForAWhileAndNeverForGood() throws InterruptedException {
        String user = newUser("attacked");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                assertThat(as(user, "wrong-" + i)).isEqualTo(401);
            }
            HttpResponse<String> throttled = Http.api(port).as(user, PASSWORD).get("/api/systems");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(throttled.body()).contains("Too many failed logins");
            HttpResponse<String> engineRest = Http.api(port).as(user, PASSWORD).get("/engine-rest/task");
            assertThat(engineRest.statusCode()).isEqualTo(429);
            sleepPastLock(engineRest);
        }
        // 15 wrong passwords reached the engine: its default lockout (10 attempts) would now refuse the user for good.
        assertThat(as(user, PASSWORD)).isEqualTo(200);
    }

    @Test
    void aLockedAccountSeesADutchMessageOnTheLoginPage() throws InterruptedException {
        String user = newUser("browser");
        Http browser = Http.browser(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.formLogin(user, "wrong")
                            .headers()
                            .firstValue("Location")
                            .orElseThrow())
                    .endsWith("/login?error");
        }
        HttpResponse<String> locked = browser.formLogin(user, PASSWORD);
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("Te veel mislukte inlogpogingen");
        Thread.sleep(2300);
        assertThat(browser.formLogin(user, PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("/login");
    }

    @Test
    void aFloodOfBadLoginsAddsThreeAuditRowsNotOnePerAttempt() throws InterruptedException {
        String user = newUser("flooded");
        for (int i = 0; i < 5; i++) {
            assertThat(as(user, "wrong-" + i)).isEqualTo(401);
        }
        // More attempts while the lock runs (2 s in the tests; stop well before it ends, a slow machine included).
        long lockedAt = System.nanoTime();
        int refused = 0;
        while (refused < 35 && System.nanoTime() - lockedAt < 1_200_000_000L) {
            assertThat(as(user, "wrong-more")).isEqualTo(429);
            refused++;
        }
        assertThat(refused).isPositive();
        assertThat(jdbc.sql("SELECT action FROM wb_audit_event WHERE user_id = :user ORDER BY seq")
                        .param("user", user)
                        .query(String.class)
                        .list())
                .containsExactly("LOGIN_FAILED", "LOGIN_LOCKED", "LOGIN_THROTTLED");
        assertThat(jdbc.sql("SELECT details FROM wb_audit_event WHERE user_id = :user AND action = 'LOGIN_LOCKED'")
                        .param("user", user)
                        .query(String.class)
                        .single())
                .contains("\"failures\":5");
        Thread.sleep(2300);
    }

    @Test
    void manyNamesFromOneAddressLockThatAddressForAWhile() throws InterruptedException {
        String user = newUser("bystander");
        HttpResponse<String> last = null;
        // Up to twice the limit: the address's window may have been opened by an earlier test's failures and end
        // during the spray, which then counts again from zero in the next window.
        for (int i = 0; i < 60 && (last == null || last.statusCode() != 429); i++) {
            last = Http.api(port).as("sprayed-" + UUID.randomUUID(), "wrong").get("/engine-rest/task");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        HttpResponse<String> bystander = Http.api(port).as(user, PASSWORD).get("/engine-rest/task");
        assertThat(bystander.statusCode()).isEqualTo(429);
        sleepPastLock(bystander);
        assertThat(as(user, PASSWORD)).isEqualTo(200);
    }

    @Test
    void absurdLoginInputGets4xxNot500() {
        String huge = "x".repeat(5000);
        HttpResponse<String> basic = Http.api(port).as(huge, "wrong").get("/engine-rest/task");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(Http.api(port).as(huge, "wrong").get("/api/systems").statusCode())
                .isEqualTo(401);
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(huge, "wrong")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?error");
    }

    @Test
    void deploymentCreateWithoutBodyOrWithAnEmptyMultipartGets4xx() {
        Http admin = Http.api(port).as("admin", "demo");
        HttpResponse<String> noBody =
                admin.send(admin.request("/engine-rest/deployment/create").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noBody.statusCode()).isBetween(400, 499);
        HttpResponse<String> emptyMultipart = admin.send(admin.request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz--\r\n")));
        assertThat(emptyMultipart.statusCode()).isBetween(400, 499);
        HttpResponse<String> brokenMultipart = admin.send(admin.request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(brokenMultipart.statusCode()).isBetween(400, 499);
    }
}
