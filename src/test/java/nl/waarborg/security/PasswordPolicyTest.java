package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.support.Accounts;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The password policy on both ways a password is set: an administrator creating a user through Waarborg's
 * administration (/api/admin, ADR 0019), and a user changing their own password over Camunda REST. At least 12
 * characters, not the user id, not a common password, refused with 400 and a Dutch and English message; a good
 * password is accepted.
 */
@WaarborgIntegrationTest
class PasswordPolicyTest {

    @LocalServerPort
    int port;

    private Http admin() {
        return Http.api(port).as("admin", "demo");
    }

    private HttpResponse<String> create(String id, String password) {
        return admin().postJson("/api/admin/users", """
                {"id": "%s", "firstName": "Piet", "lastName": "Proef", "email": "piet@gemeente.example",
                 "password": "%s", "reason": "Wachtwoordbeleid testen"}""".formatted(id, password));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("minstens 12 tekens").contains("at least 12 characters");
    }

    private static String newId() {
        return "pw-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void aShortPasswordIsRefused() {
        String id = newId();
        assertRefused(create(id, "a"));
        assertRefused(create(id, "Kort-maar-1"));
        assertThat(admin().get("/api/admin/users/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theUserIdAsPasswordIsRefused() {
        String id = newId();
        assertRefused(create(id, id.toUpperCase()));
    }

    @Test
    void aCommonPasswordIsRefused() {
        assertRefused(create(newId(), "Wachtwoord1234"));
        assertRefused(create(newId(), "welkom123456"));
    }

    @Test
    void aGoodPasswordIsAcceptedAndNoChangeOverCamundaRestIsAccepted() {
        String id = newId();
        assertThat(create(id, "Eenmalig-Fietspad-Molen-6").statusCode()).isEqualTo(201);
        // ADR 0058: the administrator's password is a one-time one; the owner's own must meet the policy as well.
        HttpResponse<String> weakOwn = Http.api(port)
                .as(id, "Eenmalig-Fietspad-Molen-6")
                .postJson(
                        "/api/me/password",
                        "{\"currentPassword\":\"Eenmalig-Fietspad-Molen-6\",\"newPassword\":\"a\"}");
        assertRefused(weakOwn);
        Accounts.chooseOwnPassword(port, id, "Eenmalig-Fietspad-Molen-6", "Paars-Fietspad-Molen-7");
        Http user = Http.api(port).as(id, "Paars-Fietspad-Molen-7");
        assertThat(user.get("/engine-rest/user/" + id + "/profile").statusCode())
                .isEqualTo(200);
        // Camunda's own credential and profile API changes nothing, not even a strong password of one's own: passwords
        // go through POST /api/me/password, where the policy, the tries and the audit row hold (ADR 0058).
        for (String password : new String[] {"a", "Groen-Kanaal-Lantaarn-9"}) {
            HttpResponse<String> change = user.send(user.request("/engine-rest/user/" + id + "/credentials")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + password
                            + "\", \"authenticatedUserPassword\": \"Paars-Fietspad-Molen-7\"}")));
            assertThat(change.statusCode()).as(change.body()).isEqualTo(403);
            assertThat(change.body()).contains("POST /api/me/password");
        }
        HttpResponse<String> rename = user.send(user.request("/engine-rest/user/" + id + "/profile")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id
                        + "\",\"firstName\":\"Frank\",\"lastName\":\"de FG\",\"email\":\"fg@x.nl\"}")));
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(403);
        assertThat(Http.api(port)
                        .as(id, "Paars-Fietspad-Molen-7")
                        .get("/engine-rest/user/" + id + "/profile")
                        .statusCode())
                .isEqualTo(200);
    }
}
