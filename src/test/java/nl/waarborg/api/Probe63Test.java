package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;

/**
 * Probe 63 from outside: engine API corners the earlier probes did not try (errors and escalations thrown at a gate,
 * suspension by definition id and of job definitions, tenants, an authorization updated in place, history cleanup,
 * annotations on the engine's operation log, attachments and comments of a gate written by someone who may not work
 * it), reads of a gate by someone who left its group, and the session at login. Each test asserts the safe outcome.
 */
@WaarborgIntegrationTest
class Probe63Test extends GuardScenario {

    @org.springframework.beans.factory.annotation.Autowired
    nl.waarborg.task.TaskWork tasks;

    private static final String SECRET_COMMENT = "Vertrouwelijke motivatie van de FG 63";

    /** A user of these groups with the demo password (created once per context). */
    private void user(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("Probe");
            user.setLastName(id);
            DemoUsers.saveWithDemoPassword(identity, user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    private static boolean refusedOrEmpty(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            return true;
        }
        String body = response.body() == null ? "" : response.body().trim();
        return status == 200 && (body.equals("[]") || body.equals("{\"count\":0}"));
    }

    /** A multipart body for /task/{id}/attachment/create. */
    private HttpResponse<String> attach(String user, String taskId) {
        String boundary = "----probe63";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"attachment-name\"\r\n\r\nBesluit FG.pdf\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"attachment-description\"\r\nContent-Type: text/plain\r\n\r\n"
                + "Het echte advies staat hier\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"attachment-type\"\r\n\r\napplication/pdf\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"url\"\r\n\r\nhttps://evil.example.org/advies.pdf\r\n"
                + "--" + boundary + "--\r\n";
        return api(user)
                .send(api(user)
                        .request("/engine-rest/task/" + taskId + "/attachment/create")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * ADR 0057 gives a gate that a reviewer held back to the group when the reviewer leaves it, and ADR 0054 keeps a gate
     * within its group. But the engine gave the reviewer a per-user grant on the task when they claimed it (READ and
     * UPDATE), and a release leaves that grant in place (TeamTaskSync removes it for a team's task; nothing does for a
     * gate). A privacy officer who moves to another role (here: project lead) must read nothing of the advice they
     * held: not the task, not its form values (the content under review), not the gate's page; nor write into it.
     */
    @Test
    void aReviewerWhoLeftTheGroupReadsAndWritesNothingOfTheGateTheyHeld() {
        user("fg63", "privacy-officer", "project-lead");
        RunningIama iama = atPrivacyOfficer("Oud-FG leest mee 63");
        String task = "/engine-rest/task/" + iama.gateTaskId();
        // Before: the reviewer claims the advice, and reads it.
        assertThat(send("fg63", "POST", task + "/claim", "{\"userId\":\"fg63\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("fg63", "GET", task + "/form-variables", null).statusCode())
                .isEqualTo(200);
        // A Tasklist session opened while still a privacy officer.
        Http tasklist = Http.browser(port);
        String xsrf = tasklistLogin(tasklist, "fg63");

        HttpResponse<String> removed = api("admin")
                .sendJson("DELETE", "/api/admin/users/fg63/groups/privacy-officer?reason=Andere%20rol%2063", null);
        assertThat(removed.statusCode()).as(removed.body()).isBetween(200, 204);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(iama.gateTaskId())
                        .singleResult()
                        .getAssignee())
                .as("ADR 0057: the gate went back to the group")
                .isNull();

        List<String> leaks = new ArrayList<>();
        Map<String, HttpResponse<String>> reads = new LinkedHashMap<>();
        reads.put("GET " + task, send("fg63", "GET", task, null));
        reads.put("GET " + task + "/form-variables", send("fg63", "GET", task + "/form-variables", null));
        reads.put("GET " + task + "/variables", send("fg63", "GET", task + "/variables", null));
        reads.put(
                "GET /engine-rest/task?processInstanceId=",
                send("fg63", "GET", "/engine-rest/task?processInstanceId=" + iama.iamaId(), null));
        reads.put("GET /api/tasks/{gate}", send("fg63", "GET", "/api/tasks/" + iama.gateTaskId(), null));
        reads.put(
                "Tasklist GET task",
                tasklist.send(tasklist.request(
                                "/camunda/api/engine/engine/default/task/" + iama.gateTaskId() + "/form-variables")
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", xsrf)
                        .GET()));
        for (Map.Entry<String, HttpResponse<String>> read : reads.entrySet()) {
            if (!refusedOrEmpty(read.getValue())) {
                leaks.add(read.getKey() + " -> " + read.getValue().statusCode() + " "
                        + abbreviate(read.getValue().body()));
            }
        }
        Http page = login("fg63");
        HttpResponse<String> gatePage = page.get("/taken/" + iama.gateTaskId(), "text/html");
        if (gatePage.statusCode() == 200) {
            leaks.add("GET /taken/{gate} -> 200 (the gate's page with the version under review)");
        }
        HttpResponse<String> values = page.get("/taken/" + iama.gateTaskId() + "/waarden", "application/json");
        if (values.statusCode() == 200) {
            leaks.add("GET /taken/{gate}/waarden -> 200 " + abbreviate(values.body()));
        }
        // Writes: a note on the task, a comment, an attachment.
        HttpResponse<String> note =
                send("fg63", "PUT", task + "/localVariables/notitie", "{\"value\":\"nog even meekijken\"}");
        if (note.statusCode() / 100 == 2) {
            leaks.add("PUT localVariables -> " + note.statusCode());
        }
        HttpResponse<String> comment =
                send("fg63", "POST", task + "/comment/create", "{\"message\":\"nog steeds FG\"}");
        if (comment.statusCode() / 100 == 2) {
            leaks.add("POST comment -> " + comment.statusCode());
        }
        HttpResponse<String> attachment = attach("fg63", iama.gateTaskId());
        if (attachment.statusCode() / 100 == 2) {
            leaks.add("POST attachment -> " + attachment.statusCode());
        }
        List<String> grants = engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .userIdIn("fg63")
                .resourceType(Resources.TASK)
                .resourceId(iama.gateTaskId())
                .list()
                .stream()
                .map(a -> a.getId() + " perms="
                        + ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a).getPermissions())
                .toList();
        assertThat(leaks)
                .as("a former privacy officer (grants left on the task: " + grants + ")")
                .isEmpty();
    }

    /**
     * Engine calls none of the earlier probes tried, each by every kind of user, refused; and nothing changed: the
     * definition and its job definitions stay active, no tenant, the authorization unchanged, the operation log without
     * annotation, the gate's comment as its author wrote it, no attachment, no thrown error or escalation.
     */
    @Test
    void theEngineApiCornersStayClosed() {
        RunningIama iama = atPrivacyOfficer("Hoekjes van de engine 63");
        String gate = iama.gateTaskId();
        String task = "/engine-rest/task/" + gate;
        String definition = definitionOf(iama.iamaId());
        String deployment =
                engine.getRepositoryService().getProcessDefinition(definition).getDeploymentId();
        // The privacy officer claims (an entry in the engine's operation log) and writes a comment as Waarborg does.
        assertThat(send("fg", "POST", task + "/claim", "{\"userId\":\"fg\"}").statusCode())
                .isEqualTo(204);
        Comment written;
        identity.setAuthentication("fg", List.of("privacy-officer"));
        try {
            written = engine.getTaskService().createComment(gate, iama.iamaId(), SECRET_COMMENT);
        } finally {
            identity.clearAuthentication();
        }
        UserOperationLogEntry claim = engine.getHistoryService()
                .createUserOperationLogQuery()
                .taskId(gate)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM)
                .list()
                .get(0);
        Authorization leadGrant = engine.getAuthorizationService()
                .createAuthorizationQuery()
                .groupIdIn("project-lead")
                .resourceType(Resources.PROCESS_DEFINITION)
                .list()
                .get(0);
        int leadPermissions =
                ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) leadGrant).getPermissions();
        String execution = gateExecution(iama);

        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put(
                "bpmnError at the gate",
                new String[] {"POST", task + "/bpmnError", "{\"errorCode\":\"send-back\",\"errorMessage\":\"terug\"}"});
        calls.put(
                "bpmnEscalation at the gate",
                new String[] {"POST", task + "/bpmnEscalation", "{\"escalationCode\":\"x\"}"});
        calls.put("suspend the definition by id", new String[] {
            "PUT",
            "/engine-rest/process-definition/" + definition + "/suspended",
            "{\"suspended\":true,\"includeProcessInstances\":true}"
        });
        calls.put("suspend the job definitions", new String[] {
            "PUT",
            "/engine-rest/job-definition/suspended",
            "{\"processDefinitionKey\":\"iama\",\"suspended\":true,\"includeJobs\":true}"
        });
        calls.put(
                "signal the gate's execution",
                new String[] {"POST", "/engine-rest/execution/" + execution + "/signal", "{\"variables\":{}}"});
        calls.put("redeploy", new String[] {"POST", "/engine-rest/deployment/" + deployment + "/redeploy", "{}"});
        calls.put(
                "create a tenant",
                new String[] {"POST", "/engine-rest/tenant/create", "{\"id\":\"t63\",\"name\":\"T\"}"});
        calls.put("update an authorization", new String[] {
            "PUT",
            "/engine-rest/authorization/" + leadGrant.getId(),
            "{\"permissions\":[\"ALL\"],\"userId\":null,\"groupId\":\"project-lead\",\"resourceType\":6,"
                    + "\"resourceId\":\"*\"}"
        });
        calls.put("history cleanup", new String[] {"POST", "/engine-rest/history/cleanup?immediatelyDue=true", null});
        calls.put("annotate the operation log", new String[] {
            "PUT",
            "/engine-rest/history/user-operation/" + claim.getOperationId() + "/set-annotation",
            "{\"annotation\":\"niet door fg\"}"
        });
        calls.put("rewrite the gate's comment", new String[] {
            "PUT", task + "/comment", "{\"id\":\"" + written.getId() + "\",\"message\":\"vervalst\"}"
        });
        calls.put("rewrite the comment through the instance", new String[] {
            "PUT",
            "/engine-rest/process-instance/" + iama.iamaId() + "/comment",
            "{\"id\":\"" + written.getId() + "\",\"message\":\"vervalst\"}"
        });
        calls.put("delete the gate's comment", new String[] {"DELETE", task + "/comment/" + written.getId(), null});
        calls.put("delete all the gate's comments", new String[] {"DELETE", task + "/comment", null});
        calls.put(
                "delete the instance's comments",
                new String[] {"DELETE", "/engine-rest/process-instance/" + iama.iamaId() + "/comment", null});
        calls.put("a note on the gate", new String[] {"PUT", task + "/localVariables/notitie63", "{\"value\":\"x\"}"});
        calls.put("clear an operation log annotation", new String[] {
            "PUT", "/engine-rest/history/user-operation/" + claim.getOperationId() + "/clear-annotation", null
        });
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] c = call.getValue();
            boolean commentCall = call.getKey().contains("comment");
            for (String user : List.of("lead", "lead2", "fg", "ethics", "manager", "admin")) {
                if ((commentCall || call.getKey().equals("a note on the gate")) && user.equals("fg")) {
                    continue; // the author and the gate's group may work the task
                }
                HttpResponse<String> response = send(user, c[0], c[1], c[2]);
                if (response.statusCode() < 400 || response.statusCode() >= 500) {
                    open.add(call.getKey() + " as " + user + " -> " + response.statusCode() + " "
                            + abbreviate(response.body()));
                }
            }
        }
        // Attachments: only who may work the gate attaches to it (the administrator and the manager: see below).
        for (String user : List.of("lead", "lead2", "ethics")) {
            HttpResponse<String> response = attach(user, gate);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                open.add("attachment as " + user + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            }
        }
        // Through Tasklist's path to the engine, with its session and XSRF token.
        Http tasklist = Http.browser(port);
        String xsrf = tasklistLogin(tasklist, "fg");
        for (String[] c : List.of(
                new String[] {"/bpmnError", "{\"errorCode\":\"send-back\"}"},
                new String[] {"/bpmnEscalation", "{\"escalationCode\":\"x\"}"})) {
            HttpResponse<String> response =
                    tasklist.send(tasklist.request("/camunda/api/engine/engine/default/task/" + gate + c[0])
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("X-XSRF-TOKEN", xsrf)
                            .POST(HttpRequest.BodyPublishers.ofString(c[1])));
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                open.add("Tasklist " + c[0] + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            }
        }
        assertThat(open).as("engine calls that went through").isEmpty();

        assertThat(engine.getRepositoryService()
                        .getProcessDefinition(definition)
                        .isSuspended())
                .isFalse();
        assertThat(engine.getManagementService()
                        .createJobDefinitionQuery()
                        .processDefinitionKey("iama")
                        .suspended()
                        .count())
                .isZero();
        assertThat(engine.getIdentityService()
                        .createTenantQuery()
                        .tenantId("t63")
                        .count())
                .isZero();
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .authorizationId(leadGrant.getId())
                        .singleResult())
                .extracting(
                        a -> ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a).getPermissions())
                .isEqualTo(leadPermissions);
        assertThat(engine.getHistoryService()
                        .createUserOperationLogQuery()
                        .operationId(claim.getOperationId())
                        .list())
                .allSatisfy(e -> assertThat(e.getAnnotation()).isNull());
        assertThat(engine.getTaskService().getTaskComments(gate))
                .extracting(Comment::getFullMessage)
                .containsExactly(SECRET_COMMENT);
        assertThat(engine.getTaskService().getTaskAttachments(gate)).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().taskId(gate).count())
                .as("the gate is still open")
                .isOne();
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(gate)
                        .singleResult()
                        .getAssignee())
                .isEqualTo("fg");
    }

    /**
     * A privacy officer who held a gate leaves and is deleted; later the administrator creates an account under the same
     * id for a new colleague, a project lead. Grants are kept by user id: the new person must not inherit the old
     * person's grant on the gate.
     */
    @Test
    void aNewColleagueUnderADeletedReviewersIdReadsNothingOfTheGateTheyHeld() {
        String id = "fgdel63";
        user(id, "privacy-officer");
        RunningIama iama = atPrivacyOfficer("Hergebruikte id 63");
        String task = "/engine-rest/task/" + iama.gateTaskId();
        assertThat(send(id, "POST", task + "/claim", "{\"userId\":\"" + id + "\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> deleted =
                api("admin").sendJson("DELETE", "/api/admin/users/" + id + "?reason=Vertrokken", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isBetween(200, 204);
        // The deleted reviewer's claim left no per-user grant on the gate (a gate gives none, ADR 0054), and the id is
        // not given to anyone again (V13_27): a new colleague gets another id, so inherits nothing of the old one.
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .userIdIn(id)
                        .resourceType(Resources.TASK)
                        .resourceId(iama.gateTaskId())
                        .count())
                .isZero();
        HttpResponse<String> created = api("admin")
                .postJson(
                        "/api/admin/users",
                        "{\"id\":\"" + id + "\",\"firstName\":\"Nieuwe\",\"lastName\":\"Collega\",\"email\":\"" + id
                                + "@example.org\",\"password\":\"Paars-Fietspad-Molen-63\""
                                + ",\"groups\":[\"project-lead\"],\"reason\":\"Nieuwe medewerker\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(409);
        assertThat(created.body()).contains("\"field\":\"id\"").contains("deleted");
        assertThat(identity.createUserQuery().userId(id).count()).isZero();
    }

    /**
     * The same former privacy officer (now a project lead) with the grant the claim left: they cannot give the advice,
     * on Waarborg's API, the engine's, or by submitting the form, and the gate stays open without a signature.
     */
    @Test
    void aReviewerWhoLeftTheGroupCannotAdviseOnTheGateTheyHeld() {
        user("fg63b", "privacy-officer", "project-lead");
        RunningIama iama = atPrivacyOfficer("Oud-FG adviseert niet 63");
        String gate = iama.gateTaskId();
        assertThat(send("fg63b", "POST", "/engine-rest/task/" + gate + "/claim", "{\"userId\":\"fg63b\"}")
                        .statusCode())
                .isEqualTo(204);
        nl.waarborg.task.TaskWork.TaskView view = driver.as("fg", () -> tasks.task(gate));
        Map<String, Object> advice = driver.answers(view.formId(), "fg63b");
        HttpResponse<String> removed = api("admin")
                .sendJson("DELETE", "/api/admin/users/fg63b/groups/privacy-officer?reason=Andere%20rol%2063", null);
        assertThat(removed.statusCode()).as(removed.body()).isBetween(200, 204);
        nl.waarborg.support.ApiSteps steps = new nl.waarborg.support.ApiSteps(port);
        Map<String, HttpResponse<String>> tries = new LinkedHashMap<>();
        tries.put("engine complete", steps.viaEngineRest("fg63b", gate, "complete", advice));
        tries.put("engine submit-form", steps.viaEngineRest("fg63b", gate, "submit-form", advice));
        tries.put("Waarborg API", steps.viaApi("fg63b", gate, advice));
        List<String> open = new ArrayList<>();
        tries.forEach((how, response) -> {
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                open.add(how + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            }
        });
        assertThat(open).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().taskId(gate).count())
                .as("the gate is still open")
                .isOne();
    }

    /**
     * ADR 0054: "the administrator and the manager read every task but no longer write into a team's task" (a comment
     * is refused to them). An attachment is the same kind of writing: a document or link on the gate, which the
     * privacy officer sees in Tasklist as part of the advice task, and which the engine allows with READ alone.
     */
    @Test
    void theAdministratorAndTheManagerAttachNothingToAGateNorDeleteWhatTheReviewerAttached() throws Exception {
        RunningIama iama = atPrivacyOfficer("Bijlagen bij het advies 63");
        String gate = iama.gateTaskId();
        List<String> open = new ArrayList<>();
        for (String user : List.of("manager", "admin")) {
            HttpResponse<String> response = attach(user, gate);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                open.add("POST /engine-rest/task/{gate}/attachment/create as " + user + " -> " + response.statusCode());
            }
        }
        // An attachment from before users were refused them all: nobody deletes it through the engine's API.
        identity.clearAuthentication(); // users attach nothing (GuardedCommands): one from before that rule
        String ownId;
        try {
            ownId = engine.getTaskService()
                    .createAttachment(
                            "application/pdf", gate, iama.iamaId(), "Advies.pdf", "Advies", "https://intranet/advies")
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
        List<String> before = engine.getTaskService().getTaskAttachments(gate).stream()
                .map(org.camunda.bpm.engine.task.Attachment::getId)
                .toList();
        for (String user : List.of("manager", "admin", "lead", "lead2")) {
            HttpResponse<String> response =
                    send(user, "DELETE", "/engine-rest/task/" + gate + "/attachment/" + ownId, null);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                open.add("DELETE the reviewer's attachment as " + user + " -> " + response.statusCode());
            }
        }
        assertThat(open).as("attachments before: " + before).isEmpty();
        assertThat(engine.getTaskService().getTaskAttachments(gate))
                .extracting(org.camunda.bpm.engine.task.Attachment::getId)
                .contains(ownId)
                .hasSize(1);
    }

    /**
     * What a reviewer writes on a gate (a comment, an attachment) is read by nobody outside the gate's group: not by the
     * system's owner, whose work is under review, nor by a project lead of another team, through the task's, the
     * instance's or the history's engine calls, or Tasklist's path to them.
     */
    @Test
    void aReviewersCommentOnTheGateIsReadByNobodyOutsideTheGroup() {
        RunningIama iama = atPrivacyOfficer("Motivatie blijft binnen 63");
        String gate = iama.gateTaskId();
        String text = SECRET_COMMENT + " " + iama.systemId();
        identity.setAuthentication("fg", List.of("privacy-officer"));
        try {
            engine.getTaskService().createComment(gate, iama.iamaId(), text);
        } finally {
            identity.clearAuthentication();
        }
        List<String> paths = List.of(
                "/engine-rest/task/" + gate + "/comment",
                "/engine-rest/process-instance/" + iama.iamaId() + "/comment",
                "/engine-rest/task/" + gate + "/attachment",
                "/engine-rest/history/user-operation?taskId=" + gate,
                "/engine-rest/history/user-operation?processInstanceId=" + iama.iamaId() + "&entityType=Comment",
                "/engine-rest/task/report/candidate-group-count",
                "/engine-rest/history/task?processInstanceId=" + iama.iamaId(),
                "/engine-rest/history/task/count?processInstanceId=" + iama.iamaId(),
                "/engine-rest/task/count?processInstanceBusinessKey=" + iama.systemId());
        List<String> leaks = new ArrayList<>();
        for (String user : List.of("lead", "lead2")) {
            for (String path : paths) {
                HttpResponse<String> response = send(user, "GET", path, null);
                String body = response.body() == null ? "" : response.body();
                if (body.contains(SECRET_COMMENT)
                        || (response.statusCode() == 200
                                && !refusedOrEmpty(response)
                                && !(user.equals("lead") && path.contains("/task/count")))) {
                    leaks.add(user + " GET " + path + " -> " + response.statusCode() + " " + abbreviate(body));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /**
     * The session at login: a session id handed to the browser before the login does not become the logged-in session
     * (fixation), and no remember-me cookie outlives the session.
     */
    @Test
    void theLoginGivesAFreshSessionAndNoRememberMeCookie() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://localhost:" + port;
        HttpResponse<String> loginPage = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = Http.csrfTokenFrom(loginPage.body());
        String before = sessionId(cookies);
        assertThat(before)
                .as("the login page opens a session for its CSRF token")
                .isNotNull();
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=lead&password=demo&remember-me=on&remember=true&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String after = sessionId(cookies);
        assertThat(after).as("session id after the login").isNotNull().isNotEqualTo(before);
        assertThat(cookies.getCookieStore().getCookies())
                .extracting(HttpCookie::getName)
                .noneMatch(name -> name.toLowerCase().contains("remember"));
        assertThat(login.headers().allValues("Set-Cookie"))
                .allSatisfy(c -> assertThat(c.toLowerCase()).contains("httponly"));
        // The old id no longer opens anything.
        HttpClient stale = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> withOld = stale.send(
                HttpRequest.newBuilder(URI.create(base + "/api/me/notification-settings"))
                        .header("Cookie", "JSESSIONID=" + before)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withOld.statusCode()).as(withOld.body()).isIn(302, 401, 403);
    }

    /**
     * What the privacy officer attached to the advice is part of the advice once it is given: after the gate is
     * completed, nobody deletes it (the engine checks nothing for an attachment whose task has ended).
     */
    @Test
    void anAttachmentOfAGivenAdviceIsDeletedByNobody() {
        RunningIama iama = atPrivacyOfficer("Bijlage blijft bij het advies 63");
        String gate = iama.gateTaskId();
        List<String> ids = new ArrayList<>();
        List<String> deleters = List.of("lead", "lead2", "fg", "ethics", "alderman", "manager", "admin");
        identity.clearAuthentication(); // users attach nothing (GuardedCommands): one from before that rule
        try {
            for (String ignored : deleters) {
                ids.add(engine.getTaskService()
                        .createAttachment(
                                "application/pdf",
                                gate,
                                iama.iamaId(),
                                "Advies.pdf",
                                "Onderbouwing",
                                "https://intranet/advies")
                        .getId());
            }
        } finally {
            identity.clearAuthentication();
        }
        driver.driveUntil(iama.systemId(), "alderman-decision", NEEDS_IAMA);
        assertThat(engine.getTaskService().createTaskQuery().taskId(gate).count())
                .as("the advice was given")
                .isZero();
        List<String> open = new ArrayList<>();
        for (int i = 0; i < deleters.size(); i++) {
            String user = deleters.get(i);
            HttpResponse<String> response =
                    send(user, "DELETE", "/engine-rest/task/" + gate + "/attachment/" + ids.get(i), null);
            if (response.statusCode() / 100 == 2) {
                open.add("DELETE the given advice's attachment as " + user + " -> " + response.statusCode());
            }
        }
        assertThat(open).isEmpty();
        assertThat(engine.getTaskService().getTaskAttachments(gate))
                .extracting(org.camunda.bpm.engine.task.Attachment::getId)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    /**
     * Nor does anyone outside the privacy officer's group read what was attached to a given advice: not the system's
     * owner, whose work it judged, nor a project lead of another team.
     */
    @Test
    void anAttachmentOfAGivenAdviceIsReadByNobodyOutsideTheGroup() {
        RunningIama iama = atPrivacyOfficer("Bijlage blijft binnen 63");
        String gate = iama.gateTaskId();
        String attachmentId;
        identity.clearAuthentication(); // users attach nothing (GuardedCommands): one from before that rule
        try {
            attachmentId = engine.getTaskService()
                    .createAttachment(
                            "text/plain",
                            gate,
                            iama.iamaId(),
                            "Notitie FG",
                            SECRET_COMMENT,
                            new java.io.ByteArrayInputStream(SECRET_COMMENT.getBytes(StandardCharsets.UTF_8)))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
        driver.driveUntil(iama.systemId(), "alderman-decision", NEEDS_IAMA);
        List<String> leaks = new ArrayList<>();
        for (String user : List.of("lead", "lead2")) {
            for (String path : List.of(
                    "/engine-rest/task/" + gate + "/attachment",
                    "/engine-rest/task/" + gate + "/attachment/" + attachmentId,
                    "/engine-rest/task/" + gate + "/attachment/" + attachmentId + "/data")) {
                HttpResponse<String> response = send(user, "GET", path, null);
                String body = response.body() == null ? "" : response.body();
                if (body.contains(SECRET_COMMENT) || response.statusCode() / 100 == 2) {
                    leaks.add(user + " GET " + path + " -> " + response.statusCode() + " " + abbreviate(body));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /**
     * The same for the privacy officer's comment on the advice: once the advice is given, nobody rewrites or deletes
     * it, also not the manager and the administrator, who read every task's history.
     */
    @Test
    void aCommentOfAGivenAdviceIsRewrittenOrDeletedByNobody() {
        RunningIama iama = atPrivacyOfficer("Opmerking blijft bij het advies 63");
        String gate = iama.gateTaskId();
        String commentId;
        identity.setAuthentication("fg", List.of("privacy-officer"));
        try {
            commentId = engine.getTaskService()
                    .createComment(gate, iama.iamaId(), SECRET_COMMENT)
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
        driver.driveUntil(iama.systemId(), "alderman-decision", NEEDS_IAMA);
        List<String> open = new ArrayList<>();
        for (String user : List.of("lead", "lead2", "ethics", "alderman", "manager", "admin", "fg")) {
            HttpResponse<String> rewrite = send(
                    user,
                    "PUT",
                    "/engine-rest/task/" + gate + "/comment",
                    "{\"id\":\"" + commentId + "\",\"message\":\"herschreven door " + user + "\"}");
            if (rewrite.statusCode() / 100 == 2) {
                open.add("PUT comment of the given advice as " + user + " -> " + rewrite.statusCode());
            }
        }
        for (String user : List.of("lead", "lead2", "ethics", "alderman", "manager", "admin", "fg")) {
            HttpResponse<String> delete =
                    send(user, "DELETE", "/engine-rest/task/" + gate + "/comment/" + commentId, null);
            if (delete.statusCode() / 100 == 2) {
                open.add("DELETE comment of the given advice as " + user + " -> " + delete.statusCode());
                break;
            }
        }
        assertThat(open).isEmpty();
        assertThat(engine.getTaskService().getTaskComments(gate))
                .extracting(Comment::getFullMessage)
                .containsExactly(SECRET_COMMENT);
    }

    /**
     * A project lead of another team who tries every write on a system that is not theirs learns nothing from the
     * refusals: no name of the system, no answer of its IAMA, no reviewer's name, and nothing changes.
     */
    @Test
    void theRefusalsOfAnotherTeamsWritesNameNothingOfTheSystem() {
        RunningIama iama = atPrivacyOfficer("Geheim Algoritme Probe 63");
        String system = "/api/systems/" + iama.systemId();
        String assessment = reads.assessmentsOf(iama.systemId()).get(0).id();
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("start a cycle", new String[] {"POST", system + "/cycles", "{}"});
        calls.put(
                "a trigger", new String[] {"POST", system + "/triggers", "{\"type\":\"OTHER\",\"description\":\"x\"}"});
        calls.put("an incident", new String[] {"POST", system + "/incidents", "{\"description\":\"x\"}"});
        calls.put("retirement", new String[] {"POST", system + "/retirement", "{\"reason\":\"x\"}"});
        calls.put("co-author", new String[] {"POST", system + "/co-authors/lead2", null});
        calls.put("eu registration", new String[] {"PUT", system + "/eu-registration", "{}"});
        calls.put("register entry", new String[] {"PUT", system + "/register-entry", "{}"});
        calls.put("register approval", new String[] {"POST", system + "/register-entry/approval", "{}"});
        calls.put("export", new String[] {"GET", "/api/assessments/" + assessment + "/versions/1/export", null});
        calls.put("saves", new String[] {"GET", "/api/assessments/" + assessment + "/versions/1/saves", null});
        calls.put("diff", new String[] {"GET", "/api/assessments/" + assessment + "/diff?from=1&to=1", null});
        calls.put("a section", new String[] {
            "PUT", "/api/assessments/" + assessment + "/versions/1/sections/iama-part1", "{\"part1Reason\":\"x\"}"
        });
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] c = call.getValue();
            HttpResponse<String> response = send("lead2", c[0], c[1], c[2]);
            String body = response.body() == null ? "" : response.body();
            if (response.statusCode() < 400
                    || response.statusCode() >= 500
                    || body.contains("Geheim Algoritme")
                    || body.contains("Demo-antwoord")
                    || body.contains("Sociaal Domein")) {
                leaks.add(call.getKey() + " -> " + response.statusCode() + " " + abbreviate(body));
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(iama.systemId())
                        .count())
                .as("only the cycle and its IAMA")
                .isEqualTo(2);
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
