package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every /api endpoint against every group: allowed (the endpoint's own answer) or 403 problem+json.
 * "lead" owns the system; "lead2" is a project lead who does not.
 */
@WaarborgIntegrationTest
class AuthorizationMatrixTest {

    static final List<String> USERS = List.of("lead", "lead2", "fg", "ethics", "alderman", "manager", "admin");

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @Autowired
    IdentityService identity;

    String systemId;
    String assessmentId;

    @BeforeEach
    void setUp() {
        if (identity.createUserQuery().userId("lead2").count() == 0) {
            User user = identity.newUser("lead2");
            DemoUsers.saveWithDemoPassword(identity, user);
            identity.createMembership("lead2", "project-lead");
        }
        SystemRecord system = systems.register("Matrix-systeem", "Voor de autorisatietest", "Burgerzaken", "lead");
        systemId = system.id();
        assessmentId = assessments
                .openVersion(systemId, AssessmentType.DPIA, 1, null, "lead")
                .assessmentId();
    }

    record Call(String method, String path, String body, List<String> allowed) {}

    @Test
    void everyEndpointAnswersEveryGroupAsDesigned() {
        List<String> everyone = USERS;
        List<String> owners = List.of("lead", "admin");
        List<String> leads = List.of("lead", "lead2", "admin");
        List<String> oversight = List.of("manager", "admin");
        // A system's own team and the roles that read every system (SystemAccess), not another team's project lead: the
        // system, its assessments with every version, save, diff and export, its team, and its register entry and EU
        // registration as they are being prepared (ADR 0048). The published register entries are everyone's.
        List<String> readers = List.of("lead", "fg", "ethics", "alderman", "manager", "admin");
        String versions = "/api/assessments/" + assessmentId + "/versions/1";
        List<Call> calls = List.of(
                new Call("GET", "/api/systems", null, everyone),
                new Call("POST", "/api/systems", "{\"name\":\"X\",\"department\":\"Y\"}", leads),
                new Call("GET", "/api/systems/" + systemId, null, readers),
                new Call(
                        "POST",
                        "/api/systems/" + systemId + "/triggers",
                        "{\"type\":\"INCIDENT\",\"description\":\"x\"}",
                        owners),
                new Call("POST", "/api/systems/" + systemId + "/retirement", "{}", owners),
                new Call("GET", "/api/assessments/" + assessmentId, null, readers),
                new Call("GET", versions, null, readers),
                new Call("GET", versions + "/export?format=json", null, readers),
                new Call("GET", versions + "/export?format=pdf", null, readers),
                new Call("GET", versions + "/saves", null, readers),
                new Call("GET", "/api/assessments/" + assessmentId + "/diff?from=1&to=1", null, readers),
                new Call("PUT", versions + "/sections/dpia-section-a", "{\"proposal\":\"tekst\"}", owners),
                new Call("GET", "/api/oversight/blocked", null, oversight),
                new Call("GET", "/api/oversight/statistics", null, oversight),
                new Call("GET", "/api/audit?systemId=" + systemId, null, oversight),
                new Call("GET", "/api/audit/verify", null, oversight),
                new Call("GET", "/api/tasks", null, everyone),
                // One's own draft of a task (ADR 0045): no group is refused as such; the task decides
                // (TaskDraftApiTest).
                new Call("GET", "/api/tasks/no-such-task/draft", null, everyone),
                new Call("PUT", "/api/tasks/no-such-task/draft", "{}", everyone),
                new Call("DELETE", "/api/tasks/no-such-task/draft", null, everyone),
                new Call("GET", "/api/systems/" + systemId + "/team", null, readers),
                new Call("POST", "/api/systems/" + systemId + "/co-authors/lead2", "", owners),
                new Call("DELETE", "/api/systems/" + systemId + "/co-authors/lead2", null, owners),
                new Call("GET", "/api/admin/users", null, List.of("admin")),
                new Call("GET", "/api/admin/users/lead", null, List.of("admin")),
                new Call("GET", "/api/admin/groups", null, List.of("admin")),
                new Call("GET", "/api/admin/login-alerts", null, List.of("admin")),
                new Call("GET", "/api/admin/locked-addresses", null, List.of("admin")),
                new Call("GET", "/api/admin/mail-outbox", null, List.of("admin")),
                new Call("GET", "/api/me/notification-settings", null, everyone),
                new Call("POST", "/api/admin/accounts/lead/unlock", "{\"reason\":\"Matrix\"}", List.of("admin")),
                // An address that is not locked (a documentation address): 404 for the administrator, 403 before that.
                new Call(
                        "POST",
                        "/api/admin/locked-addresses/192.0.2.1/unlock",
                        "{\"reason\":\"Matrix\"}",
                        List.of("admin")),
                // The Algoritmeregister entry and the EU-database registration (ADR 0034): a system without category
                // has neither (409), but who is refused (403) before that is what this matrix checks.
                new Call("GET", "/api/systems/" + systemId + "/register-entry", null, readers),
                new Call("GET", "/api/systems/" + systemId + "/register-entry/versions", null, readers),
                new Call("PUT", "/api/systems/" + systemId + "/register-entry", "{}", owners),
                new Call("POST", "/api/systems/" + systemId + "/register-entry/approval", "{}", List.of("fg")),
                new Call("GET", "/api/register-entries", null, everyone),
                new Call("GET", "/api/register-entries?format=csv", null, everyone),
                new Call("GET", "/api/systems/" + systemId + "/eu-registration", null, readers),
                new Call("GET", "/api/systems/" + systemId + "/eu-registration/versions", null, readers),
                new Call("PUT", "/api/systems/" + systemId + "/eu-registration", "{}", owners),
                new Call(
                        "POST",
                        "/api/systems/" + systemId + "/eu-registration/reference",
                        "{\"reference_number\":\"EU-1\"}",
                        owners));

        Map<String, String> mismatches = new LinkedHashMap<>();
        for (Call call : calls) {
            for (String user : USERS) {
                HttpResponse<String> response = send(Http.api(port).as(user, "demo"), call);
                boolean allowed = call.allowed().contains(user);
                int status = response.statusCode();
                boolean ok = allowed
                        ? status != 403 && status != 401 && status < 500
                        : status == 403
                                && response.headers()
                                        .firstValue("Content-Type")
                                        .orElse("")
                                        .equals("application/problem+json");
                if (!ok) {
                    mismatches.put(call.method() + " " + call.path() + " as " + user, status + " " + response.body());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void withoutCredentialsEveryEndpointIs401() {
        List<String> paths = new ArrayList<>(List.of(
                "/api/systems",
                "/api/systems/" + systemId,
                "/api/assessments/" + assessmentId,
                "/api/assessments/" + assessmentId + "/versions/1",
                "/api/assessments/" + assessmentId + "/versions/1/export?format=pdf",
                "/api/systems/" + systemId + "/team",
                "/api/oversight/blocked",
                "/api/audit/verify",
                "/api/tasks",
                "/api/tasks/no-such-task/draft",
                "/api/register-entries",
                "/api/systems/" + systemId + "/register-entry",
                "/api/systems/" + systemId + "/eu-registration",
                "/api/systems/" + systemId + "/eu-registration/versions"));
        for (String path : paths) {
            assertThat(Http.api(port).get(path).statusCode()).as(path).isEqualTo(401);
        }
    }

    private static HttpResponse<String> send(Http http, Call call) {
        HttpRequest.Builder builder = http.request(call.path()).header("Accept", "application/json");
        if (call.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        return http.send(builder.method(call.method(), body));
    }
}
