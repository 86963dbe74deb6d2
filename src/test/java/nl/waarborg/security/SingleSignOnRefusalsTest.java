package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestIdentityProvider;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Waarborg refuses after the provider vouched for someone, over real HTTP with the real provider: a deactivated
 * user, a token that would take over a local account or another person's id (browser and bearer, each recorded as a
 * failed login that counts in the login throttle), a login from a locked client address; and a bearer token that
 * lost a group at the provider takes it away at once.
 */
@WaarborgIntegrationTest
class SingleSignOnRefusalsTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    AuditTrail audit;

    TestIdentityProvider provider;

    @BeforeEach
    void setUp() {
        provider = TestIdentityProvider.start();
    }

    Http waarborg() {
        return Http.browserAt("127.0.0.1", port);
    }

    List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .sorted()
                .toList();
    }

    List<AuditTrail.AuditEvent> events(AuditAction action, String userId) {
        return audit.recent(action, 200).stream()
                .filter(e -> userId.equals(e.userId()))
                .toList();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The failures counted against this client address end with the window, so that later tests count from zero. */
    static void letTheLoginWindowEnd() throws InterruptedException {
        Thread.sleep(SingleSignOnTest.LOGIN_WINDOW_OF_THE_TESTS_MILLIS + 300);
    }

    @Test
    void aDeactivatedUserIsRefusedAtLoginAndWithATokenAndRecorded() throws InterruptedException {
        String id = unique("vertrokken.");
        TestIdentityProvider.Person person = provider.person(id, "Vera", "Vertrokken", List.of("fg-team"));
        assertThat(provider.loginAtWaarborg(waarborg(), person).uri().getPath()).isEqualTo("/taken");
        String token = provider.login(id).accessToken();
        HttpResponse<String> deactivated = Http.api(port)
                .as("admin", "demo")
                .postJson("/api/admin/users/" + id + "/deactivation", "{\"reason\":\"Uit dienst\"}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        Http browser = waarborg();
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> refused = provider.loginAtWaarborg(browser, person);
            assertThat(refused.uri().toString()).endsWith("/login?ssoError");
        }
        HttpResponse<String> bearer = Http.api(port).bearer(token).get("/api/systems");
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).contains("deactivated");

        assertThat(groupsOf(id)).as("the provider's groups do not come back").isEmpty();
        // Recorded once per login window (two rows when the five attempts spanned two windows on a slow machine).
        assertThat(events(AuditAction.LOGIN_FAILED, id))
                .isNotEmpty()
                .allSatisfy(
                        e -> assertThat(e.details()).contains("single sign-on").contains("deactivated"));
        letTheLoginWindowEnd();
    }

    @Test
    void aTokenNeverTakesOverALocalAccountOrAnotherPersonsIdAndTheAttemptIsRecorded() throws InterruptedException {
        String local = unique("lokaal.");
        User user = identity.newUser(local);
        user.setPassword("a-long-local-password");
        identity.saveUser(user);
        identity.createMembership(local, "project-lead");
        Instant soon = Instant.now().plusSeconds(600);
        String takeover = provider.signedToken(provider.issuer(), local, List.of("3f6c1c3e-beheer"), soon, false);
        HttpResponse<String> refused = Http.api(port).bearer(takeover).get("/api/admin/users?limit=5&offset=0");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(groupsOf(local)).containsExactly("project-lead");
        assertThat(events(AuditAction.LOGIN_FAILED, local))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("bearer token").contains("local account"));

        String id = unique("echt.");
        provider.person(id, "Echte", "Persoon", List.of("fg-team"));
        assertThat(Http.api(port)
                        .bearer(provider.login(id).accessToken())
                        .get("/api/systems")
                        .statusCode())
                .isEqualTo(200);
        String impostor = provider.signedToken(
                provider.issuer(), "another-subject-" + id, id, List.of("3f6c1c3e-beheer"), soon, false);
        assertThat(Http.api(port).bearer(impostor).get("/api/systems").statusCode())
                .isEqualTo(401);
        assertThat(groupsOf(id)).containsExactly("privacy-officer");
        assertThat(events(AuditAction.LOGIN_FAILED, id))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("belongs to another person"));
        letTheLoginWindowEnd();
    }

    @Test
    void aLockedClientAddressCannotCompleteASingleSignOn() throws InterruptedException {
        String id = unique("geblokkeerd.");
        TestIdentityProvider.Person person = provider.person(id, "Gerda", "Geblokkeerd", List.of("fg-team"));
        Http browser = waarborg();
        // Through the provider's login page up to its redirect back to Waarborg, which waits until the address is
        // locked.
        String authorize = browser.get("/oauth2/authorization/oidc")
                .headers()
                .firstValue("Location")
                .orElseThrow();
        HttpResponse<String> page = browser.follow(authorize);
        HttpResponse<String> loggedIn = provider.submitLogin(browser, page, person);
        String callback = browser.send(HttpRequest.newBuilder(
                        URI.create(loggedIn.headers().firstValue("Location").orElseThrow())))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertThat(callback).contains("/login/oauth2/code/oidc?code=");

        HttpResponse<String> last = null;
        for (int i = 0; i < 60 && (last == null || last.statusCode() != 429); i++) {
            last = waarborg().as("sprayed-" + UUID.randomUUID(), "wrong").get("/engine-rest/task");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        HttpResponse<String> locked = browser.follow(callback);
        assertThat(locked.uri().toString()).endsWith("/login?locked");
        assertThat(identity.createUserQuery().userId(id).count())
                .as("nothing of the person reached the identity store")
                .isZero();

        Thread.sleep(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 300);
        assertThat(provider.loginAtWaarborg(browser, person).uri().getPath()).isEqualTo("/taken");
        assertThat(groupsOf(id)).containsExactly("privacy-officer");
        letTheLoginWindowEnd();
    }

    @Test
    void aNewTokenWithoutAGroupTakesItAwayAtOnce() {
        String id = unique("wissel.");
        provider.person(id, "Wim", "Wissel", List.of("fg-team", "college"));
        Http first = Http.api(port).bearer(provider.login(id).accessToken());
        assertThat(first.get("/api/systems").statusCode()).isEqualTo(200);
        assertThat(groupsOf(id)).containsExactly("alderman", "privacy-officer");

        provider.groups(id, List.of("fg-team"));
        Http second = Http.api(port).bearer(provider.login(id).accessToken());
        assertThat(second.get("/api/systems").statusCode()).isEqualTo(200);
        assertThat(groupsOf(id)).as("within the minute, as the token changed").containsExactly("privacy-officer");
        assertThat(events(AuditAction.GROUP_MEMBER_REMOVED, id))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"group\":\"alderman\""));
    }
}
