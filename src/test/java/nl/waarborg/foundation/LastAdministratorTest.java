package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.waarborg.support.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On a fresh production start there is exactly one administrator; through /api/admin it can neither leave group admin,
 * nor be deactivated or deleted, until a second administrator exists (ADR 0019). Its own start, because the shared
 * test context has several administrators.
 */
@Tag("database")
class LastAdministratorTest {

    private static final String STRONG = "Gr0en-Lantaarn-Kanaal-42";
    private static final String SECOND = "Paars-Fietspad-Molen-7";

    private static HttpResponse<String> send(Http http, String method, String path, String json) {
        return http.send(http.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void theLastAdministratorStaysOne() {
        ConfigurableApplicationContext context = Starts.of("lastadmin")
                .with("spring.profiles.active", "prod")
                .with("waarborg.admin.password", STRONG)
                .run();
        try {
            IdentityService identity = context.getBean(ProcessEngine.class).getIdentityService();
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Http admin = Http.api(port).as("admin", STRONG);

            for (HttpResponse<String> refused : new HttpResponse[] {
                send(admin, "DELETE", "/api/admin/users/admin/groups/admin?reason=weg", null),
                send(admin, "POST", "/api/admin/users/admin/deactivation", "{\"reason\":\"weg\"}"),
                send(admin, "DELETE", "/api/admin/users/admin?reason=weg", null)
            }) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertThat(refused.body()).contains("last administrator");
            }
            assertThat(identity.createUserQuery().memberOfGroup("admin").count())
                    .isEqualTo(1);

            // A lone administrator makes no second one whose password they know (ADR 0058): the operator appoints one.
            HttpResponse<String> puppet = send(admin, "POST", "/api/admin/users", """
                    {"id":"tweede","firstName":"Tweede","lastName":"Beheerder","email":"tweede@gemeente.example",
                     "password":"%s","groups":["admin"],"reason":"Vervanging"}""".formatted(SECOND));
            assertThat(puppet.statusCode()).as(puppet.body()).isEqualTo(403);
            assertThat(identity.createUserQuery().userId("tweede").count()).isZero();
            org.camunda.bpm.engine.identity.User appointed = identity.newUser("tweede");
            appointed.setFirstName("Tweede");
            appointed.setLastName("Beheerder");
            appointed.setPassword(SECOND);
            identity.saveUser(appointed);
            identity.createMembership("tweede", "admin");
            identity.createMembership("tweede", "camunda-admin");
            HttpResponse<String> leaves =
                    send(admin, "DELETE", "/api/admin/users/admin/groups/admin?reason=Rol%20over", null);
            assertThat(leaves.statusCode()).as(leaves.body()).isEqualTo(200);

            Http tweede = Http.api(port).as("tweede", SECOND);
            assertThat(send(tweede, "DELETE", "/api/admin/users/tweede/groups/admin?reason=weg", null)
                            .statusCode())
                    .isEqualTo(409);
            assertThat(identity.createUserQuery().memberOfGroup("admin").list())
                    .extracting(u -> u.getId())
                    .containsExactly("tweede");
            // The former administrator has no access any more.
            assertThat(Http.api(port)
                            .as("admin", STRONG)
                            .get("/api/admin/users")
                            .statusCode())
                    .isEqualTo(403);
        } finally {
            context.close();
        }
    }
}
