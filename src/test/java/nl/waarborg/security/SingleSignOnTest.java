package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabases;
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
 * Single sign-on against a real OpenID provider (Spring Authorization Server, {@link TestIdentityProvider}) over real
 * HTTP: the code flow with PKCE through the provider's login page, the user and their mapped groups in the identity
 * store, a group taken away at the next login, bearer tokens on /api and /engine-rest, refused tokens, and a login that
 * Waarborg refuses after the provider's, audited once per window.
 */
@WaarborgIntegrationTest
class SingleSignOnTest {

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
        System.out.println("[waarborg-test] SingleSignOnTest on " + TestDatabases.name());
    }

    HttpResponse<String> ssoLogin(Http waarborg, TestIdentityProvider.Person person) {
        return provider.loginAtWaarborg(waarborg, person);
    }

    List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .sorted()
                .toList();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theFirstLoginCreatesTheUserWithTheMappedGroupsAndTheNextOneTakesAGroupAway() {
        String id = unique("fenna.");
        TestIdentityProvider.Person person =
                provider.person(id, "Fenna", "de Gegevens", List.of("fg-team", "college", "not-mapped"));
        Http waarborg = Http.browserAt("127.0.0.1", port);

        HttpResponse<String> landed = ssoLogin(waarborg, person);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath())
                .as(landed.uri() + ": " + landed.body())
                .isEqualTo("/taken");
        User user = identity.createUserQuery().userId(id).singleResult();
        assertThat(user.getFirstName()).isEqualTo("Fenna");
        assertThat(user.getLastName()).isEqualTo("de Gegevens");
        assertThat(user.getEmail()).isEqualTo(id + "@gemeente.example");
        assertThat(groupsOf(id)).containsExactly("alderman", "privacy-officer");
        assertThat(audit.recent(AuditAction.USER_CREATED, 20))
                .anySatisfy(e -> assertThat(e.details())
                        .contains("\"target\":\"" + id + "\"")
                        .contains("single-sign-on")
                        .contains("privacy-officer"));
        // The session is Waarborg's own: a page of the privacy officer's opens.
        assertThat(waarborg.get("/taken").statusCode()).isEqualTo(200);

        // At the provider the person leaves the college; the next login takes group alderman away.
        provider.groups(id, List.of("fg-team"));
        Http again = Http.browserAt("127.0.0.1", port);
        assertThat(ssoLogin(again, person).statusCode()).isEqualTo(200);
        assertThat(groupsOf(id)).containsExactly("privacy-officer");
        assertThat(audit.recent(AuditAction.GROUP_MEMBER_REMOVED, 20))
                .anySatisfy(e -> assertThat(e.details())
                        .contains("\"target\":\"" + id + "\"")
                        .contains("\"group\":\"alderman\"")
                        .contains("single-sign-on"));
        assertThat(identity.createUserQuery().userId(id).count()).isEqualTo(1);
    }

    @Test
    void bearerTokensOfTheProviderWorkOnApiAndEngineRestWithTheMappedGroups() {
        String adminId = unique("beheer.");
        provider.person(adminId, "Bram", "Beheer", List.of("3f6c1c3e-beheer"));
        String fgId = unique("fg.");
        provider.person(fgId, "Femke", "Functionaris", List.of("fg-team"));
        Http api = Http.api(port);

        Http admin = api.bearer(provider.login(adminId).accessToken());
        HttpResponse<String> users = admin.get("/api/admin/users?limit=5&offset=0");
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        // The engine checks its authorizations for the token's user and groups: an administrator reads every user.
        HttpResponse<String> engineUsers = admin.get("/engine-rest/user/count");
        assertThat(engineUsers.statusCode()).isEqualTo(200);
        assertThat(engineUsers.body()).doesNotContain("\"count\":1}").doesNotContain("\"count\":0}");
        assertThat(groupsOf(adminId)).containsExactly("admin", "camunda-admin");

        Http fg = api.bearer(provider.login(fgId).accessToken());
        HttpResponse<String> refused = fg.get("/api/admin/users?limit=5&offset=0");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fg.get("/engine-rest/task").statusCode()).isEqualTo(200);
        // Without group admin the engine shows this user only themself.
        assertThat(fg.get("/engine-rest/user/count").body()).contains("\"count\":1");
    }

    @Test
    void expiredForeignAndBadlySignedTokensAre401ProblemsOnApiAndEngineRest() {
        String id = unique("lotte.");
        provider.person(id, "Lotte", "Leider", List.of("/projecten/leiders"));
        Instant soon = Instant.now().plusSeconds(600);
        List<String> refusedTokens = List.of(
                provider.signedToken(
                        provider.issuer(),
                        id,
                        List.of("/projecten/leiders"),
                        Instant.now().minusSeconds(120),
                        false),
                provider.signedToken("http://localhost:1/other-issuer", id, List.of("/projecten/leiders"), soon, false),
                provider.signedToken(provider.issuer(), id, List.of("/projecten/leiders"), soon, true));
        for (String token : refusedTokens) {
            for (String path : List.of("/api/systems", "/engine-rest/task")) {
                HttpResponse<String> response = Http.api(port).bearer(token).get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.headers().allValues("WWW-Authenticate"))
                        .anySatisfy(v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
                assertThat(response.body()).contains("bearer token was refused");
            }
        }
        // The same claims, signed by the provider and unexpired, are accepted: the refusals were the token's fault.
        String good = provider.signedToken(provider.issuer(), id, List.of("/projecten/leiders"), soon, false);
        assertThat(Http.api(port).bearer(good).get("/api/systems").statusCode()).isEqualTo(200);
    }

    @Test
    void aLocalAccountIsNotTakenOverAndTheRefusalIsAuditedOncePerWindow() throws InterruptedException {
        // "manager" is a local (demo) account; a person of that name at the provider does not become them.
        TestIdentityProvider.Person person =
                provider.person("manager", "Mallory", "Overnemer", List.of("3f6c1c3e-beheer"));
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> refused = ssoLogin(Http.browserAt("127.0.0.1", port), person);
            assertThat(refused.uri().toString()).endsWith("/login?ssoError");
            assertThat(refused.body()).contains("Inloggen via uw organisatie is niet gelukt");
        }
        assertThat(groupsOf("manager")).containsExactly("manager");
        List<AuditTrail.AuditEvent> failed = audit.recent(AuditAction.LOGIN_FAILED, 50).stream()
                .filter(e -> "manager".equals(e.userId()) && e.details().contains("single sign-on"))
                .toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).details()).contains("local account 'manager' exists");
        // The refusals counted against this client address too (as wrong passwords do): let that window end, so that
        // the login throttling tests that follow count from zero.
        Thread.sleep(LOGIN_WINDOW_OF_THE_TESTS_MILLIS + 300);
    }

    /** waarborg.login.window in the tests' settings (src/test/resources/config/application.yaml). */
    static final long LOGIN_WINDOW_OF_THE_TESTS_MILLIS = 5_000;
}
