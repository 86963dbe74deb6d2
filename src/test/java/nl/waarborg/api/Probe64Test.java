package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.publication.RegisterEntries;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemTeam;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Probe 64 from outside, through Waarborg's own Dutch pages (session and CSRF token): every form of a system's page
 * posted by someone who may not change the system (another team's project lead, the manager, a reviewer), a stale task
 * page of a reviewer whose gate an administrator handed to a colleague, the same advice submitted twice, CSRF tokens
 * of another session or from before the login, redirects and headers built from page parameters, error answers of the
 * pages, and markup in reasons, descriptions and filters. Each test asserts the safe outcome.
 */
@WaarborgIntegrationTest
class Probe64Test extends GuardScenario {

    private static final String ADVICE = "{\"decision\":\"APPROVED\",\"motivation\":\"Akkoord na probe 64\"}";

    @Autowired
    SystemTeam team;

    @Autowired
    RegisterEntries registerEntries;

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

    /** A CSRF token of the session, from a page every logged-in user may open. */
    private static String token(Http session) {
        return Http.csrfTokenFrom(session.get("/instellingen").body());
    }

    private static HttpResponse<String> postPage(Http session, String path, String... pairs) {
        String[] all = new String[pairs.length + 2];
        System.arraycopy(pairs, 0, all, 0, pairs.length);
        all[pairs.length] = "_csrf";
        all[pairs.length + 1] = token(session);
        return session.postForm(path, Http.form(all));
    }

    private static HttpResponse<String> postJsonOnPage(Http session, String path, String contentType, String body) {
        return session.send(session.request(path)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", token(session))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Task gate(String taskId) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    }

    private long incidents(String systemId) {
        return engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("incident")
                .processInstanceBusinessKey(systemId)
                .count();
    }

    /**
     * Another team's project lead, the manager and a reviewer post every form of a system's page (and the gate's claim
     * and completion, and the administrator's stuck-work forms) with their own valid session and CSRF token: each is
     * refused (a 403/404 page or a redirect with a refusal) and the system, its team, its register and EU entries, its
     * incidents, its cycle and its gate are as before.
     */
    @Test
    void nobodyOutsideTheTeamChangesASystemThroughTheFormsOfItsPages() {
        RunningIama iama = atPrivacyOfficer("Probe64 paginaformulieren");
        String id = iama.systemId();
        String system = "/systemen/" + id;
        SystemRecord before = systems.get(id);
        List<String> teamBefore = team.members(id);
        for (String who : List.of("lead2", "manager", "ethics", "alderman")) {
            Http session = login(who);
            Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
            answers.put("team add", postPage(session, system + "/team", "gebruiker", who));
            answers.put("team remove", postPage(session, system + "/team/lead/verwijderen"));
            answers.put("incident", postPage(session, system + "/incident", "description", "Gemeld door " + who));
            answers.put(
                    "trigger", postPage(session, system + "/signaal", "type", "COMPLAINT", "description", "Klacht"));
            answers.put("retire", postPage(session, system + "/buiten-gebruik", "reason", "Weg", "bevestigd", "ja"));
            answers.put("cycle", postPage(session, system + "/cyclus"));
            answers.put("register", postPage(session, system + "/algoritmeregister", "name", "Gekaapt " + who));
            answers.put("register approval", postPage(session, system + "/algoritmeregister/goedkeuring"));
            answers.put("eu", postPage(session, system + "/eu-registratie", "name", "Gekaapt " + who));
            answers.put(
                    "eu reference",
                    postPage(session, system + "/eu-registratie/referentie", "reference_number", "EU-64"));
            answers.put("claim", postPage(session, "/taken/" + iama.gateTaskId() + "/claim"));
            answers.put(
                    "complete",
                    postJsonOnPage(session, "/taken/" + iama.gateTaskId() + "/afronden", "application/json", ADVICE));
            answers.put(
                    "stuck work reassign",
                    postPage(
                            session,
                            "/beheer/werk/toewijzen",
                            "taak",
                            iama.gateTaskId(),
                            "behandelaar",
                            who,
                            "reden",
                            "Probe"));
            answers.put(
                    "stuck work cancel", postPage(session, "/beheer/werk/annuleren", "systeem", id, "reden", "Probe"));
            answers.forEach((form, answer) -> {
                String where = who + " " + form + " -> " + answer.statusCode() + " "
                        + answer.headers().firstValue("Location").orElse("");
                assertThat(answer.statusCode()).as(where).isIn(302, 303, 400, 403, 404);
                assertThat(answer.body()).as(where).doesNotContain("\tat ");
                if (form.startsWith("eu") || form.equals("complete") || form.startsWith("stuck")) {
                    assertThat(answer.statusCode()).as(where).isIn(403, 404);
                }
            });
            assertThat(systems.get(id)).as(who).isEqualTo(before);
            assertThat(team.members(id)).as(who).isEqualTo(teamBefore);
            assertThat(incidents(id)).as(who).isZero();
            assertThat(registerEntries.latest(id)).as(who).isEmpty();
            assertThat(gate(iama.gateTaskId())).as(who).isNotNull();
            assertThat(gate(iama.gateTaskId()).getAssignee()).as(who).isNull();
            assertThat(engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(iama.cycleId())
                            .count())
                    .as(who)
                    .isEqualTo(1);
        }
    }

    /** The gate claimed by "fg" on the page, then handed to "fg64" by the administrator on the stuck-work page. */
    private record Reassigned(RunningIama iama, Http fg, String staleToken) {}

    private Reassigned claimedThenReassigned(String name) {
        user("fg64", "privacy-officer");
        RunningIama iama = atPrivacyOfficer(name);
        String taskPath = "/taken/" + iama.gateTaskId();
        Http fg = login("fg");
        String staleToken = token(fg);
        assertThat(fg.postForm(taskPath + "/claim", Http.form("_csrf", staleToken))
                        .statusCode())
                .isEqualTo(302);
        assertThat(gate(iama.gateTaskId()).getAssignee()).isEqualTo("fg");
        HttpResponse<String> reassigned = postPage(
                login("admin"),
                "/beheer/werk/toewijzen",
                "taak",
                iama.gateTaskId(),
                "behandelaar",
                "fg64",
                "reden",
                "FG afwezig");
        assertThat(reassigned.statusCode()).isEqualTo(302);
        assertThat(gate(iama.gateTaskId()).getAssignee()).isEqualTo("fg64");
        return new Reassigned(iama, fg, staleToken);
    }

    private static HttpResponse<String> postJsonWithToken(Http session, String path, String token, String json) {
        return session.send(session.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * HOLE (probe 64): the privacy officer "fg" claimed the gate on the task page; the administrator then gave it to
     * the colleague "fg64" on "Vastgelopen werk" (/beheer/werk/toewijzen, with a reason, audited). fg's task page is
     * now stale, yet its "Afronden" (POST /taken/{id}/afronden, fg's session and CSRF token) still completes the gate
     * with fg's advice: 200 {"redirect":"/taken?afgerond"}. The claim and the administrator's reassignment do not bind
     * the completion; any member of the candidate group completes a gate that another member holds.
     */
    @Test
    void aStaleGatePageCompletesNothingAfterTheGateWasReassigned() {
        Reassigned r = claimedThenReassigned("Probe64 verouderde pagina afronden");
        String taskPath = "/taken/" + r.iama().gateTaskId();
        HttpResponse<String> staleComplete = postJsonWithToken(r.fg(), taskPath + "/afronden", r.staleToken(), ADVICE);
        assertThat(staleComplete.statusCode())
                .as("stale completion: " + staleComplete.body())
                .isIn(403, 404, 409);
        assertThat(gate(r.iama().gateTaskId())).isNotNull();
        assertThat(gate(r.iama().gateTaskId()).getAssignee()).isEqualTo("fg64");
    }

    /**
     * The stale page of the officer whose gate was reassigned neither saves a draft nor claims the gate back; the
     * colleague's advice counts once: the same submission again (back button, double click) is a conflict, and the
     * stale page's completion after it too.
     */
    @Test
    void aStalePageNeitherDraftsNorClaimsAndTheSameAdviceCountsOnce() {
        Reassigned r = claimedThenReassigned("Probe64 verouderde pagina");
        String taskPath = "/taken/" + r.iama().gateTaskId();
        HttpResponse<String> staleDraft = postJsonWithToken(
                r.fg(), taskPath + "/concept", r.staleToken(), "{\"motivation\":\"Mijn oude concept\"}");
        assertThat(staleDraft.statusCode())
                .as("stale draft: " + staleDraft.body())
                .isIn(403, 404, 409);
        r.fg().postForm(taskPath + "/claim", Http.form("_csrf", r.staleToken()));
        assertThat(gate(r.iama().gateTaskId()).getAssignee()).isEqualTo("fg64");

        Http fg64 = login("fg64");
        String token = token(fg64);
        HttpResponse<String> done = postJsonWithToken(fg64, taskPath + "/afronden", token, ADVICE);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        HttpResponse<String> again = postJsonWithToken(fg64, taskPath + "/afronden", token, ADVICE);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        HttpResponse<String> staleAfter = postJsonWithToken(r.fg(), taskPath + "/afronden", r.staleToken(), ADVICE);
        assertThat(staleAfter.statusCode()).as(staleAfter.body()).isIn(403, 404, 409);
        HttpResponse<String> claimAfter = r.fg().postForm(taskPath + "/claim", Http.form("_csrf", r.staleToken()));
        assertThat(claimAfter.statusCode()).isEqualTo(302);
        assertThat(engine.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(r.iama().iamaId())
                        .taskDefinitionKey("privacy-officer-advice")
                        .list())
                .singleElement()
                .satisfies(t -> assertThat(t.getAssignee()).isEqualTo("fg64"));
    }

    /**
     * A CSRF token only works in the session that it belongs to: not the login page's token after the login, not the
     * token of another user's session, not the token of the same browser's session before a logout and a new login.
     */
    @Test
    void aCsrfTokenOfAnotherSessionOrFromBeforeTheLoginChangesNothing() {
        String name = "Probe64 csrf " + System.nanoTime();
        Http browser = Http.browser(port);
        String beforeLogin = Http.csrfTokenFrom(browser.get("/login").body());
        assertThat(browser.postForm("/login", Http.form("username", "lead", "password", "demo", "_csrf", beforeLogin))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> withOld = browser.postForm(
                "/systemen/nieuw",
                Http.form("name", name + " a", "department", "Sociaal Domein", "_csrf", beforeLogin));
        assertThat(withOld.statusCode()).as("token from before the login").isEqualTo(403);

        Http other = login("lead2");
        String othersToken = token(other);
        HttpResponse<String> withOthers = browser.postForm(
                "/systemen/nieuw",
                Http.form("name", name + " b", "department", "Sociaal Domein", "_csrf", othersToken));
        assertThat(withOthers.statusCode())
                .as("token of another user's session")
                .isEqualTo(403);

        String leadsToken = token(browser);
        assertThat(browser.postForm("/logout", Http.form("_csrf", leadsToken)).statusCode())
                .isEqualTo(302);
        String loginToken = Http.csrfTokenFrom(browser.get("/login").body());
        assertThat(browser.postForm("/login", Http.form("username", "lead2", "password", "demo", "_csrf", loginToken))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> withLeads = browser.postForm(
                "/systemen/nieuw", Http.form("name", name + " c", "department", "Sociaal Domein", "_csrf", leadsToken));
        assertThat(withLeads.statusCode())
                .as("token of the session before the logout")
                .isEqualTo(403);

        assertThat(systems.list()).extracting(SystemRecord::name).noneMatch(n -> n.startsWith(name));
    }

    /**
     * Redirects that a page builds from its parameters stay on Waarborg and carry no header of the caller's: the page
     * number of "Mijn taken" and an id in the address with a line break in it.
     */
    @Test
    void redirectsAndHeadersBuiltFromPageParametersStayOnWaarborg() {
        RunningIama iama = atPrivacyOfficer("Probe64 omleiding");
        Http fg = login("fg");
        String token = token(fg);
        for (String pagina : List.of(
                "//evil.example.org",
                "https://evil.example.org",
                "2%0d%0aSet-Cookie:%20probe64=1",
                "2%0aLocation:%20https://evil.example.org",
                "/%5Cevil.example.org",
                "3@evil.example.org")) {
            for (String path : List.of(
                    "/taken/00000000-0000-0000-0000-000000000064/claim?pagina=" + pagina,
                    "/taken/" + iama.gateTaskId() + "/claim?pagina=" + pagina)) {
                HttpResponse<String> answer = fg.postForm(path, Http.form("_csrf", token));
                String location = answer.headers().firstValue("Location").orElse("");
                assertThat(answer.statusCode()).as(path).isIn(302, 400);
                assertThat(location).as(path).doesNotContain("evil").doesNotContain("\n");
                if (!location.isEmpty()) {
                    assertThat(java.net
                                    .URI
                                    .create(fg.baseUrl() + "/")
                                    .resolve(location)
                                    .getHost())
                            .as(path + " -> " + location)
                            .isEqualTo("localhost");
                }
                assertThat(answer.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.contains("probe64"));
            }
            HttpResponse<String> opened = fg.get("/taken/00000000-0000-0000-0000-000000000064?pagina=" + pagina);
            assertThat(opened.headers().firstValue("Location").orElse(""))
                    .as(pagina)
                    .doesNotContain("evil");
        }
        Http lead = login("lead");
        String leadToken = token(lead);
        for (String id : List.of("x%0d%0aX-Probe64:%201", "x%0aLocation:%20https:%2F%2Fevil.example.org")) {
            HttpResponse<String> answer =
                    lead.postForm("/systemen/" + id + "/team", Http.form("gebruiker", "lead2", "_csrf", leadToken));
            assertThat(answer.statusCode()).as(id).isBetween(400, 499);
            assertThat(answer.headers().firstValue("X-Probe64")).as(id).isEmpty();
            assertThat(answer.headers().firstValue("Location").orElse(""))
                    .as(id)
                    .doesNotContain("evil");
        }
    }

    /**
     * The pages' own refusals of broken input are 4xx in Dutch and show no stack trace, class or query: a broken JSON
     * completion, a body of the wrong shape or type, a version number that is no number, a page offset that is no
     * number, a trigger without its type.
     */
    @Test
    void brokenInputOnThePagesGetsAPlainRefusalWithoutInternals() {
        RunningIama iama = atPrivacyOfficer("Probe64 foutpagina");
        String assessment = reads.assessmentsOf(iama.systemId()).get(0).id();
        Http fg = login("fg");
        Http lead = login("lead");
        String complete = "/taken/" + iama.gateTaskId() + "/afronden";
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("completion, text/plain", postJsonOnPage(fg, complete, "text/plain", ADVICE));
        answers.put(
                "completion, an object as answer",
                postJsonOnPage(fg, complete, "application/json", "{\"decision\":{\"a\":\"x\"}}"));
        answers.put("diff, version no number", fg.get("/beoordelingen/" + assessment + "/verschil?van=1&tot=x"));
        answers.put("diff, version missing", fg.get("/beoordelingen/" + assessment + "/verschil?van=1"));
        answers.put("version too large", fg.get("/beoordelingen/" + assessment + "/versies/99999999999"));
        answers.put("mail outbox, offset no number", login("admin").get("/beheer/mail?offset=x"));
        answers.put(
                "trigger without type",
                postPage(lead, "/systemen/" + iama.systemId() + "/signaal", "description", "Zonder soort"));
        answers.put(
                "register approval, versie no number",
                postPage(fg, "/systemen/" + iama.systemId() + "/algoritmeregister/goedkeuring", "versie", "x"));
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        answers.forEach((what, answer) -> {
            soft.assertThat(answer.statusCode()).as(what).isBetween(400, 499);
            soft.assertThat(answer.body())
                    .as(what)
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception")
                    .doesNotContain("org.springframework")
                    .doesNotContain("com.fasterxml");
        });
        soft.assertThat(gate(iama.gateTaskId())).isNotNull();
        soft.assertThat(gate(iama.gateTaskId()).getAssignee()).isNull();
        soft.assertAll();
    }

    /**
     * HOLE (probe 64): a JSON body that cannot be read as the form's answers (broken JSON, an array, a bare string)
     * posted by the task page's script path to POST /taken/{id}/afronden or POST /taken/{id}/concept (fg's session,
     * CSRF header, Content-Type application/json) is answered 500 with "Er ging iets mis ... Foutcode 500" and logged
     * as ERROR "Unexpected error on a web page" (HttpMessageNotReadableException), where every other refusal of input
     * is a 400 naming what is wrong. Nothing is stored and no stack trace is shown, but a user's broken request shows
     * as a server fault and fills the error log (alerting).
     */
    @Test
    void anUnreadableJsonBodyOnTheTaskPageIsA400() {
        RunningIama iama = atPrivacyOfficer("Probe64 onleesbare JSON");
        Http fg = login("fg");
        String complete = "/taken/" + iama.gateTaskId() + "/afronden";
        String draft = "/taken/" + iama.gateTaskId() + "/concept";
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("completion, broken JSON", postJsonOnPage(fg, complete, "application/json", "{\"decision\":"));
        answers.put("completion, a JSON array", postJsonOnPage(fg, complete, "application/json", "[1,2,3]"));
        answers.put("draft, broken JSON", postJsonOnPage(fg, draft, "application/json", "{\"motivation\":"));
        answers.put("draft, a string", postJsonOnPage(fg, draft, "application/json", "\"tekst\""));
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        answers.forEach(
                (what, answer) -> soft.assertThat(answer.statusCode()).as(what).isEqualTo(400));
        soft.assertAll();
    }

    /**
     * Markup typed into a reason, a description or a filter is shown as text: the retirement's confirmation page
     * (the reason in the page and in the hidden field), an incident's description on the system page, and the
     * manager's oversight filters.
     */
    @Test
    void markupInReasonsDescriptionsAndFiltersIsShownAsText() {
        RunningIama iama = atPrivacyOfficer("Probe64 opmaak");
        String system = "/systemen/" + iama.systemId();
        String markup = "\"><script>alert(64)</script><img src=x onerror=alert(64)>";
        Http lead = login("lead");
        HttpResponse<String> confirm = postPage(lead, system + "/buiten-gebruik", "reason", markup);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body())
                .contains("alert(64)")
                .doesNotContain("<script>alert(64)")
                .doesNotContain("<img src=x");
        assertThat(systems.get(iama.systemId()).phase()).isNotEqualTo(SystemRecord.Phase.STOPPED);

        HttpResponse<String> reported = postPage(lead, system + "/incident", "description", markup);
        assertThat(reported.statusCode()).isEqualTo(302);
        HttpResponse<String> page = lead.get(system);
        assertThat(page.body()).doesNotContain("<script>alert(64)").doesNotContain("<img src=x");

        Http manager = login("manager");
        HttpResponse<String> oversight = manager.get("/toezicht?department="
                + java.net.URLEncoder.encode(markup, java.nio.charset.StandardCharsets.UTF_8) + "&gate="
                + java.net.URLEncoder.encode("javascript:alert(64)", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(oversight.statusCode()).isEqualTo(200);
        assertThat(oversight.body())
                .doesNotContain("<script>alert(64)")
                .doesNotContain("<img src=x")
                .doesNotContain("href=\"javascript:");
    }

    /**
     * HOLE (probe 64): after the owner confirmed "Ja, definitief buiten gebruik stellen" (phase RETIRED, the cycle
     * ended), POST /systemen/{id}/cyclus (the system page still shows "Cyclus starten": mayStart and no running cycle)
     * starts a new assessment cycle and the system is back in phase DEVELOP; CycleService.startCycle checks only for
     * a running cycle, so POST /api/systems/{id}/cycles does the same. The confirmation says it cannot be undone.
     *
     * <p>"Definitief buiten gebruik ... Dit kan niet ongedaan worden gemaakt": once the owner confirmed the retirement, the
     * forms of the system page as the browser still holds them (back button: the confirmation again, "Cyclus starten",
     * a trigger) and Waarborg's own API do not bring the system back into a cycle.
     */
    @Test
    void aRetiredSystemStaysOutOfUseWhateverItsStalePageSends() {
        String id = systems.register("Probe64 definitief buiten gebruik", null, "Sociaal Domein", "lead")
                .id();
        assertThat(api("lead").postJson("/api/systems/" + id + "/cycles", "{}").statusCode())
                .isEqualTo(201);
        driver.driveUntil(id, "-", nl.waarborg.process.TriageAnswers.neutral());
        assertThat(systems.get(id).phase()).isEqualTo(SystemRecord.Phase.EVALUATE);
        String system = "/systemen/" + id;
        Http lead = login("lead");
        String token = token(lead);
        HttpResponse<String> retired = lead.postForm(
                system + "/buiten-gebruik",
                Http.form("reason", "Vervangen door een landelijke voorziening", "bevestigd", "ja", "_csrf", token));
        assertThat(retired.statusCode()).isEqualTo(302);
        assertThat(systems.get(id).phase()).isEqualTo(SystemRecord.Phase.RETIRED);

        lead.postForm(system + "/buiten-gebruik", Http.form("reason", "Nog eens", "bevestigd", "ja", "_csrf", token));
        lead.postForm(system + "/signaal", Http.form("type", "PERIODIC", "description", "Toch weer", "_csrf", token));
        HttpResponse<String> restarted = lead.postForm(system + "/cyclus", Http.form("_csrf", token));
        assertThat(restarted.statusCode()).isIn(302, 400, 403, 409);
        assertThat(systems.get(id).phase())
                .as("after the page's \"Cyclus starten\"")
                .isEqualTo(SystemRecord.Phase.RETIRED);
        HttpResponse<String> viaApi = api("lead").postJson("/api/systems/" + id + "/cycles", "{}");
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(409);
        assertThat(systems.get(id).phase()).isEqualTo(SystemRecord.Phase.RETIRED);
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(id)
                        .processDefinitionKey("assessment-cycle")
                        .count())
                .isZero();
    }
}
