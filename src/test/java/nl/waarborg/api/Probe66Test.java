package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.Accounts;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.Together;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Probe 66, an outside attacker under concurrent use and re-submission: the same request twice at once, two different
 * requests racing, and an old form sent again. Each probe checks the end state in the database and the engine, not
 * only the answers; a test that fails is a hole.
 */
@WaarborgIntegrationTest
class Probe66Test extends GuardScenario {

    @Autowired
    JdbcClient jdbc;

    private static final String CLEAR = "{\"reason\":\"Probe 66\"}";

    // ------------------------------------------------------------------------------------------------------------
    // The same request twice at once
    // ------------------------------------------------------------------------------------------------------------

    /**
     * The owner names the same co-author twice at once (a double click on the team page), then removes them twice at
     * once. Safe: one row in the team and one audit event per change; the second removal is a 404, never a 500.
     */
    @Test
    void theSameTeamChangeTwiceAtOnceIsOneChange() throws Exception {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String systemId =
                    systems.register("Probe66 team " + i, null, "ICT", "lead").id();
            String path = "/api/systems/" + systemId + "/co-authors/lead2";
            List<HttpResponse<String>> added = together(List.of(
                    () -> api("lead").postJson(path, "{}"), () -> api("lead").postJson(path, "{}")));
            int rows = count("SELECT COUNT(*) FROM wb_system_co_author WHERE system_id = ?", systemId);
            long addEvents = audits(systemId, "SYSTEM_CO_AUTHOR_ADDED");
            if (rows != 1 || addEvents != 1 || anyServerError(added)) {
                broken.add("add " + outcome(added) + " -> rows " + rows + ", audit " + addEvents);
            }
            List<HttpResponse<String>> removed = together(List.of(
                    () -> api("lead").sendJson("DELETE", path, null),
                    () -> api("lead").sendJson("DELETE", path, null)));
            long removeEvents = audits(systemId, "SYSTEM_CO_AUTHOR_REMOVED");
            List<Integer> codes =
                    removed.stream().map(HttpResponse::statusCode).sorted().toList();
            if (removeEvents != 1 || !codes.equals(List.of(200, 404))) {
                broken.add("remove " + outcome(removed) + " -> audit " + removeEvents);
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * Two re-assessment triggers sent at once for a system in use (two tabs). Safe: one 202 and one 409 problem, one
     * new round (one cycle running, one TRIGGER_RECEIVED, the round count up by one).
     */
    @Test
    void twoTriggersAtOnceStartOneRound() throws Exception {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String systemId = inUse("Probe66 signalen " + i);
            String body = ApiSteps.write(Map.of("type", "COMPLAINT", "description", "Klacht " + i));
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api("lead").postJson("/api/systems/" + systemId + "/triggers", body),
                    () -> api("lead").postJson("/api/systems/" + systemId + "/triggers", body)));
            List<Integer> codes =
                    responses.stream().map(HttpResponse::statusCode).sorted().toList();
            long triggers = audits(systemId, "TRIGGER_RECEIVED");
            long cycles = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(systemId)
                    .processDefinitionKey("assessment-cycle")
                    .count();
            long triages = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceBusinessKey(systemId)
                    .taskDefinitionKey("fill-in-triage")
                    .count();
            if (!codes.equals(List.of(202, 409)) || triggers != 1 || cycles != 1 || triages != 1) {
                broken.add(outcome(responses) + " -> triggers " + triggers + ", cycles " + cycles + ", triage tasks "
                        + triages);
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * The owner retires the system, the administrator retires it too and the owner starts a cycle, all at once. Safe:
     * one retirement on record, the system RETIRED with no cycle running, the others refused with a 4xx problem.
     */
    @Test
    void aRetirementTwiceAndACycleStartAtOnceLeaveOneRetiredSystemWithoutCycle() throws Exception {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String systemId = inUse("Probe66 buiten gebruik " + i);
            String reason = ApiSteps.write(Map.of("reason", "Vervangen"));
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api("lead").postJson("/api/systems/" + systemId + "/retirement", reason),
                    () -> api("admin").postJson("/api/admin/work/systems/" + systemId + "/retirement", reason),
                    () -> api("lead").postJson("/api/systems/" + systemId + "/cycles", "{}")));
            long retirements = audits(systemId, "RETIREMENT_REQUESTED");
            long started = audits(systemId, "CYCLE_STARTED");
            boolean running = engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceBusinessKey(systemId)
                            .processDefinitionKey("assessment-cycle")
                            .count()
                    > 0;
            String phase = systems.get(systemId).phase().name();
            long accepted = responses.stream().filter(r -> r.statusCode() < 300).count();
            if (anyServerError(responses)
                    || retirements != 1
                    || started != 1
                    || running
                    || !"RETIRED".equals(phase)
                    || accepted != 1) {
                broken.add(outcome(responses) + " -> retirements " + retirements + ", cycle starts " + started
                        + ", running " + running + ", phase " + phase);
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * Two administrators cancel the same cycle at once. Safe: one cancellation on record, the other refused (4xx), no
     * cycle left running.
     */
    @Test
    void twoCancellationsOfOneCycleAtOnceCancelOnce() throws Exception {
        Accounts.appointSecondAdministrator(identity);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String systemId = startedSystem("Probe66 annuleren " + i);
            String path = "/api/admin/work/systems/" + systemId + "/cycle-cancellation";
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api("admin").postJson(path, CLEAR),
                    () -> Http.api(port)
                            .as(Accounts.SECOND_ADMINISTRATOR, "demo")
                            .postJson(path, CLEAR)));
            long cancelled = audits(systemId, "CYCLE_CANCELLED");
            long accepted = responses.stream().filter(r -> r.statusCode() < 300).count();
            long running = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(systemId)
                    .count();
            if (anyServerError(responses) || cancelled != 1 || accepted != 1 || running != 0) {
                broken.add(outcome(responses) + " -> cancelled " + cancelled + ", running " + running);
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * The owner completes the pre-scan on the page and through /api at the same moment (double click plus a script).
     * Safe: one completion (204 / 200) and a 409 for the other, one triage on record, one next task.
     */
    @Test
    void aContentTaskCompletedTwiceAtOnceOnThePageAndTheApiCountsOnce() throws Exception {
        List<String> broken = new ArrayList<>();
        Map<String, Object> answers = TriageAnswers.with(TriageAnswers.impactful());
        for (int i = 0; i < 3; i++) {
            String systemId = startedSystem("Probe66 dubbel " + i);
            String taskId = open(systemId, "fill-in-triage").getId();
            Http session = steps().session("lead");
            List<HttpResponse<String>> responses = together(List.of(
                    () -> ApiSteps.completeOnPage(session, taskId, ApiSteps.write(answers)),
                    () -> steps().viaApi("lead", taskId, answers)));
            int triages = count("SELECT COUNT(*) FROM wb_triage WHERE system_id = ?", systemId);
            long next = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceBusinessKey(systemId)
                    .taskDefinitionKey("choose-iama")
                    .count();
            long accepted = responses.stream().filter(r -> r.statusCode() < 300).count();
            if (anyServerError(responses) || triages != 1 || next != 1 || accepted != 1) {
                broken.add(outcome(responses) + " -> triages " + triages + ", choose-iama tasks " + next);
            }
        }
        assertThat(broken).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Two different requests racing
    // ------------------------------------------------------------------------------------------------------------

    /**
     * ADR 0045: "every draft of a task is removed when the task is completed ... a done task leaves none". The owner's
     * page saves a draft (autosave, or "Concept opslaan" in another tab) at the moment the task is completed. Safe:
     * afterwards no draft row of the completed task is left.
     */
    @Test
    void aDraftSavedWhileItsTaskIsCompletedIsNotLeftBehind() throws Exception {
        List<String> left = new ArrayList<>();
        Map<String, Object> answers = TriageAnswers.with(TriageAnswers.impactful());
        for (int i = 0; i < 6 && left.isEmpty(); i++) {
            String systemId = startedSystem("Probe66 concept " + i);
            String taskId = open(systemId, "fill-in-triage").getId();
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api("lead").sendJson("PUT", "/api/tasks/" + taskId + "/draft", ApiSteps.write(answers)),
                    () -> steps().viaApi("lead", taskId, answers)));
            boolean completed = open(systemId, "fill-in-triage") == null;
            int drafts = count("SELECT COUNT(*) FROM wb_task_draft WHERE task_id = ?", taskId);
            System.out.println("Probe66 draft/complete " + i + ": " + outcome(responses) + " -> completed " + completed
                    + ", drafts " + drafts);
            if (anyServerError(responses) || (completed && drafts != 0)) {
                HttpResponse<String> read = api("lead").get("/api/tasks/" + taskId + "/draft");
                HttpResponse<String> discard = api("lead").sendJson("DELETE", "/api/tasks/" + taskId + "/draft", null);
                left.add(outcome(responses) + " -> task completed " + completed + ", draft rows " + drafts
                        + "; then GET draft " + read.statusCode() + ", DELETE draft " + discard.statusCode()
                        + ", rows after the discard "
                        + count("SELECT COUNT(*) FROM wb_task_draft WHERE task_id = ?", taskId));
            }
        }
        assertThat(left).isEmpty();
    }

    /**
     * A privacy officer claims the IAMA's advice at the moment an administrator takes them out of the group. The
     * removal gives back the open group tasks the user holds ("tasksReleased"); a claim checks that the new holder is a
     * member (GroupTasks). Safe: afterwards the gate is not held by someone outside privacy-officer.
     */
    @Test
    void aClaimWhileTheReviewerIsTakenOutOfTheGroupLeavesTheGateWithTheGroup() throws Exception {
        assertThat(claimWhile(
                        "fg66g",
                        user -> api("admin")
                                .sendJson(
                                        "DELETE",
                                        "/api/admin/users/" + user + "/groups/privacy-officer?reason=Probe66",
                                        null),
                        user -> identity.createUserQuery()
                                        .userId(user)
                                        .memberOfGroup("privacy-officer")
                                        .count()
                                > 0))
                .isEmpty();
    }

    /**
     * The same with the account deleted: an administrator deletes a privacy officer at the moment they claim the advice.
     * Safe: the gate is not left held by an account that no longer exists.
     */
    @Test
    void aClaimWhileTheReviewerIsDeletedLeavesNoGateWithADeletedAccount() throws Exception {
        assertThat(claimWhile(
                        "fg66d",
                        user -> api("admin").sendJson("DELETE", "/api/admin/users/" + user + "?reason=Probe66", null),
                        user -> identity.createUserQuery().userId(user).count() > 0))
                .isEmpty();
    }

    /**
     * The same with the account deactivated ("retired" colleague): the deactivation gives back the tasks the user holds.
     * Safe: the gate is not left held by a deactivated account.
     */
    @Test
    void aClaimWhileTheReviewerIsDeactivatedLeavesNoGateWithADeactivatedAccount() throws Exception {
        assertThat(claimWhile(
                        "fg66x",
                        user -> api("admin").postJson("/api/admin/users/" + user + "/deactivation", CLEAR),
                        user -> !ApiSteps.json(api("admin").get("/api/admin/users/" + user))
                                .path("deactivated")
                                .asBoolean()))
                .isEmpty();
    }

    /**
     * One administrator hands the advice to a privacy officer while a second administrator takes that officer out of
     * the group. Serially either the removal gives the task back, or the hand-over is refused (not a member). Safe: the
     * gate is not held by someone outside privacy-officer.
     */
    @Test
    void aHandOverWhileTheNewHolderIsTakenOutOfTheGroupLeavesTheGateWithTheGroup() throws Exception {
        Accounts.appointSecondAdministrator(identity);
        RunningIama iama = atPrivacyOfficer("Probe66 overdracht");
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 8 && held.isEmpty(); i++) {
            String user = reviewer("fg66h" + i);
            int delay = i % 4 * 5;
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api("admin")
                            .postJson(
                                    "/api/admin/work/tasks/" + iama.gateTaskId() + "/assignee",
                                    ApiSteps.write(Map.of("assignee", user, "reason", "Vakantie"))),
                    () -> {
                        Thread.sleep(delay);
                        return Http.api(port)
                                .as(Accounts.SECOND_ADMINISTRATOR, "demo")
                                .sendJson(
                                        "DELETE",
                                        "/api/admin/users/" + user + "/groups/privacy-officer?reason=Probe66",
                                        null);
                    }));
            String assignee = assigneeOf(iama.gateTaskId());
            boolean member = identity.createUserQuery()
                            .userId(user)
                            .memberOfGroup("privacy-officer")
                            .count()
                    > 0;
            System.out.println("Probe66 handover/leave " + i + ": " + outcome(responses) + " -> assignee " + assignee
                    + ", member " + member);
            if (anyServerError(responses) || (user.equals(assignee) && !member)) {
                held.add(outcome(responses) + " -> the gate is held by " + assignee + ", member " + member
                        + consequence(iama));
            }
            engine.getTaskService().setAssignee(iama.gateTaskId(), null);
        }
        assertThat(held).isEmpty();
    }

    /**
     * A new privacy officer per round claims the advice of one gate at the moment {@code administration} acts on them;
     * returns the rounds in which the gate ended up held by someone who is no longer {@code entitled}.
     */
    private List<String> claimWhile(
            String prefix,
            java.util.function.Function<String, HttpResponse<String>> administration,
            java.util.function.Predicate<String> entitled)
            throws Exception {
        RunningIama iama = atPrivacyOfficer("Probe66 " + prefix);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 8 && held.isEmpty(); i++) {
            String user = reviewer(prefix + i);
            int delay = i % 4 * 5;
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api(user).postJson("/api/tasks/" + iama.gateTaskId() + "/claim", "{}"), () -> {
                        Thread.sleep(delay);
                        return administration.apply(user);
                    }));
            String assignee = assigneeOf(iama.gateTaskId());
            boolean stillEntitled = entitled.test(user);
            System.out.println("Probe66 claim/" + prefix + " " + i + ": " + outcome(responses) + " -> assignee "
                    + assignee + ", entitled " + stillEntitled);
            if (anyServerError(responses) || (user.equals(assignee) && !stillEntitled)) {
                held.add(outcome(responses) + " -> the gate is held by " + assignee + ", still entitled "
                        + stillEntitled + consequence(iama));
            }
            engine.getTaskService().setAssignee(iama.gateTaskId(), null);
        }
        return held;
    }

    /** What a held gate means: the group's own privacy officer tries to give the advice; the trail's last release. */
    private String consequence(RunningIama iama) {
        Map<String, Object> advice = driver.answers("iama-privacy-officer-advice", "fg");
        HttpResponse<String> colleague = steps().viaApi("fg", iama.gateTaskId(), advice);
        String released = jdbc.sql("SELECT details FROM wb_audit_event WHERE action IN"
                        + " ('GROUP_MEMBER_REMOVED', 'USER_DELETED', 'USER_DEACTIVATED') ORDER BY seq DESC LIMIT 1")
                .query(String.class)
                .optional()
                .orElse("-");
        return "; then fg's advice -> " + colleague.statusCode() + " " + abbreviated(colleague.body())
                + "; last administration event " + abbreviated(released);
    }

    /**
     * An administrator hands the advice to a colleague at the moment the privacy officer gives it. Safe: either the
     * advice counts (one signature, no hand-over on record) or the hand-over wins (no signature, the advice refused
     * with 409); never both.
     */
    @Test
    void aHandOverAndTheAdviceAtOnceTakeOneEffect() throws Exception {
        List<String> broken = adviceWhileHandedOver("fg66r", 3).stream()
                .filter(r -> r.advised() == r.handed()
                        || r.signatures() != (r.advised() ? 1 : 0)
                        || r.reassigned() != (r.handed() ? 1 : 0))
                .map(HandOverRound::toString)
                .toList();
        assertThat(broken).isEmpty();
    }

    /**
     * The same race, looking at the administrator's answer when the advice came first: the task is simply done, which
     * the stuck-work page should say (409, or 404 "no open task"), not a refusal of the administrator's rights.
     */
    @Test
    void theAdministratorWhoseHandOverLosesTheRaceWithTheAdviceIsToldTheTaskIsDone() throws Exception {
        List<String> wrong = adviceWhileHandedOver("fg66q", 4).stream()
                .filter(r -> r.handOver().statusCode() >= 500
                        || r.advice().statusCode() >= 500
                        || r.handOver().statusCode() == 403
                        || r.handOver().body().contains("is null")
                        || r.deniedToAdmin() > 0)
                .map(HandOverRound::toString)
                .toList();
        assertThat(wrong).isEmpty();
    }

    /**
     * A privacy officer gives the advice while a colleague claims it. README: 409 when someone else got there first.
     * Safe: one of the two wins; the loser gets a 409 (or 404: the task is gone), never a 403 that calls the colleague
     * an intruder (and puts an ACCESS_DENIED of theirs in the trail), never a 500; one signature exactly when the advice
     * was accepted.
     */
    @Test
    void aColleagueWhoseClaimComesJustAfterTheAdviceIsToldTheTaskIsDone() throws Exception {
        reviewer("fg66c");
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 6 && broken.isEmpty(); i++) {
            RunningIama iama = atPrivacyOfficer("Probe66 claim tijdens advies " + i);
            String gate = iama.gateTaskId();
            Map<String, Object> advice = driver.answers("iama-privacy-officer-advice", "fg");
            int delay = i % 3 * 5;
            long deniedBefore = denied("fg66c");
            List<HttpResponse<String>> responses = together(List.of(() -> steps().viaApi("fg", gate, advice), () -> {
                Thread.sleep(delay);
                return api("fg66c").postJson("/api/tasks/" + gate + "/claim", "{}");
            }));
            int signatures = count("SELECT COUNT(*) FROM wb_signature WHERE task_id = ?", gate);
            boolean advised = responses.get(0).statusCode() == 204;
            long denied = denied("fg66c") - deniedBefore;
            System.out.println("Probe66 advice/claim " + i + ": " + outcome(responses) + " -> signatures " + signatures
                    + ", ACCESS_DENIED of fg66c +" + denied);
            if (anyServerError(responses)
                    || responses.stream().anyMatch(r -> r.statusCode() == 403)
                    || signatures != (advised ? 1 : 0)) {
                broken.add(outcome(responses) + " -> signatures " + signatures + ", ACCESS_DENIED of fg66c +" + denied);
            }
        }
        assertThat(broken).isEmpty();
    }

    record HandOverRound(
            HttpResponse<String> advice,
            HttpResponse<String> handOver,
            int signatures,
            long reassigned,
            long deniedToAdmin) {
        boolean advised() {
            return advice.statusCode() == 204;
        }

        boolean handed() {
            return handOver.statusCode() < 300;
        }

        @Override
        public String toString() {
            return "advice " + advice.statusCode() + ", hand-over " + handOver.statusCode() + " "
                    + abbreviated(handOver.body()) + " -> signatures " + signatures + ", TASK_REASSIGNED "
                    + reassigned + ", ACCESS_DENIED of admin +" + deniedToAdmin;
        }
    }

    private List<HandOverRound> adviceWhileHandedOver(String colleague, int rounds) throws Exception {
        reviewer(colleague);
        List<HandOverRound> result = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            RunningIama iama = atPrivacyOfficer("Probe66 " + colleague + " " + i);
            Map<String, Object> advice = driver.answers("iama-privacy-officer-advice", "fg");
            long deniedBefore = deniedToAdmin();
            List<HttpResponse<String>> responses = together(List.of(
                    () -> steps().viaApi("fg", iama.gateTaskId(), advice),
                    () -> api("admin")
                            .postJson(
                                    "/api/admin/work/tasks/" + iama.gateTaskId() + "/assignee",
                                    ApiSteps.write(Map.of("assignee", colleague, "reason", "Vakantie")))));
            HandOverRound round = new HandOverRound(
                    responses.get(0),
                    responses.get(1),
                    count("SELECT COUNT(*) FROM wb_signature WHERE task_id = ?", iama.gateTaskId()),
                    audits(iama.systemId(), "TASK_REASSIGNED"),
                    deniedToAdmin() - deniedBefore);
            System.out.println("Probe66 advice/hand-over " + colleague + i + ": " + round);
            result.add(round);
        }
        return result;
    }

    /**
     * Two privacy officers publish the same register draft at once, one on the page and one through /api. Safe: one
     * approval (the other 409 or a Dutch refusal on the page), exactly one APPROVED version, no version added.
     */
    @Test
    void oneRegisterDraftApprovedTwiceAtOnceIsPublishedOnce() throws Exception {
        reviewer("fg66p");
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String system = systems.register("Probe66 register " + i, "Openbaar.", "Werk", "lead")
                    .id();
            systems.setPublicationCategory(system, "B");
            String path = "/api/systems/" + system + "/register-entry";
            HttpResponse<String> draft = api("lead").sendJson("PUT", path, registerEntry("Doel " + i));
            assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
            int number = ApiSteps.json(draft).path("number").asInt();
            Http fg = login("fg");
            String page = fg.get("/systemen/" + system + "/algoritmeregister").body();
            List<HttpResponse<String>> responses = together(List.of(
                    () -> fg.postForm(
                            "/systemen/" + system + "/algoritmeregister/goedkeuring",
                            Http.form("versie", String.valueOf(number), "_csrf", Http.csrfTokenFrom(page))),
                    () -> api("fg66p").postJson(path + "/approval", "{\"version\":" + number + "}")));
            int approved = count(
                    "SELECT COUNT(*) FROM wb_register_entry_version WHERE system_id = ? AND status = 'APPROVED'",
                    system);
            int versions = count("SELECT COUNT(*) FROM wb_register_entry_version WHERE system_id = ?", system);
            int apiCode = responses.get(1).statusCode();
            if (anyServerError(responses) || approved != 1 || versions != 1 || (apiCode != 200 && apiCode != 409)) {
                broken.add(outcome(responses) + " -> approved " + approved + ", versions " + versions);
            }
        }
        assertThat(broken).isEmpty();
    }

    private static String registerEntry(String goal) {
        return "{\"name\":\"Probe66 register\",\"description_short\":\"Wijst aanvragen toe.\",\"category\":[\"Werk\"],"
                + "\"contact_email\":\"algoritmes@noorderhaaks.nl\",\"goal\":\"" + goal + "\"}";
    }

    /**
     * Two privacy officers answer the same advice at once: one approves, the other sends part 1 back. Safe: one of them
     * counts (204, one signature) and the other is a 409 problem; the process follows the one that counted (a send-back
     * opens the rework of part 1 and no next gate, an approval the next gate and no rework).
     */
    @Test
    void anApprovalAndASendBackOfOneAdviceAtOnceTakeOneEffect() throws Exception {
        reviewer("fg66s");
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunningIama iama = atPrivacyOfficer("Probe66 terugsturen " + i);
            String gate = iama.gateTaskId();
            Map<String, Object> approve = driver.answers("iama-privacy-officer-advice", "fg");
            Map<String, Object> back = new LinkedHashMap<>(approve);
            back.put("decision", "SENT_BACK");
            back.put("motivation", "Doel scherper");
            back.put("sendBackTo", List.of("iama-part-1"));
            List<HttpResponse<String>> responses = together(
                    List.of(() -> steps().viaApi("fg", gate, approve), () -> steps().viaApi("fg66s", gate, back)));
            List<Integer> codes =
                    responses.stream().map(HttpResponse::statusCode).toList();
            int signatures = count("SELECT COUNT(*) FROM wb_signature WHERE task_id = ?", gate);
            List<String> openTasks =
                    engine
                            .getTaskService()
                            .createTaskQuery()
                            .processInstanceBusinessKey(iama.systemId())
                            .list()
                            .stream()
                            .map(Task::getTaskDefinitionKey)
                            .sorted()
                            .toList();
            boolean approvedWon = codes.get(0) == 204;
            boolean ok = codes.stream().sorted().toList().equals(List.of(204, 409))
                    && signatures == 1
                    && openTasks.contains("rework-iama-part-1") != approvedWon
                    && openTasks.contains("ethics-committee-advice") == approvedWon
                    && !openTasks.contains("privacy-officer-advice");
            System.out.println("Probe66 approve/send-back " + i + ": " + codes + " -> signatures " + signatures
                    + ", open " + openTasks);
            if (!ok) {
                broken.add(outcome(responses) + " -> signatures " + signatures + ", open tasks " + openTasks);
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * A privacy officer who holds the advice gives it at the moment the administrator takes them out of the group, or
     * deletes their account. The removal gives back the task (a change of the task row) and the decision completes it:
     * one of the two must lose cleanly. Safe: the advice counts only when it was given (one signature), and when it did
     * not count the gate is open and held by nobody (the answers are the next test's).
     */
    @Test
    void aHeldAdviceGivenWhileTheAdministratorRemovesTheReviewerEndsConsistently() throws Exception {
        List<String> broken = heldAdviceWhileRemoved("fg66k", 4).stream()
                .filter(r -> r.signatures() != (r.given() ? 1 : 0)
                        || r.gateOpen() == r.given()
                        || (!r.given() && r.assignee() != null))
                .map(HeldAdviceRound::toString)
                .toList();
        assertThat(broken).isEmpty();
    }

    /**
     * The same race, looking at the administrator's answer: the administration did nothing wrong and only came second,
     * so its refusal must say so (409, "changed at the same moment", retry), as every other race does.
     */
    @Test
    void theAdministratorWhoseRemovalLosesTheRaceWithTheAdviceIsToldItWasAConflict() throws Exception {
        List<String> wrong = heldAdviceWhileRemoved("fg66w", 4).stream()
                .filter(r -> r.serverError()
                        || !List.of(200, 204, 409).contains(r.removal().statusCode())
                        || r.deniedToAdmin() > 0)
                .map(HeldAdviceRound::toString)
                .toList();
        assertThat(wrong).isEmpty();
    }

    record HeldAdviceRound(
            HttpResponse<String> advice,
            HttpResponse<String> removal,
            int signatures,
            boolean gateOpen,
            String assignee,
            long deniedToAdmin) {
        boolean given() {
            return advice.statusCode() == 204;
        }

        boolean serverError() {
            return advice.statusCode() >= 500 || removal.statusCode() >= 500;
        }

        @Override
        public String toString() {
            return "advice " + advice.statusCode() + ", removal " + removal.statusCode() + " "
                    + abbreviated(removal.body()) + " -> signatures " + signatures + ", gate open " + gateOpen
                    + ", assignee " + assignee + ", ACCESS_DENIED of admin +" + deniedToAdmin;
        }
    }

    /** Per round: a fresh gate, claimed by a fresh privacy officer, who gives the advice as the administrator acts. */
    private List<HeldAdviceRound> heldAdviceWhileRemoved(String prefix, int rounds) throws Exception {
        List<HeldAdviceRound> result = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            RunningIama iama = atPrivacyOfficer("Probe66 " + prefix + " " + i);
            String gate = iama.gateTaskId();
            String user = reviewer(prefix + i);
            HttpResponse<String> claimed = api(user).postJson("/api/tasks/" + gate + "/claim", "{}");
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
            Map<String, Object> advice = driver.answers("iama-privacy-officer-advice", user);
            String removal = i % 2 == 0
                    ? "/api/admin/users/" + user + "/groups/privacy-officer?reason=Probe66"
                    : "/api/admin/users/" + user + "?reason=Probe66";
            long deniedBefore = deniedToAdmin();
            List<HttpResponse<String>> responses = together(List.of(
                    () -> steps().viaApi(user, gate, advice), () -> api("admin").sendJson("DELETE", removal, null)));
            HeldAdviceRound round = new HeldAdviceRound(
                    responses.get(0),
                    responses.get(1),
                    count("SELECT COUNT(*) FROM wb_signature WHERE task_id = ?", gate),
                    open(iama.systemId(), "privacy-officer-advice") != null,
                    assigneeOf(gate),
                    deniedToAdmin() - deniedBefore);
            System.out.println("Probe66 held advice/removal " + prefix + i + ": " + round);
            result.add(round);
        }
        return result;
    }

    private long deniedToAdmin() {
        return denied("admin");
    }

    private long denied(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_audit_event WHERE action = 'ACCESS_DENIED' AND user_id = ?")
                .params(user)
                .query(Long.class)
                .single();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Re-submission of an old form
    // ------------------------------------------------------------------------------------------------------------

    /**
     * The privacy officer gives the advice; then the old form of that task is sent again on every path (the page in a
     * second tab, /api, /engine-rest complete and submit-form, Tasklist) and a draft is saved for it. Safe: each is a
     * 4xx, the version has one signature of the gate, and no draft of the done task is kept.
     */
    @Test
    void anOldAdviceFormSentAgainOnEveryPathAddsNothing() {
        RunningIama iama = atPrivacyOfficer("Probe66 oud formulier");
        String gate = iama.gateTaskId();
        Map<String, Object> advice = driver.answers(formIdOf("fg", gate), "fg");
        Http stalePage = steps().session("fg");
        stalePage.get("/taken/" + gate);
        HttpResponse<String> given = steps().viaApi("fg", gate, advice);
        assertThat(given.statusCode()).as(given.body()).isEqualTo(204);
        Map<String, HttpResponse<String>> again = new LinkedHashMap<>();
        again.put("page", ApiSteps.completeOnPage(stalePage, gate, ApiSteps.write(advice)));
        again.put("api", steps().viaApi("fg", gate, advice));
        again.put("engine complete", steps().viaEngineRest("fg", gate, "complete", advice));
        again.put("engine submit-form", steps().viaEngineRest("fg", gate, "submit-form", advice));
        again.put("tasklist", steps().viaTasklist("fg", gate, advice));
        again.put("api draft", api("fg").sendJson("PUT", "/api/tasks/" + gate + "/draft", ApiSteps.write(advice)));
        again.put("page draft", ApiSteps.postOnPage(stalePage, "/taken/" + gate + "/concept", ApiSteps.write(advice)));
        again.put("api claim", api("fg").postJson("/api/tasks/" + gate + "/claim", "{}"));
        List<String> wrong = new ArrayList<>();
        again.forEach((path, response) -> {
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                wrong.add(path + " -> " + response.statusCode() + " " + response.body());
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM wb_signature WHERE task_id = ?", gate))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM wb_task_draft WHERE task_id = ?", gate))
                .isZero();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------------

    /** A system in use (Evaluate) after the ethics committee agreed to decline the IAMA. */
    private String inUse(String name) {
        String systemId = startedSystem(name);
        ApiSteps api = steps();
        HttpResponse<String> triage = api.viaApi(
                "lead", open(systemId, "fill-in-triage").getId(), TriageAnswers.with(TriageAnswers.impactful()));
        assertThat(triage.statusCode()).as(triage.body()).isEqualTo(204);
        HttpResponse<String> choice = api.viaApi(
                "lead",
                open(systemId, "choose-iama").getId(),
                Map.of("iamaChoice", "DECLINE", "iamaChoiceReasons", "Laag risico"));
        assertThat(choice.statusCode()).as(choice.body()).isEqualTo(204);
        HttpResponse<String> advised = api.viaApi(
                "ethics",
                open(systemId, "advise-iama-decline").getId(),
                Map.of("iamaDeclineAdvice", "AGREED", "iamaDeclineAdviceMotivation", "Eens"));
        assertThat(advised.statusCode()).as(advised.body()).isEqualTo(204);
        assertThat(systems.get(systemId).phase().name()).isEqualTo("EVALUATE");
        return systemId;
    }

    /** A privacy officer of the test's own (password "demo"). */
    private String reviewer(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            DemoUsers.saveWithDemoPassword(identity, user);
        }
        if (identity.createUserQuery()
                        .userId(id)
                        .memberOfGroup("privacy-officer")
                        .count()
                == 0) {
            identity.createMembership(id, "privacy-officer");
        }
        return id;
    }

    private String formIdOf(String user, String taskId) {
        HttpResponse<String> task = api(user).get("/api/tasks/" + taskId);
        assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
        return ApiSteps.json(task).path("formId").asText();
    }

    private String assigneeOf(String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        return task == null ? null : task.getAssignee();
    }

    private int count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }

    private long audits(String systemId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_audit_event WHERE system_id = ? AND action = ?")
                .params(systemId, action)
                .query(Long.class)
                .single();
    }

    private static boolean anyServerError(List<HttpResponse<String>> responses) {
        return responses.stream().anyMatch(r -> r.statusCode() >= 500);
    }

    private static String outcome(List<HttpResponse<String>> responses) {
        return responses.stream()
                .map(r -> r.statusCode() + " " + abbreviated(r.body()))
                .toList()
                .toString();
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static List<HttpResponse<String>> together(List<Callable<HttpResponse<String>>> calls) throws Exception {
        return Together.run(calls);
    }
}
