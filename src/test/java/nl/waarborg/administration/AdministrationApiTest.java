package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.support.Accounts;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Waarborg's administration API over real HTTP (ADR 0019): only administrators, every change with a reason and an
 * audit row, bad input a 400 naming the field, nobody grants themself a group, and locked accounts in the notice.
 */
@WaarborgIntegrationTest
class AdministrationApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Paars-Fietspad-Molen-7";
    static final String OWN = "Eigen-Gekozen-Wachtwoord-3";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    AuditTrail audit;

    private Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    static HttpResponse<String> send(Http http, String method, String path, Object body) {
        try {
            return http.send(http.request(path)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> newUser(String id, String password, List<String> groups) {
        return Map.of(
                "id",
                id,
                "firstName",
                "Jan",
                "lastName",
                "de Proef",
                "email",
                id + "@gemeente.example",
                "password",
                password,
                "groups",
                groups,
                "reason",
                "Nieuwe medewerker");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        if (field != null) {
            assertThat(json(response).path("field").asText())
                    .as(response.body())
                    .isEqualTo(field);
        }
    }

    private JsonNode lastEvent(String action) {
        return audit.events(null, 50).stream()
                .filter(e -> e.action().equals(action))
                .findFirst()
                .map(e -> {
                    try {
                        JsonNode details = JSON.readTree(e.details());
                        ((com.fasterxml.jackson.databind.node.ObjectNode) details).put("_user", e.userId());
                        return details;
                    } catch (java.io.IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .orElseThrow();
    }

    @org.junit.jupiter.api.AfterEach
    void withoutASecondAdministrator() {
        Accounts.removeSecondAdministrator(identity);
    }

    @Test
    void everyoneButAnAdministratorIsRefused() {
        String id = newId("nope");
        for (String user : List.of("lead", "fg", "ethics", "alderman", "manager")) {
            Http http = as(user);
            assertProblem(http.get("/api/admin/users"), 403, null);
            assertProblem(http.get("/api/admin/login-alerts"), 403, null);
            assertProblem(send(http, "POST", "/api/admin/users", newUser(id, PASSWORD, List.of("admin"))), 403, null);
            assertProblem(
                    send(http, "PUT", "/api/admin/users/" + user + "/groups/admin", Map.of("reason", "ik wil")),
                    403,
                    null);
            assertProblem(send(http, "POST", "/api/admin/accounts/admin/unlock", Map.of("reason", "x")), 403, null);
        }
        assertThat(identity.createUserQuery().userId(id).count()).isZero();
        assertThat(identity.createUserQuery()
                        .memberOfGroup("admin")
                        .userId("lead")
                        .count())
                .isZero();
        assertThat(Http.api(port).get("/api/admin/users").statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorCreatesAUserWhoCanLogInAndItIsRecorded() {
        String id = newId("jan");
        HttpResponse<String> created =
                send(as("admin"), "POST", "/api/admin/users", newUser(id, PASSWORD, List.of("project-lead")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("groups").toString()).isEqualTo("[\"project-lead\"]");
        assertThat(json(created).path("passwordChangeRequired").asBoolean()).isTrue();
        // The first password is a one-time one (ADR 0058): the owner chooses their own, then works.
        assertThat(Http.api(port).as(id, PASSWORD).get("/api/tasks").statusCode())
                .isEqualTo(403);
        Accounts.chooseOwnPassword(port, id, PASSWORD, OWN);
        assertThat(Http.api(port).as(id, OWN).get("/api/tasks").statusCode()).isEqualTo(200);
        JsonNode event = lastEvent("USER_CREATED");
        assertThat(event.path("_user").asText()).isEqualTo("admin");
        assertThat(event.path("target").asText()).isEqualTo(id);
        assertThat(event.path("reason").asText()).isEqualTo("Nieuwe medewerker");

        JsonNode page = json(as("admin").get("/api/admin/users?limit=200"));
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(page.path("users").toString()).contains("\"id\":\"" + id + "\"");
        assertThat(json(as("admin").get("/api/admin/users?limit=2&offset=1"))
                        .path("users")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsLeftBehind() {
        Http admin = as("admin");
        String id = newId("bad");
        assertProblem(send(admin, "POST", "/api/admin/users", newUser(id, "kort", List.of())), 400, "password");
        assertProblem(send(admin, "POST", "/api/admin/users", newUser(id, id + "", List.of())), 400, "password");
        assertProblem(
                send(admin, "POST", "/api/admin/users", newUser("x".repeat(5000), PASSWORD, List.of())), 400, "id");
        assertProblem(
                send(admin, "POST", "/api/admin/users", newUser(id, PASSWORD, List.of("camunda-admin"))),
                400,
                "groupId");
        Map<String, Object> noReason = new java.util.HashMap<>(newUser(id, PASSWORD, List.of()));
        noReason.put("reason", " ");
        assertProblem(send(admin, "POST", "/api/admin/users", noReason), 400, "reason");
        Map<String, Object> noEmail = new java.util.HashMap<>(newUser(id, PASSWORD, List.of()));
        noEmail.put("email", "geen adres");
        assertProblem(send(admin, "POST", "/api/admin/users", noEmail), 400, "email");
        assertProblem(send(admin, "POST", "/api/admin/users", "[]"), 400, null);
        assertThat(identity.createUserQuery().userId(id).count()).isZero();
        assertProblem(send(admin, "POST", "/api/admin/users", newUser("lead", PASSWORD, List.of())), 409, "id");
        assertProblem(admin.get("/api/admin/users?limit=0"), 400, "limit");
        assertProblem(admin.get("/api/admin/users/" + "y".repeat(5000)), 404, "id");
    }

    @Test
    void profilePasswordDeactivationAndDeletion() {
        Http admin = as("admin");
        String id = newId("piet");
        assertThat(send(admin, "POST", "/api/admin/users", newUser(id, PASSWORD, List.of("project-lead")))
                        .statusCode())
                .isEqualTo(201);
        String path = "/api/admin/users/" + id;

        HttpResponse<String> changed = send(
                admin,
                "PUT",
                path,
                Map.of(
                        "firstName",
                        "Piet",
                        "lastName",
                        "Nieuw",
                        "email",
                        "piet@gemeente.example",
                        "reason",
                        "Getrouwd"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(identity.createUserQuery().userId(id).singleResult().getLastName())
                .isEqualTo("Nieuw");
        assertThat(lastEvent("USER_UPDATED").path("after").path("lastName").asText())
                .isEqualTo("Nieuw");

        HttpResponse<String> deactivated = send(admin, "POST", path + "/deactivation", Map.of("reason", "Uit dienst"));
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(json(deactivated).path("deactivated").asBoolean()).isTrue();
        assertThat(json(deactivated).path("groups").size()).isZero();
        assertThat(Http.api(port).as(id, PASSWORD).get("/api/tasks").statusCode())
                .isEqualTo(401);
        assertProblem(send(admin, "PUT", path + "/groups/project-lead", Map.of("reason", "terug")), 409, null);
        assertThat(lastEvent("USER_DEACTIVATED").path("groupsRemoved").toString())
                .isEqualTo("[\"project-lead\"]");

        String second = "Groen-Kanaal-Lantaarn-9";
        assertProblem(
                send(admin, "POST", path + "/password", Map.of("password", "a", "reason", "terug")), 400, "password");
        HttpResponse<String> reset =
                send(admin, "POST", path + "/password", Map.of("password", second, "reason", "Terug in dienst"));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(json(reset).path("deactivated").asBoolean()).isFalse();
        assertThat(lastEvent("USER_PASSWORD_RESET").path("reactivated").asBoolean())
                .isTrue();
        Accounts.chooseOwnPassword(port, id, second, OWN);
        assertThat(Http.api(port).as(id, OWN).get("/api/tasks").statusCode()).isEqualTo(200);

        assertProblem(admin.send(admin.request(path).DELETE()), 400, "reason");
        HttpResponse<String> deleted = admin.send(
                admin.request(path + "?reason=" + URLEncoder.encode("Dubbel account", StandardCharsets.UTF_8))
                        .DELETE());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(identity.createUserQuery().userId(id).count()).isZero();
        assertProblem(admin.get(path), 404, "id");
        assertThat(lastEvent("USER_DELETED").path("reason").asText()).isEqualTo("Dubbel account");
    }

    @Test
    void groupsAreChangedByAnotherAdministratorOnlyAndRecorded() {
        Http admin = as("admin");
        String id = newId("wet");
        send(admin, "POST", "/api/admin/users", newUser(id, PASSWORD, List.of()));
        Accounts.chooseOwnPassword(port, id, PASSWORD, OWN);
        // Whoever set the password gives no power (ADR 0058): the second administrator does.
        Accounts.appointSecondAdministrator(identity);
        Http second = as(Accounts.SECOND_ADMINISTRATOR);

        HttpResponse<String> added =
                send(second, "PUT", "/api/admin/users/" + id + "/groups/alderman", Map.of("reason", "Benoemd"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(identity.createUserQuery()
                        .userId(id)
                        .memberOfGroup("alderman")
                        .count())
                .isEqualTo(1);
        JsonNode event = lastEvent("GROUP_MEMBER_ADDED");
        assertThat(event.path("group").asText()).isEqualTo("alderman");
        assertThat(event.path("administratorAndReviewer").asBoolean()).isFalse();

        // A third administrator, made by the second.
        assertThat(send(second, "PUT", "/api/admin/users/" + id + "/groups/admin", Map.of("reason", "Beheer erbij"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(lastEvent("GROUP_MEMBER_ADDED")
                        .path("administratorAndReviewer")
                        .asBoolean())
                .isTrue();
        assertThat(identity.createUserQuery()
                        .userId(id)
                        .memberOfGroup("camunda-admin")
                        .count())
                .isEqualTo(1);

        // Nobody adds themself to a group, not even an administrator to a reviewer group.
        Http self = Http.api(port).as(id, OWN);
        assertProblem(
                send(self, "PUT", "/api/admin/users/" + id + "/groups/privacy-officer", Map.of("reason", "Mag ik")),
                403,
                "groupId");
        assertProblem(
                send(as("admin"), "PUT", "/api/admin/users/admin/groups/alderman", Map.of("reason", "Mag ik")),
                403,
                "groupId");
        assertThat(identity.createUserQuery()
                        .userId("admin")
                        .memberOfGroup("alderman")
                        .count())
                .isZero();
        // Nor over the engine (AdministratorIsNoSuperuserTest has the rest).
        assertThat(send(self, "PUT", "/engine-rest/group/privacy-officer/members/" + id, null)
                        .statusCode())
                .isEqualTo(403);

        assertProblem(
                admin.send(admin.request("/api/admin/users/" + id + "/groups/manager?reason=x")
                        .DELETE()),
                404,
                "groupId");
        HttpResponse<String> removed = admin.send(admin.request("/api/admin/users/" + id + "/groups/admin?reason=Klaar")
                .DELETE());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(identity.createUserQuery()
                        .userId(id)
                        .memberOfGroup("camunda-admin")
                        .count())
                .isZero();
        assertThat(lastEvent("GROUP_MEMBER_REMOVED").path("target").asText()).isEqualTo(id);
    }

    @Test
    void aLockedAccountIsInTheNoticeUntilAnAdministratorUnlocksIt() {
        Http admin = as("admin");
        String id = newId("doel");
        send(admin, "POST", "/api/admin/users", newUser(id, PASSWORD, List.of("project-lead")));
        Accounts.chooseOwnPassword(port, id, PASSWORD, OWN);
        for (int i = 0; i < 5; i++) {
            assertThat(Http.api(port).as(id, "fout").get("/api/tasks").statusCode())
                    .isIn(401, 429);
        }
        JsonNode alerts = json(admin.get("/api/admin/login-alerts"));
        JsonNode alert = null;
        for (JsonNode a : alerts) {
            if (a.path("account").asText().equals(id)) {
                alert = a;
            }
        }
        assertThat(alert).as(alerts.toString()).isNotNull();
        assertThat(alert.path("locks").asInt()).isEqualTo(1);
        assertThat(alert.path("addresses").toString()).isNotEqualTo("[]");

        assertProblem(send(admin, "POST", "/api/admin/accounts/" + id + "/unlock", Map.of()), 400, "reason");
        HttpResponse<String> unlocked = send(
                admin, "POST", "/api/admin/accounts/" + id + "/unlock", Map.of("reason", "Gebeld met de wethouder"));
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(204);
        assertThat(admin.get("/api/admin/login-alerts").body()).doesNotContain("\"" + id + "\"");
        assertThat(Http.api(port).as(id, OWN).get("/api/tasks").statusCode()).isEqualTo(200);
        assertThat(lastEvent("ACCOUNT_UNLOCKED").path("reason").asText()).isEqualTo("Gebeld met de wethouder");
    }
}
