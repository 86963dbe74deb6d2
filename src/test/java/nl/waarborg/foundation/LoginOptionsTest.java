package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.waarborg.support.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production chooses its logins (ADR 0025): without an identity provider and without local accounts Waarborg refuses to
 * start; with single sign-on and local accounts off, no password logs in on the login page or over HTTP Basic except
 * a configured service account's.
 */
class LoginOptionsTest {

    private static final String STRONG = "Gr0en-Lantaarn-Kanaal-42";

    @Test
    void neitherSingleSignOnNorLocalAccountsRefusesToStart() {
        Throwable failure = Starts.of("loginnone")
                .with("spring.profiles.active", "prod")
                .with("waarborg.admin.password", STRONG)
                .with("waarborg.oidc.issuer-uri", "")
                .with("waarborg.login.local-accounts", "")
                .runExpectingFailure();

        assertThat(Starts.messages(failure))
                .contains("nobody could log in")
                .contains("WAARBORG_OIDC_ISSUER_URI")
                .contains("WAARBORG_LOGIN_LOCAL_ACCOUNTS");
    }

    @Test
    void withSingleSignOnOnlyServiceAccountsUsePasswords() {
        Starts start = Starts.of("loginsso")
                .with("spring.profiles.active", "prod")
                .with("waarborg.admin.password", STRONG)
                .with("waarborg.login.local-accounts", "false")
                .with("waarborg.login.service-accounts", "svc-archief");
        ConfigurableApplicationContext context = start.run();
        try {
            IdentityService identity = context.getBean(ProcessEngine.class).getIdentityService();
            User service = identity.newUser("svc-archief");
            service.setPassword(STRONG);
            identity.saveUser(service);
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String tasks = "/engine-rest/engine/" + start.engineName() + "/task";

            assertThat(Http.api(port).as("svc-archief", STRONG).get(tasks).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> admin = Http.api(port).as("admin", STRONG).get(tasks);
            assertThat(admin.statusCode()).isEqualTo(401);
            assertThat(admin.headers().allValues("WWW-Authenticate"))
                    .containsExactly("Basic realm=\"Waarborg\"", "Bearer");

            // The login page offers single sign-on only, and a posted password logs nobody in.
            Http browser = Http.browser(port);
            HttpResponse<String> page = browser.get("/login");
            assertThat(page.body()).contains("id=\"sso-login\"").doesNotContain("type=\"password\"");
            HttpResponse<String> posted =
                    browser.postForm("/login", Http.form("username", "admin", "password", STRONG));
            assertThat(posted.statusCode()).isNotEqualTo(302);
            assertThat(browser.get("/").statusCode()).isEqualTo(302);
            assertThat(browser.get("/").headers().firstValue("Location").orElseThrow())
                    .endsWith("/login");
        } finally {
            context.close();
        }
    }
}
