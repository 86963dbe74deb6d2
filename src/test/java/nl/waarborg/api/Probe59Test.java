package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.VersionStatus;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.identity.Groups;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.task.TaskWork;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Probe 59 from outside: a delegated advice that is resolved or submitted instead of completed, a team change in the
 * middle of a cycle, and spellings of the closed webapp login that could slip past its filter. Each test asserts the
 * safe outcome. Three found a way around Waarborg's rules and are now closed: a co-author's words laundered into a part
 * through the engine's resolve (PartlyGuardedCommands.checkResolve), a decision record written into a draft by its
 * owner (AssessmentType.sections), and a 500 for a path with '//' (MalformedPathFilter).
 */
@WaarborgIntegrationTest
class Probe59Test extends GuardScenario {

    @Autowired
    TaskWork tasks;

    @Autowired
    JdbcClient jdbc;

    private void ensureUser(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            DemoUsers.saveWithDemoPassword(identity, user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    /** The id of the system's IAMA. */
    private String iamaOf(RunningIama iama) {
        return iamaIdOf(iama.systemId());
    }

    private Object processVariable(String processInstanceId, String name) {
        return engine.getRuntimeService().getVariable(processInstanceId, name);
    }

    /** fg claims the advice and hands it to a colleague (within the group, as Tasklist's "delegate" does). */
    private void delegatedToColleague(RunningIama iama) {
        ensureUser("fg59", Groups.PRIVACY_OFFICER);
        String gate = "/engine-rest/task/" + iama.gateTaskId();
        assertThat(send("fg", "POST", gate + "/claim", "{\"userId\":\"fg\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> delegated = send("fg", "POST", gate + "/delegate", "{\"userId\":\"fg59\"}");
        assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(204);
    }

    /**
     * ADR 0054: "a task writes into its process only by being completed, where the form check holds". The engine's
     * resolve of a delegated task is a CompleteTaskCmd subclass that sets the given variables on the task's execution
     * (the process scope) without completing the task. Held: the form check refuses a field that is not on the task's
     * form (the team's answer on the advice task) and nothing reaches the process.
     */
    @Test
    void aDelegateWhoResolvesTheAdviceWritesNothingIntoTheProcess() {
        RunningIama iama = atPrivacyOfficer("Probe59 resolve");
        Object answer = processVariable(iama.iamaId(), "part1Reason");
        assertThat(answer).isNotNull();
        delegatedToColleague(iama);

        HttpResponse<String> resolved = send(
                "fg59",
                "POST",
                "/engine-rest/task/" + iama.gateTaskId() + "/resolve",
                "{\"variables\":{\"part1Reason\":{\"value\":\"Herschreven door de FG\"},"
                        + "\"probe59Planted\":{\"value\":\"ja\"}}}");

        assertThat(processVariable(iama.iamaId(), "part1Reason"))
                .as("the team's answer after resolve (" + resolved.statusCode() + " " + resolved.body() + ")")
                .isEqualTo(answer);
        assertThat(processVariable(iama.iamaId(), "probe59Planted")).isNull();
        assertThat(resolved.statusCode()).as(resolved.body()).isBetween(400, 499);
    }

    /**
     * Whoever delegated a gate decides it only after the delegate hands it back: until then the completion is refused
     * (409, on /api and on the task page) with words for the delegator ("U hebt deze taak gedelegeerd"), not the
     * request to ask the holder to release it; no signature is recorded and the delegate still holds the gate.
     */
    @Test
    void whoDelegatedAGateIsToldToWaitForItsReturn() {
        RunningIama iama = atPrivacyOfficer("Probe59 gedelegeerd afronden");
        delegatedToColleague(iama);
        int signatures = signaturesOf(iama.systemId());
        Map<String, Object> advice = Map.of("decision", "APPROVED", "motivation", "Zelf afgerond");

        HttpResponse<String> viaApi = steps().viaApi("fg", iama.gateTaskId(), advice);
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(409);
        assertThat(viaApi.body()).contains("was delegated by fg to fg59");
        HttpResponse<String> onPage = steps().viaPage("fg", iama.gateTaskId(), advice);
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(409);
        assertThat(onPage.body()).contains("U hebt deze taak gedelegeerd").doesNotContain("vrij te geven");
        HttpResponse<String> viaEngine = send(
                "fg",
                "POST",
                "/engine-rest/task/" + iama.gateTaskId() + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"},\"motivation\":{\"value\":\"Zelf\"}}}");
        assertThat(viaEngine.statusCode()).as(viaEngine.body()).isBetween(400, 499);

        assertThat(signaturesOf(iama.systemId())).isEqualTo(signatures);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(iama.gateTaskId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("fg59");
    }

    /**
     * The same without a delegation (the engine's resolve does not ask whether the task was delegated at all), and with
     * the gate's own inputs: held, the gate inputs are refused outside a completion.
     */
    @Test
    void aReviewerWhoResolvesAnAdviceThatWasNeverDelegatedWritesNothingIntoTheProcess() {
        RunningIama iama = atPrivacyOfficer("Probe59 resolve zonder delegatie");
        Object answer = processVariable(iama.iamaId(), "part1Reason");
        String gate = "/engine-rest/task/" + iama.gateTaskId();
        assertThat(send("fg", "POST", gate + "/claim", "{\"userId\":\"fg\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> resolved =
                send("fg", "POST", gate + "/resolve", "{\"variables\":{\"part1Reason\":{\"value\":\"Door de FG\"}}}");
        assertThat(processVariable(iama.iamaId(), "part1Reason"))
                .as("after resolve (" + resolved.statusCode() + " " + resolved.body() + ")")
                .isEqualTo(answer);
        assertThat(resolved.statusCode()).as(resolved.body()).isBetween(400, 499);
        // The gate's own inputs through resolve: no advice without completion.
        int signatures = signaturesOf(iama.systemId());
        HttpResponse<String> advised = send(
                "fg",
                "POST",
                gate + "/resolve",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"},\"motivation\":{\"value\":\"Prima\"}}}");
        assertThat(advised.statusCode()).as(advised.body()).isBetween(400, 499);
        assertThat(processVariable(iama.iamaId(), "decision")).isNull();
        assertThat(signaturesOf(iama.systemId())).isEqualTo(signatures);
        // The advice stays with the group and open.
        Task gateTask = engine.getTaskService()
                .createTaskQuery()
                .taskId(iama.gateTaskId())
                .singleResult();
        assertThat(gateTask).isNotNull();
    }

    /**
     * Submitting the form of a delegated task resolves it (the engine's SubmitTaskFormCmd), which the command guard
     * counts as a completion. Held: neither the gate's inputs nor another task's answers land in the process, and no
     * signature is recorded.
     */
    @Test
    void aDelegateWhoSubmitsTheAdviceFormWritesNothingIntoTheProcess() {
        RunningIama iama = atPrivacyOfficer("Probe59 submit-form");
        Object answer = processVariable(iama.iamaId(), "part1Reason");
        int signatures = signaturesOf(iama.systemId());
        delegatedToColleague(iama);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", Map.of("value", "APPROVED"));
        variables.put("motivation", Map.of("value", "Vooraf ingevuld door een collega"));
        variables.put("part1Reason", Map.of("value", "Herschreven door de FG"));
        HttpResponse<String> submitted = send(
                "fg59",
                "POST",
                "/engine-rest/task/" + iama.gateTaskId() + "/submit-form",
                ApiSteps.write(Map.of("variables", variables)));

        String outcome = submitted.statusCode() + " " + submitted.body();
        assertThat(processVariable(iama.iamaId(), "part1Reason"))
                .as("after submit-form: " + outcome)
                .isEqualTo(answer);
        assertThat(processVariable(iama.iamaId(), "decision"))
                .as("after submit-form: " + outcome)
                .isNull();
        assertThat(processVariable(iama.iamaId(), "motivation"))
                .as("after submit-form: " + outcome)
                .isNull();
        assertThat(signaturesOf(iama.systemId())).isEqualTo(signatures);
        assertThat(submitted.statusCode()).as(submitted.body()).isBetween(400, 499);
    }

    private int signaturesOf(String systemId) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_signature s JOIN wb_assessment_version v ON v.id = s.version_id"
                        + " JOIN wb_assessment a ON a.id = v.assessment_id WHERE a.system_id = :s")
                .param("s", systemId)
                .query(Integer.class)
                .single();
    }

    /**
     * Team change in the middle of a cycle: a co-author who is also in the alderman's group fills in the triage, is
     * then taken off the team by the owner, and tries to decide the IAMA. Filling in the round's triage is a conflict
     * of duties that the removal does not wipe out (ADR 0014).
     */
    @Test
    void aCoAuthorWhoFilledInTheTriageAndLeftTheTeamStillCannotDecide() {
        String systemId = startedWithAldermanAsCoAuthor("Probe59 teamwissel", "dual59");

        String triage = openTask(systemId, "fill-in-triage").getId();
        assertThat(api("dual59").postJson("/api/tasks/" + triage + "/claim", "").statusCode())
                .isEqualTo(200);
        TaskWork.TaskView view = driver.as("dual59", () -> tasks.task(triage));
        Map<String, Object> values = driver.answers(view.formId(), "dual59");
        NEEDS_IAMA.forEach((k, v) -> {
            if (values.containsKey(k)) {
                values.put(k, v);
            }
        });
        HttpResponse<String> filled =
                api("dual59").postJson("/api/tasks/" + triage + "/complete", ApiSteps.write(values));
        assertThat(filled.statusCode()).as(filled.body()).isBetween(200, 204);

        HttpResponse<String> removed =
                api("lead").sendJson("DELETE", "/api/systems/" + systemId + "/co-authors/dual59", null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        driver.driveUntil(systemId, "alderman-decision", NEEDS_IAMA);

        HttpResponse<String> decided = approveAs("dual59", systemId);
        assertThat(decided.statusCode()).as(decided.body()).isIn(403, 409);
        assertThat(reads.versions(iamaIdOf(systemId))).allMatch(v -> v.status() != VersionStatus.APPROVED);
    }

    /**
     * A co-author who wrote nothing is still on the making side: the owner named them to write the system's content,
     * they see its drafts and its content tasks. So while they are in the team they may not decide, even when they are
     * in the alderman's group (ADR 0014); taken off the team, having written nothing, they may.
     */
    @Test
    void aCoAuthorWhoWroteNothingCannotDecideWhileInTheTeam() {
        String systemId = startedWithAldermanAsCoAuthor("Probe59 stille co-auteur", "dual59c");
        driver.driveUntil(systemId, "alderman-decision", NEEDS_IAMA);

        HttpResponse<String> refused = approveAs("dual59c", systemId);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("co-author");
        assertThat(reads.versions(iamaIdOf(systemId))).allMatch(v -> v.status() != VersionStatus.APPROVED);

        HttpResponse<String> removed =
                api("lead").sendJson("DELETE", "/api/systems/" + systemId + "/co-authors/dual59c", null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        HttpResponse<String> decided = approveAs("dual59c", systemId);
        assertThat(decided.statusCode()).as(decided.body()).isBetween(200, 204);
        assertThat(reads.versions(iamaIdOf(systemId))).anyMatch(v -> v.status() == VersionStatus.APPROVED);
    }

    /** A new system of "lead" with {@code coAuthor}, a project lead in the alderman's group, in its team; cycle started. */
    private String startedWithAldermanAsCoAuthor(String name, String coAuthor) {
        ensureUser(coAuthor, Groups.PROJECT_LEAD, Groups.ALDERMAN);
        String systemId = systems.register(name, null, "Sociaal Domein", "lead").id();
        HttpResponse<String> added = api("lead").postJson("/api/systems/" + systemId + "/co-authors/" + coAuthor, "");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        HttpResponse<String> started = api("lead").postJson("/api/systems/" + systemId + "/cycles", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return systemId;
    }

    /** The user claims the open alderman's decision of the system and approves it through /api. */
    private HttpResponse<String> approveAs(String user, String systemId) {
        String decision = openTask(systemId, "alderman-decision").getId();
        api(user).postJson("/api/tasks/" + decision + "/claim", "");
        TaskWork.TaskView gate = driver.as("alderman", () -> tasks.task(decision));
        Map<String, Object> approve = driver.answers(gate.formId(), user);
        approve.putAll(DemoDriver.governance(gate.values()));
        approve.remove("mandateReference");
        return api(user).postJson("/api/tasks/" + decision + "/complete", ApiSteps.write(approve));
    }

    private String iamaIdOf(String systemId) {
        return reads.assessmentsOf(systemId).stream()
                .filter(a -> a.type() == AssessmentType.IAMA)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Task openTask(String systemId, String activityId) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    /**
     * Spellings of Camunda's closed webapp login (ADR 0054) that a path filter could miss: trailing slash, double
     * slash, an encoded slash, a path parameter, another case. None logs the session in as another account.
     */
    @Test
    void noSpellingOfTheWebappLoginTakesAnotherAccount() {
        Http browser = Http.browser(port);
        String token = tasklistLogin(browser, "lead");
        for (String path : List.of(
                "/camunda/api/admin/auth/user/default/login/tasklist/",
                "/camunda/api/admin/auth/user/default/login%2Ftasklist",
                "/camunda/api/admin/auth/user/default/login/tasklist;jsessionid=x",
                "/camunda/api/admin/auth/user/default;x=y/login/tasklist",
                "/camunda/api/admin/auth/user/default/login/TASKLIST",
                "/camunda/api/admin/auth/user/default/login/cockpit",
                "/camunda/api/admin/auth/user/default/login/welcome",
                "/camunda/api/admin/auth/user/default/login/admin",
                "/camunda/api/admin/auth/user/DEFAULT/login/tasklist",
                "/camunda/api/ADMIN/auth/user/default/login/tasklist",
                "/Camunda/api/admin/auth/user/default/login/tasklist",
                "/camunda/api/admin/auth/user/default/./login/tasklist",
                "/camunda/api/admin/auth/user/x/../default/login/tasklist")) {
            HttpResponse<String> login;
            try {
                login = browser.send(browser.request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString("username=alderman&password=demo")));
            } catch (RuntimeException e) {
                continue; // the client refused to send it: nothing reached the server
            }
            assertThat(login.statusCode()).as(path + ": " + login.body()).isBetween(400, 499);
            assertThat(login.body()).as(path).doesNotContain("\"userId\":\"alderman\"");
            HttpResponse<String> who = browser.get("/camunda/api/admin/auth/user/default", "application/json");
            assertThat(who.body())
                    .as("after " + path)
                    .contains("\"userId\":\"lead\"")
                    .doesNotContain("alderman");
        }
    }

    /**
     * A double slash in a path reaches the servlet of Camunda's webapp API (Tomcat maps it) but Spring's request path
     * parsing, before the security filters, throws: the answer is a 500 with a stack trace in the log instead of the 4xx
     * refusal. Nothing is logged in (checked); the safe outcome is a 4xx.
     */
    @Test
    void aDoubleSlashIsABadRequestAndNoServerError() {
        Http browser = Http.browser(port);
        String token = tasklistLogin(browser, "lead");
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String path : List.of(
                "/camunda//api/admin/auth/user/default/login/tasklist",
                "/camunda/api/admin//auth/user/default/login/tasklist",
                "/camunda//api/engine/engine/default/task",
                "/engine-rest//task",
                "/api//systems")) {
            HttpResponse<String> response = browser.send(browser.request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString("username=alderman&password=demo")));
            statuses.put(path, response.statusCode());
            HttpResponse<String> who = browser.get("/camunda/api/admin/auth/user/default", "application/json");
            assertThat(who.body())
                    .as("after " + path)
                    .contains("\"userId\":\"lead\"")
                    .doesNotContain("alderman");
        }
        assertThat(statuses)
                .as(statuses.toString())
                .allSatisfy((path, status) -> assertThat(status).as(path).isBetween(400, 499));
    }

    /**
     * The alderman's decision record (ADR 0035) is a section of the version that is neither content (its saves make no
     * writer) nor covered by the advisers' answers hash. The owner may save sections of a draft over /api: a record of a
     * decision nobody took, or the other assessment type's record that the alderman's own decision never overwrites,
     * would ride along into the frozen version outside what the advisers signed.
     */
    @Test
    void theOwnerCannotWriteAnAldermansDecisionRecordIntoADraft() {
        RunningIama iama = at("Probe59 besluitverslag", "fill-in-iama-part-1");
        String assessmentId = iamaOf(iama);
        String base = "/api/assessments/" + assessmentId + "/versions/1/sections/";
        Map<String, Integer> statuses = new LinkedHashMap<>();
        // The other type's record first: the IAMA's own approval overwrites only "iama-alderman-decision".
        for (String section : List.of("dpia-alderman-decision", "iama-alderman-decision")) {
            HttpResponse<String> saved = api("lead")
                    .sendJson(
                            "PUT",
                            base + section,
                            "{\"competentBody\":\"BURGEMEESTER\",\"residualRiskAcceptances\":"
                                    + "[{\"risk\":\"Alles\",\"accepted\":true}],\"forgedActionPoints\":"
                                    + "[{\"what\":\"Niets\",\"owner\":\"lead\",\"dueDate\":\"2030-01-01\"}]}");
            statuses.put(section, saved.statusCode());
        }
        // The IAMA runs on to the alderman's approval (by the demo users, without conflict).
        driver.driveUntil(iama.systemId(), "geen-stap", NEEDS_IAMA);
        String frozen = jdbc.sql("SELECT status || ' ' || answers FROM wb_assessment_version WHERE assessment_id = :a")
                .param("a", assessmentId)
                .query(String.class)
                .list()
                .toString();
        String contributors = String.valueOf(jdbc.sql("SELECT COUNT(*) FROM wb_answer_save s JOIN"
                        + " wb_assessment_version v ON v.id = s.version_id WHERE v.assessment_id = :a AND s.section ="
                        + " 'dpia-alderman-decision'")
                .param("a", assessmentId)
                .query(Integer.class)
                .single());
        int forgedPoints = jdbc.sql("SELECT COUNT(*) FROM wb_action_point p JOIN wb_assessment_version v ON v.id ="
                        + " p.version_id WHERE v.assessment_id = :a AND p.section = 'dpia-alderman-decision'")
                .param("a", assessmentId)
                .query(Integer.class)
                .single();
        String story = "PUT statuses " + statuses + "; action points from the forged record " + forgedPoints
                + "; saves of the foreign record " + contributors + "; version now "
                + frozen.substring(0, Math.min(frozen.length(), 300)) + " ... holds dpia-alderman-decision: "
                + frozen.contains("dpia-alderman-decision") + "; system phase "
                + systems.get(iama.systemId()).phase();
        assertThat(statuses.values()).as(story).allMatch(status -> status >= 400 && status < 500);
        assertThat(frozen).as(story).doesNotContain("dpia-alderman-decision");
    }

    /**
     * A co-author who is also in the alderman's group writes a content part through the engine's resolve (which writes
     * the task's form values into the process without completing the task); the hostile owner then completes the part
     * with those values, so the saves name only the owner. The co-author then decides. Whoever wrote content may not
     * decide (ADR 0014): the resolve must be refused, or the decision.
     */
    @Test
    void aCoAuthorWhoseWordsReachThePartThroughResolveCannotDecide() {
        ensureUser("dual59r", Groups.PROJECT_LEAD, Groups.ALDERMAN);
        String systemId = systems.register("Probe59 witwassen", null, "Sociaal Domein", "lead")
                .id();
        assertThat(api("lead")
                        .postJson("/api/systems/" + systemId + "/co-authors/dual59r", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        driver.driveUntil(systemId, "fill-in-iama-part-1", NEEDS_IAMA);
        String part = openTask(systemId, "fill-in-iama-part-1").getId();
        TaskWork.TaskView view = driver.as("lead", () -> tasks.task(part));
        Map<String, Object> words = driver.answers(view.formId(), "dual59r");
        words.put("part1Reason", "Geschreven door de co-auteur die later besluit");
        Map<String, Object> variables = new LinkedHashMap<>();
        words.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        HttpResponse<String> resolved = send(
                "dual59r",
                "POST",
                "/engine-rest/task/" + part + "/resolve",
                ApiSteps.write(Map.of("variables", variables)));
        boolean resolveRefused = resolved.statusCode() >= 400;
        String story = "resolve " + resolved.statusCode() + " " + resolved.body();
        if (!resolveRefused) {
            Object inProcess = engine.getRuntimeService()
                    .getVariable(openTask(systemId, "fill-in-iama-part-1").getProcessInstanceId(), "part1Reason");
            story += "; process now holds part1Reason=" + inProcess;
            api("lead").postJson("/api/tasks/" + part + "/claim", "");
            HttpResponse<String> completed =
                    api("lead").postJson("/api/tasks/" + part + "/complete", ApiSteps.write(words));
            story += "; owner completes " + completed.statusCode();
            driver.driveUntil(systemId, "alderman-decision", NEEDS_IAMA);
            String decision = openTask(systemId, "alderman-decision").getId();
            api("dual59r").postJson("/api/tasks/" + decision + "/claim", "");
            TaskWork.TaskView gate = driver.as("alderman", () -> tasks.task(decision));
            Map<String, Object> approve = driver.answers(gate.formId(), "dual59r");
            approve.putAll(DemoDriver.governance(gate.values()));
            approve.remove("mandateReference");
            HttpResponse<String> decided =
                    api("dual59r").postJson("/api/tasks/" + decision + "/complete", ApiSteps.write(approve));
            story += "; co-author decides " + decided.statusCode() + " " + decided.body();
            story += "; system phase now " + systems.get(systemId).phase();
            assertThat(decided.statusCode()).as(story).isIn(403, 409);
        }
        assertThat(story).isNotNull();
    }

    /** A colleague of the group cannot take a claimed advice away by resolving it: only a delegated task is resolved. */
    @Test
    void aColleagueCannotTakeAClaimedAdviceByResolvingIt() {
        RunningIama iama = atPrivacyOfficer("Probe59 resolve als overname");
        ensureUser("fg59b", Groups.PRIVACY_OFFICER);
        String gate = "/engine-rest/task/" + iama.gateTaskId();
        assertThat(send("fg", "POST", gate + "/claim", "{\"userId\":\"fg\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> resolved = send("fg59b", "POST", gate + "/resolve", "{}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(403);
        assertThat(resolved.body()).contains("Only a task that was delegated to you can be resolved");
        Task after = engine.getTaskService()
                .createTaskQuery()
                .taskId(iama.gateTaskId())
                .singleResult();
        assertThat(after.getAssignee()).isEqualTo("fg");
        assertThat(after.getDelegationState()).isNull();
    }

    /** A delegate hands the advice back without answers (allowed), but not with them, by resolve or by submit-form. */
    @Test
    void aDelegateHandsTheAdviceBackOnlyWithoutAnswers() {
        RunningIama iama = atPrivacyOfficer("Probe59 terug zonder antwoorden");
        delegatedToColleague(iama);
        String gate = "/engine-rest/task/" + iama.gateTaskId();
        HttpResponse<String> submitted = send(
                "fg59",
                "POST",
                gate + "/submit-form",
                "{\"variables\":{\"motivation\":{\"value\":\"Door de gedelegeerde\"}}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isBetween(400, 499);
        assertThat(processVariable(iama.iamaId(), "motivation")).isNull();
        HttpResponse<String> back = send("fg59", "POST", gate + "/resolve", "{\"variables\":{}}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(204);
        Task after = engine.getTaskService()
                .createTaskQuery()
                .taskId(iama.gateTaskId())
                .singleResult();
        assertThat(after.getAssignee()).isEqualTo("fg");
    }

    /** Only the sections of the assessment's own content tasks are written by hand; anything else is a 400 naming it. */
    @Test
    void aSectionThatIsNoContentTaskOfTheAssessmentIsRefused() {
        RunningIama iama = at("Probe59 vreemde secties", "fill-in-iama-part-1");
        String assessmentId = iamaOf(iama);
        String base = "/api/assessments/" + assessmentId + "/versions/1/sections/";
        for (String section :
                List.of("iama-privacy-officer-advice", "privacy-officer-advice", "dpia-section-a", "triage")) {
            HttpResponse<String> saved = api("lead").sendJson("PUT", base + section, "{\"decision\":\"APPROVED\"}");
            assertThat(saved.statusCode()).as(section + " " + saved.body()).isEqualTo(400);
            assertThat(saved.body()).contains("\"field\":\"section\"").contains(section);
        }
        HttpResponse<String> own =
                api("lead").sendJson("PUT", base + "iama-part-1", "{\"part1Reason\":\"Eigen woorden\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    /** A page address with '//' is a 400 with a Dutch explanation, not a server error. */
    @Test
    void aPageAddressWithADoubleSlashIsABadRequest() {
        Http browser = Http.browser(port);
        browser.formLogin("lead", "demo");
        for (String path : List.of("/systemen//nieuw", "/camunda/app//tasklist/", "//login")) {
            HttpResponse<String> response = browser.get(path, "text/html");
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
        }
        assertThat(browser.get("/systemen//nieuw", "text/html").body()).contains("lege stap");
    }
}
