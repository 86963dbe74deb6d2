package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.identity.Groups;
import nl.waarborg.support.Accounts;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * ADR 0058 probed further, as a hostile administrator, a curious reviewer and a careless user: the engine's and
 * Camunda's webapps' identity APIs, Camunda's own credential API with a one-time password, broken and huge bodies,
 * CSRF and other paths to the change, the stuck-work reassignment and the system team, deactivation, deletion and
 * re-creation (also of a single sign-on id), a reset of a user who holds a gate task, and concurrent requests. Each
 * attack is refused and changes nothing.
 */
@WaarborgIntegrationTest
class PasswordSetterProbeTest extends SecondAdministratorScenario {

    static final String ONE_TIME = "Eenmalig-wachtwoord-58";
    static final String OWN = "Eigen-geheim-van-de-proef-58";

    /** An account the administrator creates with a one-time password. */
    private String createdBy(String administrator, String... groups) {
        String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = create(administrator, id, List.of(groups));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private HttpResponse<String> create(String administrator, String id, List<String> groups) {
        return post(
                administrator,
                "/api/admin/users",
                body(Map.of(
                        "id",
                        id,
                        "firstName",
                        "Pop",
                        "lastName",
                        "Pet",
                        "email",
                        id + "@example.org",
                        "password",
                        ONE_TIME,
                        "groups",
                        groups,
                        "reason",
                        "Nieuwe collega")));
    }

    /** An account the second administrator created, whose owner chose their own password, with these groups. */
    private String realColleague(String... powers) {
        String id = createdBy(SECOND, Groups.PROJECT_LEAD);
        Accounts.chooseOwnPassword(port, id, ONE_TIME, OWN);
        for (String power : powers) {
            HttpResponse<String> added = addGroup("admin", id, power);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        }
        return id;
    }

    private HttpResponse<String> addGroup(String administrator, String user, String group) {
        return as(administrator)
                .sendJson("PUT", "/api/admin/users/" + user + "/groups/" + group, "{\"reason\":\"Benoemd\"}");
    }

    private HttpResponse<String> reset(String user, String password) {
        return post(
                "admin",
                "/api/admin/users/" + user + "/password",
                body(Map.of("password", password, "reason", "Wachtwoord vergeten")));
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .sorted()
                .toList();
    }

    private boolean oneTime(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_account_password WHERE user_id = :id AND change_required = TRUE")
                        .param("id", user)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static HttpResponse<String> put(Http http, String path, String json) {
        return http.send(http.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    private static void assertRefused(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(400, 499);
    }

    @Test
    void theEngineApiGivesAPuppetNoGroupNoPasswordAndNoGrant() {
        String puppet = createdBy("admin", Groups.PROJECT_LEAD);
        Http admin = as("admin");
        List<String> groups = new ArrayList<>(AccountRules.POWERS);
        groups.add("camunda-admin");
        for (String group : groups) {
            HttpResponse<String> member =
                    admin.sendJson("PUT", "/engine-rest/group/" + group + "/members/" + puppet, null);
            // /engine-rest answers a refused command in Camunda's own JSON (type, message), not problem+json.
            assertStatus(member, 403);
        }
        assertStatus(
                put(
                        admin,
                        "/engine-rest/user/" + puppet + "/credentials",
                        "{\"password\":\"" + OWN + "\",\"authenticatedUserPassword\":\"demo\"}"),
                403);
        assertStatus(
                admin.postJson(
                        "/engine-rest/authorization/create",
                        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + puppet
                                + "\",\"resourceType\":7,\"resourceId\":\"*\"}"),
                403);
        assertStatus(
                admin.postJson(
                        "/engine-rest/user/create",
                        "{\"profile\":{\"id\":\"" + puppet + "-2\",\"firstName\":\"P\",\"lastName\":\"Q\","
                                + "\"email\":\"p@q.example\"},\"credentials\":{\"password\":\"" + OWN + "\"}}"),
                403);

        assertThat(groupsOf(puppet)).containsExactly(Groups.PROJECT_LEAD);
        assertThat(identity.checkPassword(puppet, ONE_TIME)).isTrue();
        assertThat(identity.createUserQuery().userId(puppet + "-2").count()).isZero();
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .userIdIn(puppet)
                        .resourceType(Resources.TASK)
                        .count())
                .isZero();

        // Camunda's webapps call the same API in a session: also closed.
        Http browser = Http.browser(port);
        assertThat(browser.formLogin("admin", "demo").statusCode()).isEqualTo(302);
        HttpResponse<String> app = browser.get("/camunda/app/tasklist/default/", "text/html");
        String xsrf = app.headers().firstValue("X-XSRF-TOKEN").orElse("");
        HttpResponse<String> webapp = browser.send(
                browser.request("/camunda/api/engine/engine/default/group/" + Groups.ALDERMAN + "/members/" + puppet)
                        .header("X-XSRF-TOKEN", xsrf)
                        .header("Accept", "application/json")
                        .PUT(HttpRequest.BodyPublishers.noBody()));
        assertRefused(webapp, "webapp membership");
        assertThat(groupsOf(puppet)).containsExactly(Groups.PROJECT_LEAD);
    }

    @Test
    void aOneTimePasswordChangesNothingThroughCamundasCredentialApi() {
        String id = createdBy("admin", Groups.PROJECT_LEAD);
        Http basic = Http.api(port).as(id, ONE_TIME);
        String credentials = "{\"password\":\"" + OWN + "\",\"authenticatedUserPassword\":\"" + ONE_TIME + "\"}";
        assertProblem(put(basic, "/engine-rest/user/" + id + "/credentials", credentials), 403, null);
        assertProblem(
                put(basic, "/engine-rest/user/" + id + "/profile", "{\"id\":\"" + id + "\",\"firstName\":\"X\"}"),
                403,
                null);
        assertProblem(
                basic.postJson("/engine-rest/identity/verify", "{\"username\":\"" + id + "\",\"password\":\"x\"}"),
                403,
                null);

        // In a session, through Camunda's webapp API and /engine-rest alike.
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(id, ONE_TIME).statusCode()).isEqualTo(302);
        assertProblem(
                put(browser, "/camunda/api/engine/engine/default/user/" + id + "/credentials", credentials), 403, null);
        assertRefused(put(browser, "/engine-rest/user/" + id + "/credentials", credentials), "session engine-rest");

        assertThat(identity.checkPassword(id, ONE_TIME)).isTrue();
        assertThat(identity.checkPassword(id, OWN)).isFalse();
        assertThat(oneTime(id)).isTrue();
    }

    @Test
    void theOwnPasswordChangeRefusesBrokenBodiesControlCharactersAndHugeInputs() {
        String id = createdBy("admin", Groups.PROJECT_LEAD);
        Http user = Http.api(port).as(id, ONE_TIME);
        for (String broken : List.of("", "niet-json", "[]", "{\"currentPassword\":", "null")) {
            assertRefused(user.postJson("/api/me/password", broken), "body " + broken);
        }
        HttpResponse<String> text = user.send(user.request("/api/me/password")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(ONE_TIME + " " + OWN)));
        assertRefused(text, "text/plain");
        HttpResponse<String> control = user.postJson(
                "/api/me/password",
                body(Map.of("currentPassword", ONE_TIME, "newPassword", "Geheim-met-belletje-\u0007-58")));
        assertProblem(control, 400, "newPassword");
        HttpResponse<String> huge = user.postJson(
                "/api/me/password", body(Map.of("currentPassword", ONE_TIME, "newPassword", "x".repeat(2_000_000))));
        // Longer than anyone can type or send in an HTTP Basic header: the owner would lock themself out.
        assertProblem(huge, 400, "password");

        assertThat(identity.checkPassword(id, ONE_TIME)).isTrue();
        assertThat(oneTime(id)).isTrue();
        assertProblem(user.get("/api/tasks"), 403, null);
    }

    @Test
    void theChangeNeedsCsrfInASessionAndOpensOnlyOnItsOwnPath() {
        String id = createdBy("admin", Groups.PROJECT_LEAD);
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(id, ONE_TIME).statusCode()).isEqualTo(302);
        String form = Http.form("currentPassword", ONE_TIME, "newPassword", OWN, "repeatPassword", OWN);
        assertThat(browser.postForm("/wachtwoord", form).statusCode()).isEqualTo(403);
        assertThat(browser.postJson("/api/me/password", body(Map.of("currentPassword", ONE_TIME, "newPassword", OWN)))
                        .statusCode())
                .isEqualTo(403);

        Http basic = Http.api(port).as(id, ONE_TIME);
        for (String path : List.of(
                "/api/me/password/", "/api/me//password", "/API/me/password", "/api/me/password.json", "/api/me/")) {
            HttpResponse<String> other =
                    basic.postJson(path, body(Map.of("currentPassword", ONE_TIME, "newPassword", OWN)));
            // Refused (4xx), or sent to the page where the change is made (302).
            assertThat(other.statusCode()).as("POST " + path).isGreaterThanOrEqualTo(300);
        }
        assertRefused(basic.get("/api/me/password"), "GET");
        assertProblem(basic.get("/actuator/info"), 403, null);

        assertThat(identity.checkPassword(id, ONE_TIME)).isTrue();
        assertThat(oneTime(id)).isTrue();
    }

    @Test
    void aResetReleasesTheClaimedGateAndTheResetterCannotHandItBack() {
        String officer = realColleague(Groups.PRIVACY_OFFICER);
        String systemId = systemAt("Vrijgegeven poort", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        engine.getTaskService().claim(gate.getId(), officer);

        HttpResponse<String> reset = reset(officer, ONE_TIME);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
        assertThat(groupsOf(officer)).containsExactly(Groups.PROJECT_LEAD);

        String assignee = "/api/admin/work/tasks/" + gate.getId() + "/assignee";
        assertProblem(
                post("admin", assignee, body(Map.of("assignee", officer, "reason", "Terug naar de eigenaar"))),
                400,
                "assignee");
        assertProblem(addGroup("admin", officer, Groups.PRIVACY_OFFICER), 403, "groupId");
        // The one-time password decides nothing, even if the gate were still held.
        assertProblem(
                Http.api(port)
                        .as(officer, ONE_TIME)
                        .postJson("/engine-rest/task/" + gate.getId() + "/claim", "{\"userId\":\"" + officer + "\"}"),
                403,
                null);
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
        assertThat(audited(systemId, AuditAction.TASK_REASSIGNED)).isEmpty();
    }

    @Test
    void aPuppetGetsNoGateThroughStuckWorkOrTheTeam() {
        String puppet = createdBy("admin", Groups.PROJECT_LEAD);
        Accounts.chooseOwnPassword(port, puppet, ONE_TIME, OWN);
        String systemId = systemAt("Poppenkast", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        // The administrator may name a co-author (content work, ADR 0041) but that is no way to a gate.
        HttpResponse<String> team = post("admin", "/api/systems/" + systemId + "/co-authors/" + puppet, "{}");
        assertThat(team.statusCode()).as(team.body()).isEqualTo(200);
        String assignee = "/api/admin/work/tasks/" + gate.getId() + "/assignee";
        for (String user : List.of(puppet, " " + puppet + " ", puppet.toUpperCase(java.util.Locale.ROOT))) {
            assertProblem(
                    post("admin", assignee, body(Map.of("assignee", user, "reason", "Even invallen"))),
                    400,
                    "assignee");
        }
        assertRefused(
                Http.api(port)
                        .as(puppet, OWN)
                        .postJson("/engine-rest/task/" + gate.getId() + "/claim", "{\"userId\":\"" + puppet + "\"}"),
                "claim");
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
        assertThat(groupsOf(puppet)).containsExactly(Groups.PROJECT_LEAD);
    }

    @Test
    void deactivateThenResetGivesNoPowerBack() {
        String alderman = realColleague(Groups.ALDERMAN);
        HttpResponse<String> deactivated =
                post("admin", "/api/admin/users/" + alderman + "/deactivation", "{\"reason\":\"Met verlof\"}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(reset(alderman, ONE_TIME).statusCode()).isEqualTo(200);
        assertThat(groupsOf(alderman)).isEmpty();
        assertProblem(addGroup("admin", alderman, Groups.ALDERMAN), 403, "groupId");
        assertProblem(Http.api(port).as(alderman, ONE_TIME).get("/api/tasks"), 403, null);
        assertThat(oneTime(alderman)).isTrue();
    }

    @Test
    void deleteThenRecreateTheSameIdGivesNoPowerBack() {
        String alderman = realColleague(Groups.ALDERMAN);
        HttpResponse<String> deleted =
                as("admin").sendJson("DELETE", "/api/admin/users/" + alderman + "?reason=Vertrokken", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        // Since V13_27 a deleted account's id is not given again at all (ADR 0019), which gives even less back.
        assertProblem(create("admin", alderman, List.of(Groups.PROJECT_LEAD)), 409, "id");
        assertThat(identity.createUserQuery().userId(alderman).count()).isZero();
        // An id that came back through single sign-on (ADR 0019's one way back) is deleted again without a conflict.
        User back = identity.newUser(alderman);
        DemoUsers.saveWithDemoPassword(identity, back);
        HttpResponse<String> again =
                as("admin").sendJson("DELETE", "/api/admin/users/" + alderman + "?reason=Weer%20weg", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_retired_user_id WHERE user_id = :id")
                        .param("id", alderman)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aSingleSignOnIdIsNotRecreatedAsALocalAccountWithAPasswordTheAdministratorKnows() {
        String id = "sso-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("Wies");
        user.setLastName("Wethouder");
        user.setEmail(id + "@example.org");
        DemoUsers.saveWithDemoPassword(identity, user);
        identity.createMembership(id, Groups.ALDERMAN);
        jdbc.sql("INSERT INTO wb_sso_account (user_id, issuer, subject, created_at) VALUES (:id, 'https://idp.example',"
                        + " :id, CURRENT_TIMESTAMP)")
                .param("id", id)
                .update();
        try {
            HttpResponse<String> deleted =
                    as("admin").sendJson("DELETE", "/api/admin/users/" + id + "?reason=Opnieuw%20aanmaken", null);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            // The provider would give the id its groups again at the person's next login: a local password the
            // administrator knows would then open them.
            assertProblem(create("admin", id, List.of(Groups.PROJECT_LEAD)), 409, "id");
            assertThat(identity.createUserQuery().userId(id).count()).isZero();
        } finally {
            jdbc.sql("DELETE FROM wb_sso_account WHERE user_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM wb_account_password WHERE user_id = :id")
                    .param("id", id)
                    .update();
            if (identity.createUserQuery().userId(id).count() > 0) {
                identity.deleteUser(id);
            }
        }
    }

    @Test
    void concurrentGrantsOfPowerToAPuppetAreAllRefused() throws Exception {
        String puppet = createdBy("admin", Groups.PROJECT_LEAD);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                for (String power : AccountRules.POWERS) {
                    calls.add(() -> addGroup("admin", puppet, power));
                }
            }
            for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
                assertProblem(result.get(), 403, "groupId");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(groupsOf(puppet)).containsExactly(Groups.PROJECT_LEAD);
    }

    @Test
    void theSetterLoggedInUnderAnotherSpellingOfTheirIdIsNoOtherAdministrator() {
        String puppet = createdBy("admin", Groups.PROJECT_LEAD);
        // Three wrong logins, below the test settings' lock of the account (5); the count is forgotten below.
        for (String alias : List.of("ADMIN", "Admin", " admin")) {
            HttpResponse<String> grant = Http.api(port)
                    .as(alias, "demo")
                    .sendJson(
                            "PUT",
                            "/api/admin/users/" + puppet + "/groups/" + Groups.ALDERMAN,
                            "{\"reason\":\"Benoemd\"}");
            assertProblem(grant, 401, null);
        }
        jdbc.sql("DELETE FROM wb_login_failure WHERE throttle_key = 'account:admin'")
                .update();
        assertThat(groupsOf(puppet)).containsExactly(Groups.PROJECT_LEAD);
    }

    @Test
    void twoConcurrentChangesReplaceTheOneTimePasswordOnce() throws Exception {
        String id = createdBy("admin", Groups.PROJECT_LEAD);
        List<String> choices = List.of(OWN + "-a", OWN + "-b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (String choice : choices) {
                calls.add(() -> Http.api(port)
                        .as(id, ONE_TIME)
                        .postJson(
                                "/api/me/password", body(Map.of("currentPassword", ONE_TIME, "newPassword", choice))));
            }
            for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
                responses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).anyMatch(r -> r.statusCode() == 204);
        assertThat(responses)
                .allMatch(r -> r.statusCode() == 204
                        || r.statusCode() == 400
                        || r.statusCode() == 401
                        || r.statusCode() == 409);
        assertThat(identity.checkPassword(id, ONE_TIME)).isFalse();
        assertThat(choices.stream().filter(c -> identity.checkPassword(id, c))).hasSize(1);
        assertThat(oneTime(id)).isFalse();
    }

    @Test
    void theBeheerPagesRefuseTheOwnResetAndAGrantWithoutCsrf() {
        String puppet = createdBy("admin", Groups.PROJECT_LEAD);
        Http admin = Http.browser(port);
        assertThat(admin.formLogin("admin", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(admin.get("/beheer/gebruikers/admin").body());
        admin.postForm(
                "/beheer/gebruikers/admin/wachtwoord",
                Http.form("password", OWN, "reason", "Zelf gedaan", "_csrf", csrf));
        assertThat(identity.checkPassword("admin", "demo")).isTrue();
        assertThat(oneTime("admin")).isFalse();

        HttpResponse<String> forged = admin.postForm(
                "/beheer/gebruikers/" + puppet + "/groepen", Http.form("group", Groups.PROJECT_LEAD, "reason", "Vals"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> power = admin.postForm(
                "/beheer/gebruikers/" + puppet + "/groepen",
                Http.form("group", Groups.MAYOR, "reason", "Toch proberen", "_csrf", csrf));
        assertThat(power.statusCode()).isEqualTo(302);
        assertThat(groupsOf(puppet)).containsExactly(Groups.PROJECT_LEAD);
    }
}
