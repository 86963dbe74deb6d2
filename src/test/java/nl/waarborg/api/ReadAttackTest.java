package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.Assessment;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

/**
 * Who reads an assessment (ADR 0048), attacked on every path: a project lead of another team who knows the ids
 * (Waarborg's /api and pages, /engine-rest's task, instance, variable and history reads), a curious reviewer who reads
 * every system but tries to read the engine's content beyond that or to change it, and an administrator who is also a
 * project lead (the overview and another team's system page).
 */
@WaarborgIntegrationTest
class ReadAttackTest extends GuardScenario {

    /** A system of "lead" whose IAMA part 1 is done (its answers in the version and the history) and part 2 is open. */
    record Target(RunningIama iama, String assessmentId, String contentTaskId) {}

    private Target target(String name) {
        RunningIama iama = at(name, "fill-in-iama-part-2");
        Assessment assessment = reads.assessmentsOf(iama.systemId()).get(0);
        return new Target(iama, assessment.id(), iama.gateTaskId());
    }

    /** Every Waarborg read of the system's assessment, its register entry, EU registration and team. */
    private static List<String> waarborgReads(Target t) {
        String a = "/api/assessments/" + t.assessmentId();
        String s = "/api/systems/" + t.iama().systemId();
        return List.of(
                a,
                a + "/versions/1",
                a + "/versions/1/export?format=json",
                a + "/versions/1/export?format=pdf",
                a + "/versions/1/saves",
                a + "/diff?from=1&to=1",
                s,
                s + "/team",
                s + "/register-entry",
                s + "/register-entry/versions",
                s + "/eu-registration",
                s + "/eu-registration/versions");
    }

    private static List<String> pages(Target t) {
        String s = "/systemen/" + t.iama().systemId();
        return List.of(
                "/beoordelingen/" + t.assessmentId() + "/versies/1",
                "/beoordelingen/" + t.assessmentId() + "/verschil?van=1&tot=1",
                s,
                s + "/algoritmeregister",
                s + "/eu-registratie");
    }

    /** The engine's reads that expose what the assessment's processes hold: tasks, instances, variables, history. */
    private List<String> engineReads(Target t) {
        String pi = t.iama().iamaId();
        HistoricVariableInstance variable = engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .list()
                .get(0);
        return List.of(
                "/engine-rest/task?processInstanceId=" + pi,
                "/engine-rest/task?processInstanceBusinessKey=" + t.iama().systemId(),
                "/engine-rest/process-instance?businessKey=" + t.iama().systemId(),
                "/engine-rest/process-instance?superProcessInstance=" + t.iama().cycleId(),
                "/engine-rest/execution?processInstanceId=" + pi,
                "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
                "/engine-rest/variable-instance?processInstanceIdIn=" + t.iama().cycleId(),
                "/engine-rest/history/variable-instance?processInstanceId=" + pi,
                "/engine-rest/history/detail?processInstanceId=" + pi,
                "/engine-rest/history/task?processInstanceId=" + pi,
                "/engine-rest/history/process-instance?processInstanceBusinessKey="
                        + t.iama().systemId(),
                "/engine-rest/history/activity-instance?processInstanceId=" + pi,
                "/engine-rest/history/user-operation?processInstanceId=" + pi,
                "/engine-rest/history/identity-link-log?processInstanceId=" + pi,
                "/engine-rest/history/decision-instance?processInstanceId="
                        + t.iama().cycleId() + "&includeInputs=true",
                "/engine-rest/history/variable-instance/" + variable.getId(),
                "/engine-rest/task/" + t.contentTaskId() + "/variables",
                "/engine-rest/task/" + t.contentTaskId() + "/form-variables",
                "/engine-rest/task/" + t.contentTaskId() + "/localVariables",
                "/engine-rest/task/" + t.contentTaskId() + "/comment",
                "/engine-rest/task/" + t.contentTaskId() + "/attachment",
                "/engine-rest/process-instance/" + pi + "/variables",
                "/engine-rest/process-instance/" + t.iama().cycleId() + "/variables",
                "/engine-rest/process-instance/" + pi + "/activity-instances",
                "/api/tasks/" + t.contentTaskId());
    }

    /** A list read answered with nothing, or a read of one thing refused (403/404): either way nothing is shown. */
    private static boolean showsNothing(HttpResponse<String> response) {
        int status = response.statusCode();
        return status == 403
                || status == 404
                || (status == 200 && response.body().strip().equals("[]"));
    }

    @Test
    void aProjectLeadOfAnotherTeamReadsNothingOfTheAssessmentOnAnyPath() {
        Target t = target("Doelwit van een ander team");
        Map<String, String> leaks = new LinkedHashMap<>();
        for (String path : waarborgReads(t)) {
            HttpResponse<String> response = api("lead2").get(path);
            if (response.statusCode() != 403
                    || !response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
                leaks.put(path, response.statusCode() + " " + response.body());
            }
            // The system's team reads it (the path is right; a 409 is the register's answer for category C).
            assertThat(api("lead").get(path).statusCode()).as("owner: " + path).isIn(200, 409);
        }
        Http browser = login("lead2");
        for (String path : pages(t)) {
            HttpResponse<String> page = browser.get(path);
            if (page.statusCode() != 403 || !page.body().contains("U heeft geen toegang tot deze pagina.")) {
                leaks.put(path, page.statusCode() + " " + page.body());
            }
            assertThat(page.body()).doesNotContain("Doelwit van een ander team");
        }
        assertThat(browser.get("/systemen?zoek=Doelwit").body()).doesNotContain("Doelwit van een ander team");
        HttpResponse<String> values = browser.get("/taken/" + t.contentTaskId() + "/waarden");
        assertThat(showsNothing(values)).as(values.body()).isTrue();
        // Tasklist's engine API, with the browser's login (the same engine and authorizations as /engine-rest).
        HttpResponse<String> tasklist = browser.get(
                "/camunda/api/engine/engine/default/task/" + t.contentTaskId() + "/variables", "application/json");
        assertThat(showsNothing(tasklist))
                .as(tasklist.statusCode() + " " + tasklist.body())
                .isTrue();
        for (String path : engineReads(t)) {
            HttpResponse<String> response = api("lead2").get(path);
            if (!showsNothing(response)) {
                leaks.put(path, response.statusCode() + " " + response.body());
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theEngineReadsThatTheAttackProbesDoAnswerThoseWhoMayRead() {
        Target t = target("Doelwit met lezers");
        // The team works the open content task, so it reads its variables; the manager reads the whole history.
        assertThat(api("lead")
                        .get("/engine-rest/task/" + t.contentTaskId() + "/variables")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api("lead")
                        .get("/engine-rest/task?processInstanceId=" + t.iama().iamaId())
                        .body())
                .contains(t.contentTaskId());
        for (String path : List.of(
                "/engine-rest/history/variable-instance?processInstanceId="
                        + t.iama().iamaId(),
                "/engine-rest/history/task?processInstanceId=" + t.iama().iamaId(),
                "/engine-rest/variable-instance?processInstanceIdIn=" + t.iama().iamaId())) {
            HttpResponse<String> manager = api("manager").get(path);
            assertThat(manager.statusCode()).as(path).isEqualTo(200);
            assertThat(manager.body()).as(path).isNotEqualTo("[]");
        }
    }

    @Test
    void aCuriousReviewerReadsTheAssessmentButNotTheTeamsTasksAndChangesNothing() {
        Target t = target("Doelwit van een nieuwsgierige beoordelaar");
        for (String path : waarborgReads(t)) {
            assertThat(api("ethics").get(path).statusCode()).as(path).isIn(200, 409);
        }
        // The engine shows a reviewer only the tasks of their own group, never the team's content task.
        for (String path : List.of(
                "/engine-rest/task/" + t.contentTaskId() + "/variables",
                "/engine-rest/task/" + t.contentTaskId() + "/form-variables",
                "/engine-rest/task?processInstanceId=" + t.iama().iamaId(),
                "/engine-rest/history/variable-instance?processInstanceId="
                        + t.iama().iamaId(),
                "/engine-rest/history/detail?processInstanceId=" + t.iama().iamaId())) {
            assertThat(showsNothing(api("ethics").get(path))).as(path).isTrue();
            assertThat(showsNothing(api("fg").get(path))).as(path).isTrue();
        }
        String versions = "/api/assessments/" + t.assessmentId() + "/versions/1";
        for (HttpResponse<String> refused : List.of(
                api("ethics").sendJson("PUT", versions + "/sections/iama-part-1", "{\"part1Goal\":\"x\"}"),
                api("ethics").get("/api/audit?systemId=" + t.iama().systemId()),
                api("ethics")
                        .sendJson(
                                "POST",
                                "/engine-rest/task/" + t.contentTaskId() + "/complete",
                                "{\"variables\":{}}"))) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isIn(403, 404);
        }
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(t.contentTaskId())
                        .count())
                .as("the team's task is still open")
                .isEqualTo(1);
    }

    @Test
    void anAdministratorWhoIsAlsoAProjectLeadReadsEverySystemAsAdministrator() {
        if (identity.createUserQuery().userId("adminlead").count() == 0) {
            User user = identity.newUser("adminlead");
            DemoUsers.saveWithDemoPassword(identity, user);
            identity.createMembership("adminlead", "admin");
            identity.createMembership("adminlead", "project-lead");
        }
        Target t = target("Doelwit voor beheer");
        String own =
                systems.register("Eigen van beheer", null, "ICT", "adminlead").id();
        Http admin = login("adminlead");
        String list = admin.get("/systemen?zoek=Doelwit+voor+beheer").body();
        assertThat(list).contains("<h1>Systemen</h1>").contains("Doelwit voor beheer");
        assertThat(admin.get("/systemen?zoek=Eigen+van+beheer").body()).contains("Eigen van beheer");
        HttpResponse<String> page = admin.get("/systemen/" + t.iama().systemId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Doelwit voor beheer");
        assertThat(admin.get("/systemen/" + own).statusCode()).isEqualTo(200);
        assertThat(admin.get("/beoordelingen/" + t.assessmentId() + "/versies/1")
                        .statusCode())
                .isEqualTo(200);
        // Reading is not writing: the content of another team's assessment stays the team's (ADR 0016).
        HttpResponse<String> complete = api("adminlead")
                .sendJson("POST", "/engine-rest/task/" + t.contentTaskId() + "/complete", "{\"variables\":{}}");
        assertThat(complete.statusCode()).isIn(403, 404);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(t.contentTaskId())
                        .count())
                .isEqualTo(1);
    }
}
