package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Probes from outside that issue 14 did not list (ADR 0017, 0019 follow-up): a reviewer handing a gate to someone
 * outside its group or taking it from the group, saving a task to move its due date or make it another task's subtask,
 * an administrator changing the shared task list or trying other accounts' passwords, and the engine calls that were
 * already refused (kept here so that a regression shows).
 */
@WaarborgIntegrationTest
class OutsideProbeTest extends GuardScenario {

    private static void assertRefused(HttpResponse<String> response, String what, String reason) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(response.body()).as(what).contains(reason);
    }

    private void secondPrivacyOfficer() {
        if (identity.createUserQuery().userId("fg2").count() == 0) {
            User user = identity.newUser("fg2");
            DemoUsers.saveWithDemoPassword(identity, user);
            identity.createMembership("fg2", "privacy-officer");
        }
    }

    private List<String> links(String taskId) {
        List<String> links = new ArrayList<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
            links.add(link.getType() + ":"
                    + (link.getUserId() != null ? link.getUserId() : "group " + link.getGroupId()));
        }
        links.sort(null);
        return links;
    }

    @Test
    void aReviewerKeepsTheGateWithinItsGroup() {
        secondPrivacyOfficer();
        RunningIama iama = atPrivacyOfficer("Advies blijft bij de FG");
        String task = "/engine-rest/task/" + iama.gateTaskId();
        List<String> before = links(iama.gateTaskId());
        assertThat(before).containsExactly("candidate:group privacy-officer");

        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put(
                "candidate user of another team",
                new String[] {"POST", task + "/identity-links", "{\"userId\":\"lead2\",\"type\":\"candidate\"}"});
        calls.put(
                "the owner of the system as candidate",
                new String[] {"POST", task + "/identity-links", "{\"userId\":\"lead\",\"type\":\"candidate\"}"});
        calls.put("candidate group project-lead", new String[] {
            "POST", task + "/identity-links", "{\"groupId\":\"project-lead\",\"type\":\"candidate\"}"
        });
        calls.put(
                "owner outside the group",
                new String[] {"POST", task + "/identity-links", "{\"userId\":\"lead2\",\"type\":\"owner\"}"});
        calls.put("assignee outside the group", new String[] {"POST", task + "/assignee", "{\"userId\":\"lead2\"}"});
        calls.put(
                "delegation outside the group", new String[] {"POST", task + "/delegate", "{\"userId\":\"alderman\"}"});
        calls.put("assignee who does not exist", new String[] {"POST", task + "/assignee", "{\"userId\":\"niemand\"}"});
        calls.put("removing the group", new String[] {
            "POST", task + "/identity-links/delete", "{\"groupId\":\"privacy-officer\",\"type\":\"candidate\"}"
        });
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] c = call.getValue();
            assertRefused(
                    send("fg", c[0], c[1], c[2]),
                    call.getKey(),
                    call.getKey().equals("removing the group") ? "candidate group" : "privacy-officer");
            assertThat(links(iama.gateTaskId())).as(call.getKey()).isEqualTo(before);
        }
        // Tasklist's path to the engine holds the same rule.
        Http tasklist = Http.browser(port);
        String token = tasklistLogin(tasklist, "fg");
        HttpResponse<String> viaTasklist = tasklist.send(
                tasklist.request("/camunda/api/engine/engine/default/task/" + iama.gateTaskId() + "/assignee")
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"userId\":\"lead2\"}")));
        assertRefused(viaTasklist, "assignee outside the group through Tasklist", "privacy-officer");
        assertThat(links(iama.gateTaskId())).isEqualTo(before);
        // Nobody outside the group reads the advice task (and with it the content under review).
        for (String user : List.of("lead2", "lead")) {
            assertThat(send(user, "GET", task + "/form-variables", null).statusCode())
                    .as(user)
                    .isIn(403, 404);
        }
        // Within the group the work moves as before: claim, delegate to a colleague, back to the group.
        assertThat(send("fg", "POST", task + "/claim", "{\"userId\":\"fg\"}").statusCode())
                .isEqualTo(204);
        assertThat(send("fg", "POST", task + "/delegate", "{\"userId\":\"fg2\"}")
                        .statusCode())
                .isEqualTo(204);
        Task delegated = engine.getTaskService()
                .createTaskQuery()
                .taskId(iama.gateTaskId())
                .singleResult();
        assertThat(delegated.getAssignee()).isEqualTo("fg2");
        assertThat(delegated.getOwner()).isEqualTo("fg");
        assertThat(send("fg2", "POST", task + "/assignee", "{\"userId\":null}").statusCode())
                .isEqualTo(204);
    }

    /** The fields of a task that PUT /engine-rest/task/{id} takes, as a client like Tasklist sends them back. */
    private static ObjectNode updatable(String task) throws Exception {
        JsonNode read = JSON.readTree(task);
        ObjectNode body = JSON.createObjectNode();
        for (String field : List.of(
                "name",
                "description",
                "priority",
                "assignee",
                "owner",
                "delegationState",
                "due",
                "followUp",
                "parentTaskId",
                "caseInstanceId",
                "tenantId")) {
            body.set(field, read.get(field));
        }
        return body;
    }

    @Test
    void savingATaskChangesOnlyItsFollowUpDate() throws Exception {
        RunningIama iama = atPrivacyOfficer("Termijn blijft staan");
        String gate = "/engine-rest/task/" + iama.gateTaskId();
        Task before = engine.getTaskService()
                .createTaskQuery()
                .taskId(iama.gateTaskId())
                .singleResult();
        assertThat(before.getDueDate()).isNotNull();
        ObjectNode seen = updatable(send("fg", "GET", gate, null).body());

        Map<String, ObjectNode> changes = new LinkedHashMap<>();
        changes.put("due date", seen.deepCopy().put("due", "2099-01-01T00:00:00.000+0000"));
        changes.put("name", seen.deepCopy().put("name", "Goedgekeurd"));
        changes.put("priority", seen.deepCopy().put("priority", 100));
        for (Map.Entry<String, ObjectNode> change : changes.entrySet()) {
            assertRefused(send("fg", "PUT", gate, change.getValue().toString()), change.getKey(), "follow-up date");
        }
        // A project lead of the system's team makes its triage a subtask of the advice: the engine would delete it
        // with its parent.
        String systemId = systems.register("Deeltaak", null, "ICT", "lead").id();
        assertThat(Http.api(port)
                        .as("lead", "demo")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        String triage = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey("fill-in-triage")
                .singleResult()
                .getId();
        ObjectNode own = updatable(
                send("lead", "GET", "/engine-rest/task/" + triage, null).body());
        assertRefused(
                send(
                        "lead",
                        "PUT",
                        "/engine-rest/task/" + triage,
                        own.put("parentTaskId", iama.gateTaskId()).toString()),
                "parent task",
                "parentTask");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(triage)
                        .singleResult()
                        .getParentTaskId())
                .isNull();

        // Tasklist's reminder still works, and changes nothing else.
        HttpResponse<String> followUp = send(
                "fg",
                "PUT",
                gate,
                seen.deepCopy().put("followUp", "2030-01-01T00:00:00.000+0000").toString());
        assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(204);
        Task after = engine.getTaskService()
                .createTaskQuery()
                .taskId(iama.gateTaskId())
                .singleResult();
        assertThat(after.getFollowUpDate()).isNotNull();
        assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
        assertThat(after.getName()).isEqualTo(before.getName());
        assertThat(after.getPriority()).isEqualTo(before.getPriority());
    }

    @Test
    void aTaskWritesIntoItsProcessOnlyByBeingCompleted() {
        RunningIama iama = atPrivacyOfficer("Inhoud van het team");
        String gate = "/engine-rest/task/" + iama.gateTaskId();
        Object answer = engine.getRuntimeService().getVariable(iama.iamaId(), "part1Reason");
        assertThat(answer).isNotNull();
        // The team's answers in the engine come back in its form after a send-back: a reviewer does not rewrite them.
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("set", new String[] {"PUT", gate + "/variables/part1Reason", "{\"value\":\"Door de FG\"}"});
        calls.put("modify", new String[] {
            "POST", gate + "/variables", "{\"modifications\":{\"part1Reason\":{\"value\":\"Door de FG\"}}}"
        });
        calls.put("delete", new String[] {"DELETE", gate + "/variables/part1Reason", null});
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] c = call.getValue();
            assertRefused(send("fg", c[0], c[1], c[2]), call.getKey(), "only by completing it");
        }
        assertThat(engine.getRuntimeService().getVariable(iama.iamaId(), "part1Reason"))
                .isEqualTo(answer);
        // A note of one's own on the task stays possible; it ends with the task.
        assertThat(send("fg", "PUT", gate + "/localVariables/note", "{\"value\":\"eerst lezen\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(engine.getRuntimeService().getVariable(iama.iamaId(), "note"))
                .isNull();

        // A local variable named like an answer would catch that answer at completion and take it away with the task:
        // the process (and its triage decision) would keep another answer than the one saved.
        String systemId =
                systems.register("Schaduwantwoord", null, "ICT", "lead").id();
        assertThat(Http.api(port)
                        .as("lead", "demo")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        String triage = "/engine-rest/task/"
                + engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceBusinessKey(systemId)
                        .taskDefinitionKey("fill-in-triage")
                        .singleResult()
                        .getId();
        for (String[] c : List.of(
                new String[] {"PUT", triage + "/localVariables/legalEffects", "{\"value\":\"YES\"}"}, new String[] {
                    "POST", triage + "/localVariables", "{\"modifications\":{\"legalEffects\":{\"value\":\"YES\"}}}"
                })) {
            HttpResponse<String> shadow = send("lead", c[0], c[1], c[2]);
            assertThat(shadow.statusCode()).as(shadow.body()).isEqualTo(400);
            assertThat(shadow.body()).contains("'legalEffects' is an answer of this task's form");
        }
        String triageId = triage.substring(triage.lastIndexOf('/') + 1);
        assertThat(engine.getTaskService().getVariableLocal(triageId, "legalEffects"))
                .isNull();
        assertThat(send("lead", "PUT", triage + "/localVariables/note", "{\"value\":\"voor later\"}")
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void theSharedTaskListIsSetByWaarborg() {
        Filter filter = engine.getFilterService()
                .createFilterQuery()
                .filterName("Mijn taken")
                .singleResult();
        String path = "/engine-rest/filter/" + filter.getId();
        assertRefused(
                send(
                        "admin",
                        "PUT",
                        path,
                        "{\"resourceType\":\"Task\",\"name\":\"Mijn taken\",\"query\":{\"assignee\":\"niemand\"}}"),
                "changing the shared filter",
                "Mijn taken");
        assertRefused(send("admin", "DELETE", path, null), "deleting the shared filter", "Mijn taken");
        for (String user : List.of("lead", "fg")) {
            assertThat(send(user, "DELETE", path, null).statusCode()).as(user).isEqualTo(403);
        }
        Filter after = engine.getFilterService().getFilter(filter.getId());
        assertThat(after).isNotNull();
        assertThat(after.getName()).isEqualTo("Mijn taken");
        assertThat(((TaskQueryImpl) after.getQuery()).getAssignee()).isNull();
    }

    @Test
    void passwordsAreCheckedOnlyAtLogin() throws Exception {
        String verify = "/engine-rest/identity/verify";
        for (String password : List.of("fout", "demo")) {
            assertRefused(
                    send("admin", "POST", verify, "{\"username\":\"alderman\",\"password\":\"" + password + "\"}"),
                    "another account's password",
                    "login");
        }
        JsonNode own = JSON.readTree(send("lead", "POST", verify, "{\"username\":\"lead\",\"password\":\"demo\"}")
                .body());
        assertThat(own.path("authenticated").asBoolean()).isTrue();
    }

    @Test
    void theWebappsLoginTakesNoOtherAccount() {
        Http browser = Http.browser(port);
        String token = tasklistLogin(browser, "lead");
        for (String password : List.of("fout", "demo")) {
            HttpResponse<String> login = browser.send(browser.request(
                            "/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=alderman&password=" + password)));
            // The same refusal for a wrong and a right password: the endpoint tells nothing about other accounts.
            assertRefused(login, "Camunda's login with password " + password, "Waarborg's login page");
            assertThat(login.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> who = browser.get("/camunda/api/admin/auth/user/default", "application/json");
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"lead\"").doesNotContain("alderman");
    }

    /** Engine calls that were refused before this probe; each stays refused and changes nothing. */
    @Test
    void whatWasAlreadyClosedStaysClosed() {
        RunningIama iama = atPrivacyOfficer("Al dicht");
        String definition = definitionOf(iama.iamaId());
        String decision = engine.getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .list()
                .get(0)
                .getId();
        String execution = gateExecution(iama);
        long decisions =
                engine.getHistoryService().createHistoricDecisionInstanceQuery().count();
        long filters = engine.getFilterService().createFilterQuery().count();
        // Counted before and after: other tests of the same context leave batches of their own.
        long batches = engine.getManagementService().createBatchQuery().count();
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put(
                "standalone task",
                new String[] {"POST", "/engine-rest/task/create", "{\"id\":\"los\",\"name\":\"Los\"}"});
        calls.put("suspend the instance", new String[] {
            "PUT", "/engine-rest/process-instance/" + iama.iamaId() + "/suspended", "{\"suspended\":true}"
        });
        calls.put("suspend the definition", new String[] {
            "PUT",
            "/engine-rest/process-definition/key/iama/suspended",
            "{\"suspended\":true,\"includeProcessInstances\":true}"
        });
        calls.put("suspend by definition", new String[] {
            "PUT", "/engine-rest/process-instance/suspended", "{\"processDefinitionKey\":\"iama\",\"suspended\":true}"
        });
        calls.put("suspend as a batch", new String[] {
            "POST",
            "/engine-rest/process-instance/suspended-async",
            "{\"processInstanceIds\":[\"" + iama.iamaId() + "\"],\"suspended\":true}"
        });
        calls.put("evaluate the triage", new String[] {
            "POST",
            "/engine-rest/decision-definition/key/triage/evaluate",
            "{\"variables\":{\"personalData\":{\"value\":false}}}"
        });
        calls.put("create a filter", new String[] {
            "POST", "/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"Alles\",\"query\":{}}"
        });
        calls.put("delete decision history", new String[] {
            "POST",
            "/engine-rest/history/decision-instance/delete",
            "{\"historicDecisionInstanceIds\":[\"" + decision + "\"],\"deleteReason\":\"weg\"}"
        });
        calls.put(
                "delete process history",
                new String[] {"DELETE", "/engine-rest/history/process-instance/" + iama.iamaId(), null});
        calls.put("execution variable", new String[] {
            "PUT", "/engine-rest/execution/" + execution + "/localVariables/note", "{\"value\":\"x\"}"
        });
        calls.put("incident at the gate", new String[] {
            "POST",
            "/engine-rest/execution/" + execution + "/create-incident",
            "{\"incidentType\":\"x\",\"message\":\"y\"}"
        });
        calls.put(
                "conditional start",
                new String[] {"POST", "/engine-rest/condition", "{\"variables\":{\"a\":{\"value\":1}}}"});
        calls.put(
                "definition statistics",
                new String[] {"GET", "/engine-rest/process-definition/" + definition + "/statistics", null});
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            String[] c = call.getValue();
            for (String user : List.of("lead", "lead2", "fg", "ethics", "admin")) {
                HttpResponse<String> response = send(user, c[0], c[1], c[2]);
                if (c[0].equals("GET")) {
                    // A read that shows the IAMA's whereabouts only to those who oversee everything.
                    if (!user.equals("admin")) {
                        assertThat(response.body())
                                .as(call.getKey() + " as " + user)
                                .isEqualTo("[]");
                    }
                } else {
                    assertThat(response.statusCode())
                            .as(call.getKey() + " as " + user + ": " + response.body())
                            .isIn(400, 403, 404);
                }
            }
        }
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(iama.iamaId())
                        .singleResult()
                        .isSuspended())
                .isFalse();
        assertThat(engine.getRepositoryService()
                        .getProcessDefinition(definition)
                        .isSuspended())
                .isFalse();
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .executionId(execution)
                        .count())
                .isZero();
        assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(batches);
        assertThat(engine.getHistoryService()
                        .createHistoricDecisionInstanceQuery()
                        .count())
                .isEqualTo(decisions);
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
        assertThat(engine.getTaskService().createTaskQuery().taskId("los").count())
                .isZero();
        assertThat(engine.getRuntimeService().getVariableLocal(execution, "note"))
                .isNull();
    }

    /** Messages of the cycle (a new evaluation, retirement) come only from Waarborg's own calls, never by hand. */
    @Test
    void nobodyMovesACycleInUseByAMessage() {
        String systemId = systems.register("In gebruik, berichten", null, "Sociaal Domein", "lead")
                .id();
        assertThat(Http.api(port)
                        .as("lead", "demo")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(driver.driveUntil(systemId, "geen-stap", NEEDS_IAMA)).isEmpty();
        String cycle = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(systemId)
                .processDefinitionKey("assessment-cycle")
                .singleResult()
                .getId();
        assertThat(engine.getRuntimeService().getActiveActivityIds(cycle)).contains("evaluate-wait");
        for (String message : List.of("evaluation-trigger", "system-retired")) {
            String waiting = engine.getRuntimeService()
                    .createExecutionQuery()
                    .processInstanceId(cycle)
                    .messageEventSubscriptionName(message)
                    .singleResult()
                    .getId();
            for (String user : List.of("lead", "lead2", "admin")) {
                HttpResponse<String> trigger = send(
                        user,
                        "POST",
                        "/engine-rest/execution/" + waiting + "/messageSubscriptions/" + message + "/trigger",
                        "{}");
                assertThat(trigger.statusCode())
                        .as("trigger " + message + " as " + user + ": " + trigger.body())
                        .isIn(403, 404);
            }
            for (String body : List.of(
                    "{\"messageName\":\"" + message + "\",\"businessKey\":\"" + systemId + "\"}",
                    "{\"messageName\":\"" + message + "\",\"processInstanceId\":\"" + cycle + "\",\"all\":true}")) {
                for (String user : List.of("lead", "lead2", "fg", "admin")) {
                    HttpResponse<String> response = send(user, "POST", "/engine-rest/message", body);
                    assertThat(response.statusCode())
                            .as(message + " as " + user + ": " + response.body())
                            .isIn(400, 403);
                }
            }
        }
        assertThat(engine.getRuntimeService().getActiveActivityIds(cycle)).contains("evaluate-wait");
    }
}
