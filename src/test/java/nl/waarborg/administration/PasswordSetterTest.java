package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.identity.Groups;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * ADR 0058, attacked as a hostile administrator: whoever sets a local account's password (creating it or resetting
 * it) gives it no group with power, a reset takes such groups away, and a password an administrator set opens
 * nothing but the change to one of the owner's own, on every path (pages, /api, /engine-rest, Camunda's webapps).
 */
@WaarborgIntegrationTest
class PasswordSetterTest extends SecondAdministratorScenario {

    static final String ONE_TIME = "Eenmalig-wachtwoord-42";
    static final String OWN = "Mijn-eigen-geheim-2026";

    private String createdByAdmin(String... groups) {
        String id = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post(
                "admin",
                "/api/admin/users",
                body(java.util.Map.of(
                        "id",
                        id,
                        "firstName",
                        "Pim",
                        "lastName",
                        "Proef",
                        "email",
                        id + "@example.org",
                        "password",
                        ONE_TIME,
                        "groups",
                        List.of(groups),
                        "reason",
                        "Nieuwe collega")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private HttpResponse<String> addGroup(String administrator, String user, String group) {
        return as(administrator)
                .sendJson(
                        "PUT", "/api/admin/users/" + user + "/groups/" + group, "{\"reason\":\"Benoemd per besluit\"}");
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .filter(Groups.ALL::contains)
                .sorted()
                .toList();
    }

    private static com.fasterxml.jackson.databind.JsonNode details(nl.waarborg.audit.AuditTrail.AuditEvent event) {
        try {
            return JSON.readTree(event.details());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> changeOwn(String user, String current, String fresh) {
        return Http.api(port)
                .as(user, current)
                .postJson("/api/me/password", body(java.util.Map.of("currentPassword", current, "newPassword", fresh)));
    }

    @Test
    void theCreatorGivesNoGroupWithPowerNeitherAtCreationNorLater() {
        for (String power : AccountRules.POWERS) {
            String id = "pw-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> refused = post(
                    "admin",
                    "/api/admin/users",
                    body(java.util.Map.of(
                            "id", id,
                            "firstName", "Pim",
                            "lastName", "Proef",
                            "email", "pim@example.org",
                            "password", ONE_TIME,
                            "groups", List.of(Groups.PROJECT_LEAD, power),
                            "reason", "Nieuwe collega")));
            assertProblem(refused, 403, "groupId");
            assertThat(identity.createUserQuery().userId(id).count()).as(power).isZero();
        }

        String id = createdByAdmin(Groups.PROJECT_LEAD);
        assertThat(json(as("admin").get("/api/admin/users/" + id))
                        .path("passwordSetBy")
                        .asText())
                .isEqualTo("admin");
        for (String power : AccountRules.POWERS) {
            assertProblem(addGroup("admin", id, power), 403, "groupId");
        }
        assertThat(groupsOf(id)).containsExactly(Groups.PROJECT_LEAD);
        assertThat(addGroup("admin", id, Groups.MANAGER).statusCode()).isEqualTo(200);

        // The owner's own password does not make the creator forget theirs: still another administrator gives power.
        assertThat(changeOwn(id, ONE_TIME, OWN).statusCode()).isEqualTo(204);
        assertProblem(addGroup("admin", id, Groups.ALDERMAN), 403, "groupId");
        assertThat(addGroup(SECOND, id, Groups.ALDERMAN).statusCode()).isEqualTo(200);
        assertThat(groupsOf(id)).contains(Groups.ALDERMAN);
    }

    @Test
    void aOneTimePasswordOpensNothingButTheChangeOnAnyPath() {
        String id = createdByAdmin(Groups.PROJECT_LEAD);
        Http api = Http.api(port).as(id, ONE_TIME);
        for (String path : List.of("/api/tasks", "/api/systems", "/engine-rest/task", "/engine-rest/user")) {
            assertProblem(api.get(path), 403, null);
        }
        assertProblem(api.postJson("/api/systems", "{\"name\":\"Sluiproute\"}"), 403, null);

        Http browser = Http.browser(port);
        assertThat(browser.formLogin(id, ONE_TIME).statusCode()).isEqualTo(302);
        for (String page : List.of("/", "/taken", "/systemen", "/camunda/app/tasklist/default/")) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(page)
                    .endsWith("/wachtwoord");
        }
        HttpResponse<String> form = browser.get("/wachtwoord");
        assertThat(form.body()).contains("Een beheerder heeft uw wachtwoord ingesteld");

        String csrf = Http.csrfTokenFrom(form.body());
        HttpResponse<String> mismatch = browser.postForm(
                "/wachtwoord",
                Http.form("currentPassword", ONE_TIME, "newPassword", OWN, "repeatPassword", OWN + "x", "_csrf", csrf));
        assertThat(mismatch.body()).contains("De twee nieuwe wachtwoorden zijn niet gelijk");
        HttpResponse<String> wrong = browser.postForm(
                "/wachtwoord",
                Http.form(
                        "currentPassword",
                        "geraden-wachtwoord-1",
                        "newPassword",
                        OWN,
                        "repeatPassword",
                        OWN,
                        "_csrf",
                        csrf));
        assertThat(wrong.body()).contains("Dit is niet uw huidige wachtwoord");
        assertThat(browser.get("/taken").statusCode()).isEqualTo(302);

        HttpResponse<String> done = browser.postForm(
                "/wachtwoord",
                Http.form("currentPassword", ONE_TIME, "newPassword", OWN, "repeatPassword", OWN, "_csrf", csrf));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(browser.get("/taken").statusCode()).isEqualTo(200);
        assertThat(Http.api(port).as(id, OWN).get("/api/tasks").statusCode()).isEqualTo(200);
        assertThat(Http.api(port).as(id, ONE_TIME).get("/api/tasks").statusCode())
                .isEqualTo(401);

        assertThat(audit.recent(AuditAction.PASSWORD_CHANGED, 50).stream()
                        .filter(e -> id.equals(e.userId()))
                        .map(e -> details(e).path("replacedOneTimePassword").asBoolean()))
                .containsExactly(true);
        assertThat(json(as("admin").get("/api/admin/users/" + id))
                        .path("passwordChangeRequired")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theOwnPasswordChangeRefusesAWrongCurrentOneTheSameOneAndAWeakOne() {
        String id = createdByAdmin(Groups.PROJECT_LEAD);
        assertProblem(changeOwn(id, ONE_TIME, ONE_TIME), 400, "newPassword");
        assertProblem(changeOwn(id, ONE_TIME, "kort"), 400, "password");
        HttpResponse<String> wrongCurrent = Http.api(port)
                .as(id, ONE_TIME)
                .postJson(
                        "/api/me/password",
                        "{\"currentPassword\":\"niet-het-goede-1\",\"newPassword\":\"" + OWN + "\"}");
        assertProblem(wrongCurrent, 400, "currentPassword");
        assertProblem(Http.api(port).as(id, ONE_TIME).postJson("/api/me/password", "{}"), 400, "currentPassword");
        // Still one-time: nothing else opens.
        assertProblem(Http.api(port).as(id, ONE_TIME).get("/api/tasks"), 403, null);
    }

    @Test
    void aResetTakesTheGroupsWithPowerAwayAndOnlyAnotherAdministratorGivesThemBack() {
        String id = createdByAdmin(Groups.PROJECT_LEAD);
        assertThat(changeOwn(id, ONE_TIME, OWN).statusCode()).isEqualTo(204);
        assertThat(addGroup(SECOND, id, Groups.ALDERMAN).statusCode()).isEqualTo(200);
        assertThat(addGroup(SECOND, id, Groups.PRIVACY_OFFICER).statusCode()).isEqualTo(200);

        // The alderman "forgot" the password: the administrator who resets it now knows one.
        HttpResponse<String> reset = post(
                "admin",
                "/api/admin/users/" + id + "/password",
                "{\"password\":\"Nog-een-eenmalig-1\",\"reason\":\"Wachtwoord vergeten\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(groupsOf(id)).containsExactly(Groups.PROJECT_LEAD);
        assertThat(json(reset).path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(audit.recent(AuditAction.USER_PASSWORD_RESET, 50).stream()
                        .filter(e -> id.equals(details(e).path("target").asText()))
                        .map(e -> details(e).path("groupsRemoved").toString()))
                .containsExactly("[\"" + Groups.ALDERMAN + "\",\"" + Groups.PRIVACY_OFFICER + "\"]");
        assertProblem(addGroup("admin", id, Groups.ALDERMAN), 403, "groupId");
        assertThat(groupsOf(id)).containsExactly(Groups.PROJECT_LEAD);
        assertThat(addGroup(SECOND, id, Groups.ALDERMAN).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherAdministratorsPasswordResetTakesTheirAdministrationAway() {
        HttpResponse<String> reset = post(
                "admin",
                "/api/admin/users/" + SECOND + "/password",
                "{\"password\":\"Nog-een-eenmalig-2\",\"reason\":\"Wachtwoord vergeten\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(groupsOf(SECOND)).isEmpty();
        assertProblem(addGroup("admin", SECOND, Groups.ADMIN), 403, "groupId");
        // The one administrator left cannot lose it the same way: there is nobody else to reset it, and not oneself.
        assertProblem(
                post("admin", "/api/admin/users/admin/password", "{\"password\":\"" + OWN + "\",\"reason\":\"Zelf\"}"),
                403,
                "id");
        assertThat(groupsOf("admin")).contains(Groups.ADMIN);
    }

    @Test
    void aSingleSignOnUsersPasswordIsNotSetHere() {
        String id = createdByAdmin(Groups.PROJECT_LEAD);
        jdbc.sql("INSERT INTO wb_sso_account (user_id, issuer, subject, created_at) VALUES (:id, 'https://idp.example',"
                        + " :id, CURRENT_TIMESTAMP)")
                .param("id", id)
                .update();
        try {
            assertProblem(
                    post(
                            "admin",
                            "/api/admin/users/" + id + "/password",
                            "{\"password\":\"Nog-een-eenmalig-3\",\"reason\":\"Tweede ingang\"}"),
                    409,
                    "id");
        } finally {
            jdbc.sql("DELETE FROM wb_sso_account WHERE user_id = :id")
                    .param("id", id)
                    .update();
        }
    }

    @Test
    void theBeheerPagesOfferTheCreatorNoGroupWithPower() {
        Http admin = Http.browser(port);
        assertThat(admin.formLogin("admin", "demo").statusCode()).isEqualTo(302);
        String page = admin.get("/beheer/gebruikers/nieuw").body();
        assertThat(page)
                .contains("value=\"" + Groups.PROJECT_LEAD + "\"")
                .doesNotContain("value=\"" + Groups.ALDERMAN + "\"");
        String id = createdByAdmin(Groups.PROJECT_LEAD);
        String user = admin.get("/beheer/gebruikers/" + id).body();
        assertThat(user)
                .contains("Eenmalig wachtwoord")
                .contains("U hebt het wachtwoord van deze gebruiker ingesteld")
                .doesNotContain("<option value=\"" + Groups.ALDERMAN + "\"");
        String csrf = Http.csrfTokenFrom(user);
        HttpResponse<String> forced = admin.postForm(
                "/beheer/gebruikers/" + id + "/groepen",
                Http.form("group", Groups.ALDERMAN, "reason", "Toch proberen", "_csrf", csrf));
        assertThat(admin.follow(forced.headers().firstValue("Location").orElse("/beheer/gebruikers/" + id))
                        .body())
                .contains("U hebt het wachtwoord van deze gebruiker ingesteld. Een groep met bevoegdheden");
        assertThat(groupsOf(id)).containsExactly(Groups.PROJECT_LEAD);
    }
}
