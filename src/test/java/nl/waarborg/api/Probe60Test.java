package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Probe 60, an outside attacker's round: a hostile project lead, a curious reviewer and a careless administrator try
 * the paths the earlier probes did not (unfiltered and name-filtered engine queries, other users' profiles, the
 * Cockpit plugin API, CSRF through the webapps' API and through cached Basic credentials, JSON shown as HTML, reflected
 * ids on the error pages, redirects after the login, the register approval's bait-and-switch). Each test asserts the
 * safe outcome; a test marked HOLE fails on the current code and says why.
 */
@WaarborgIntegrationTest
class Probe60Test extends GuardScenario {

    private static final String XSS = "<img src=x onerror=alert(60)>";

    /** A list read answered with nothing, or a read refused (403/404). */
    private static boolean showsNothing(HttpResponse<String> response) {
        int status = response.statusCode();
        return status == 403
                || status == 404
                || (status == 200 && response.body().strip().equals("[]"));
    }

    @Test
    void aForeignProjectLeadFindsNothingThroughUnfilteredOrValueFilteredEngineQueries() {
        RunningIama iama = at("Probe60 ongefilterd", "fill-in-iama-part-2");
        String pi = iama.iamaId();
        List<String> markers = List.of(pi, iama.cycleId(), iama.systemId(), "Probe60 ongefilterd");
        Map<String, String> leaks = new LinkedHashMap<>();
        for (String path : List.of(
                "/engine-rest/history/variable-instance?maxResults=2000",
                "/engine-rest/history/variable-instance?variableName=systemId",
                "/engine-rest/history/variable-instance?variableValues=systemId_eq_" + iama.systemId(),
                "/engine-rest/variable-instance?maxResults=2000",
                "/engine-rest/variable-instance?variableName=systemId",
                "/engine-rest/history/detail?maxResults=2000",
                "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true&maxResults=2000",
                "/engine-rest/history/task?maxResults=2000",
                "/engine-rest/history/task?processVariables=systemId_neq_zzz",
                "/engine-rest/history/process-instance?maxResults=2000",
                "/engine-rest/history/process-instance?variables=systemId_neq_zzz",
                "/engine-rest/history/activity-instance?maxResults=2000",
                "/engine-rest/history/user-operation?maxResults=2000",
                "/engine-rest/history/identity-link-log?maxResults=2000",
                "/engine-rest/history/incident",
                "/engine-rest/history/job-log?maxResults=2000",
                "/engine-rest/task?maxResults=2000",
                "/engine-rest/task?processVariables=systemId_neq_zzz",
                "/engine-rest/process-instance?maxResults=2000",
                "/engine-rest/process-instance?variables=systemId_neq_zzz",
                "/engine-rest/execution?maxResults=2000",
                "/engine-rest/event-subscription?maxResults=2000",
                "/engine-rest/execution/" + pi + "/localVariables",
                "/engine-rest/task/" + iama.gateTaskId() + "/rendered-form",
                "/engine-rest/task/" + iama.gateTaskId() + "/deployed-form",
                "/engine-rest/task/" + iama.gateTaskId() + "/identity-links",
                "/engine-rest/process-instance/" + pi + "/comment",
                "/camunda/api/engine/engine/default/history/variable-instance?maxResults=2000")) {
            for (String who : List.of("lead2", "fg", "ethics")) {
                HttpResponse<String> response = api(who).get(path);
                String body = response.body();
                boolean hit = markers.stream().anyMatch(m -> response.statusCode() == 200 && body.contains(m));
                if (hit) {
                    leaks.put(who + " " + path, response.statusCode() + " " + body);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void nobodyButAManagerOrAdministratorReadsAnotherUsersProfileOrEmailAddress() {
        for (String who : List.of("lead2", "fg", "ethics", "alderman")) {
            for (String path : List.of(
                    "/engine-rest/user?maxResults=2000",
                    "/engine-rest/user?emailLike=%25",
                    "/engine-rest/user/count",
                    "/camunda/api/engine/engine/default/user?maxResults=2000")) {
                HttpResponse<String> users = api(who).get(path);
                assertThat(users.body())
                        .as(who + " " + path)
                        .doesNotContain("\"lead\"", "\"admin\"", "lead@", "admin@");
            }
            for (String other : List.of("lead", "admin", "manager")) {
                assertThat(showsNothing(api(who).get("/engine-rest/user/" + other + "/profile")))
                        .as(who + " reads the profile of " + other)
                        .isTrue();
            }
            // Whose groups: only those the caller may read anyway (a reviewer learns nothing of the administrator).
            HttpResponse<String> groups = api(who).get("/engine-rest/identity/groups?userId=admin");
            assertThat(groups.body()).as(who).doesNotContain("\"admin\"", "\"manager\"");
            for (String path : List.of("/api/admin/users", "/api/admin/users/lead", "/api/admin/mail-outbox")) {
                assertThat(api(who).get(path).statusCode()).as(who + " " + path).isEqualTo(403);
            }
        }
    }

    @Test
    void theCockpitPluginApiAnswersNoTeamOrReviewer() {
        RunningIama iama = at("Probe60 cockpit", "fill-in-iama-part-2");
        String base = "/camunda/api/cockpit/plugin/base/default";
        for (String who : List.of("lead", "lead2", "fg")) {
            Http browser = login(who);
            for (String path : List.of(
                    base + "/process-instance/" + iama.iamaId() + "/variables",
                    base + "/process-instance/" + iama.iamaId() + "/called-process-instances",
                    base + "/process-definition/" + definitionOf(iama.iamaId()) + "/called-process-definitions",
                    base + "/incident?processInstanceIdIn=" + iama.iamaId(),
                    base + "/process-instance?maxResults=100")) {
                HttpResponse<String> response = browser.get(path, "application/json");
                assertThat(response.statusCode()).as(who + " " + path).isEqualTo(403);
                assertThat(response.body()).doesNotContain(iama.systemId());
            }
        }
    }

    @Test
    void aLoggedInBrowserWithoutCsrfTokenClaimsNothingOnAnyApi() {
        RunningIama iama = at("Probe60 csrf", "fill-in-iama-part-2");
        String task = iama.gateTaskId();
        Http browser = login("lead");
        // The webapps' XSRF cookie is set, but a cross-site form cannot send the header.
        browser.get("/camunda/app/tasklist/default/", "text/html");
        for (String path : List.of(
                "/api/tasks/" + task + "/claim",
                "/engine-rest/task/" + task + "/claim",
                "/camunda/api/engine/engine/default/task/" + task + "/claim")) {
            HttpResponse<String> forged = browser.send(browser.request(path)
                    .header("Content-Type", "text/plain")
                    .header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"lead\"}")));
            assertThat(forged.statusCode()).as(path + " " + forged.body()).isIn(403, 415);
        }
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(task)
                        .singleResult()
                        .getAssignee())
                .isNull();
        // The page action needs the page's token too.
        HttpResponse<String> page = browser.postForm("/taken/" + task + "/claim", "");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(task)
                        .singleResult()
                        .getAssignee())
                .isNull();
    }

    @Test
    void aCrossSiteFormOfABrowserWithCachedBasicCredentialsChangesNothing() {
        String system =
                systems.register("Probe60 basic-csrf", null, "Werk", "lead").id();
        // A stale page's download link (e.g. "PDF downloaden") without a session: the API asks the browser for Basic
        // credentials, which the browser then keeps for the origin and sends with every later request.
        HttpResponse<String> prompt = Http.api(port).get("/api/systems/" + system + "/team");
        assertThat(prompt.statusCode()).isEqualTo(401);
        assertThat(prompt.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"));
        // evil.example's auto-submitted <form method=post action=".../co-authors/lead2">: the browser adds the cached
        // Authorization header, the Origin of the attacker's page and a form body.
        HttpResponse<String> forged = Http.api(port)
                .send(Http.api(port)
                        .as("lead", "demo")
                        .request("/api/systems/" + system + "/co-authors/lead2")
                        .header("Origin", "https://evil.example")
                        .header("Referer", "https://evil.example/lokaas.html")
                        .header("Sec-Fetch-Site", "cross-site")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF token");
        assertThat(api("lead").get("/api/systems/" + system + "/team").body()).doesNotContain("lead2");
    }

    @Test
    void aCrossSiteFormWithCachedBasicCredentialsUnclaimsNothingOnTheEngineApi() {
        RunningIama iama = at("Probe60 basic-unclaim", "fill-in-iama-part-2");
        String task = iama.gateTaskId();
        assertThat(api("lead").postJson("/api/tasks/" + task + "/claim", "{}").statusCode())
                .isEqualTo(200);
        for (String path : List.of(
                "/engine-rest/task/" + task + "/unclaim",
                "/camunda/api/engine/engine/default/task/" + task + "/unclaim")) {
            HttpResponse<String> forged = Http.api(port)
                    .send(Http.api(port)
                            .as("lead", "demo")
                            .request(path)
                            .header("Origin", "https://evil.example")
                            .header("Sec-Fetch-Site", "cross-site")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("x=1")));
            assertThat(forged.statusCode()).as(path + " " + forged.body()).isIn(403, 415);
        }
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(task)
                        .singleResult()
                        .getAssignee())
                .isEqualTo("lead");
    }

    @Test
    void exportsAndValuesAreNeverServedAsHtml() {
        RunningIama iama = at("Probe60 " + XSS, "fill-in-iama-part-2");
        String assessment = reads.assessmentsOf(iama.systemId()).get(0).id();
        String export = "/api/assessments/" + assessment + "/versions/1/export?format=json";
        HttpResponse<String> json = api("lead").get(export, "text/html");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).doesNotContain("html");
        if (json.statusCode() == 200) {
            assertThat(json.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment");
            assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        Http browser = login("lead");
        for (String path : List.of(
                "/taken/" + iama.gateTaskId() + "/waarden",
                "/taken/" + iama.gateTaskId() + "/concept",
                "/api/systems/" + iama.systemId(),
                "/api/assessments/" + assessment + "/versions/1")) {
            HttpResponse<String> response = browser.get(path, "text/html");
            String type = response.headers().firstValue("Content-Type").orElse("");
            // JSON asked for as HTML is answered with the Dutch error page (406), never with the values as HTML.
            if (type.contains("html")) {
                assertThat(response.statusCode()).as(path).isGreaterThanOrEqualTo(400);
            }
            assertThat(response.body()).as(path).doesNotContain(XSS);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }
    }

    @Test
    void anIdInTheAddressIsNeverReflectedAsMarkup() {
        String id = "%3Cimg%20src%3Dx%20onerror%3Dalert(60)%3E";
        Http browser = login("lead");
        for (String path : List.of(
                "/systemen/" + id,
                "/systemen/" + id + "/algoritmeregister",
                "/taken/" + id,
                "/beoordelingen/" + id + "/versies/1",
                "/beoordelingen/" + id + "/verschil?van=1&tot=2",
                "/systemen?zoek=" + id,
                "/taken?zoek=" + id,
                "/api/systems/" + id,
                "/api/tasks/" + id,
                "/api/assessments/" + id + "/versions/1/export?format=pdf")) {
            HttpResponse<String> response = browser.get(path, "text/html,application/xhtml+xml");
            // A problem+json may name the id as it was sent; what a browser renders as a page may not.
            if (response.headers().firstValue("Content-Type").orElse("").contains("html")) {
                assertThat(response.body()).as(path).doesNotContain(XSS).doesNotContainIgnoringCase("<img src=x");
            }
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }
    }

    @Test
    void afterTheLoginTheBrowserStaysOnWaarborgAndAGetDoesNotLogOut() {
        for (String path : List.of(
                "/login?continue=https://evil.example/",
                "/%2F%2Fevil.example/",
                "/%5Cevil.example/",
                "/systemen?next=https://evil.example/",
                "/camunda/app/tasklist/default/?redirectTo=https://evil.example/")) {
            Http browser = Http.browser(port);
            HttpResponse<String> first = browser.get(path);
            String csrf = Http.csrfTokenFrom(browser.get("/login").body());
            HttpResponse<String> login =
                    browser.postForm("/login", Http.form("username", "lead", "password", "demo", "_csrf", csrf));
            String location = login.headers().firstValue("Location").orElse("/");
            URI target = URI.create(browser.baseUrl() + "/").resolve(location);
            assertThat(target.getHost())
                    .as(path + " (" + first.statusCode() + ") -> " + location)
                    .isEqualTo("localhost");
            assertThat(location).doesNotStartWith("//").doesNotStartWith("https://evil");
        }
        Http browser = login("lead");
        assertThat(browser.get("/systemen").statusCode()).isEqualTo(200);
        HttpResponse<String> getLogout = browser.get("/logout");
        assertThat(browser.get("/systemen").statusCode())
                .as("still logged in after GET /logout (" + getLogout.statusCode() + ")")
                .isEqualTo(200);
    }

    @Test
    void aCrossSiteFormCannotMakeThePrivacyOfficerPublishARegisterDraft() {
        String system = systems.register("Probe60 basic-publicatie", "Openbaar.", "Werk", "lead")
                .id();
        systems.setPublicationCategory(system, "B");
        String api = "/api/systems/" + system + "/register-entry";
        String nobodySaw = "Doel dat niemand las PROBE60-CSRF";
        assertThat(api("lead").sendJson("PUT", api, entry(nobodySaw)).statusCode())
                .isEqualTo(200);
        // The privacy officer's browser holds Basic credentials (see above); evil.example posts the approval form.
        HttpResponse<String> forged = Http.api(port)
                .send(Http.api(port)
                        .as("fg", "demo")
                        .request(api + "/approval")
                        .header("Origin", "https://evil.example")
                        .header("Sec-Fetch-Site", "cross-site")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(Http.api(port).get("/register.json").body()).doesNotContain(nobodySaw);
    }

    @Test
    void theRegisterPublishesOnlyTheDraftThePrivacyOfficerSaw() {
        String system = systems.register("Probe60 register", "Openbaar.", "Werk", "lead")
                .id();
        systems.setPublicationCategory(system, "B");
        String api = "/api/systems/" + system + "/register-entry";
        String seen = "Zorgvuldig doel PROBE60-GEZIEN";
        String unseen = "Ander doel PROBE60-ONGEZIEN";
        HttpResponse<String> first = api("lead").sendJson("PUT", api, entry(seen));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        // The privacy officer opens the page and reads the draft that waits.
        Http fg = login("fg");
        String page = fg.get("/systemen/" + system + "/algoritmeregister").body();
        assertThat(page).contains(seen, "Goedkeuren en publiceren").doesNotContain(unseen);
        // Meanwhile the owner stores another draft.
        HttpResponse<String> second = api("lead").sendJson("PUT", api, entry(unseen));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        // The privacy officer presses "Goedkeuren en publiceren" on the page as it was shown.
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("name=\"versie\" value=\"(\\d+)\"")
                .matcher(page);
        assertThat(shown.find()).as("the approval form names the version shown").isTrue();
        HttpResponse<String> approved = fg.postForm(
                "/systemen/" + system + "/algoritmeregister/goedkeuring",
                Http.form("versie", shown.group(1), "_csrf", Http.csrfTokenFrom(page)));
        String published = Http.api(port).get("/register.json").body();
        assertThat(published).as("approval answered " + approved.statusCode()).doesNotContain(unseen);
        // The privacy officer is shown the newer draft with a Dutch explanation, and can approve that one.
        assertThat(approved.statusCode()).isEqualTo(302);
        String again = fg.get("/systemen/" + system + "/algoritmeregister").body();
        assertThat(again).contains("gewijzigd nadat u deze pagina opende", unseen);
        // Over the API the same: without the version 400 naming it, with the old one 409, with the new one published.
        HttpResponse<String> without = api("fg").postJson(api + "/approval", "{}");
        assertThat(without.statusCode()).as(without.body()).isEqualTo(400);
        assertThat(without.body()).contains("\"field\":\"version\"");
        HttpResponse<String> stale = api("fg").postJson(api + "/approval", "{\"version\":" + shown.group(1) + "}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(Http.api(port).get("/register.json").body()).doesNotContain(unseen);
        HttpResponse<String> current =
                api("fg").postJson(api + "/approval", "{\"version\":" + (Integer.parseInt(shown.group(1)) + 1) + "}");
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(Http.api(port).get("/register.json").body()).contains(unseen);
    }

    /** A browser that opens an API address without a session goes to the login page, never to a Basic prompt. */
    @Test
    void aBrowserWithoutSessionIsSentToTheLoginPageAndNotAskedForBasicCredentials() {
        HttpResponse<String> opened = Http.api(port)
                .send(Http.api(port)
                        .request("/api/systems")
                        .header("Sec-Fetch-Mode", "navigate")
                        .header("Sec-Fetch-Site", "none")
                        .header("Accept", "text/html")
                        .GET());
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(opened.headers().allValues("WWW-Authenticate")).isEmpty();
        // An API client still gets its 401 with the challenge, and with its credentials from the same site, no token.
        assertThat(Http.api(port).get("/api/systems").headers().allValues("WWW-Authenticate"))
                .anyMatch(h -> h.startsWith("Basic"));
        HttpResponse<String> sameSite = Http.api(port)
                .send(api("lead")
                        .request("/api/systems")
                        .header("Origin", "http://localhost:" + port)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"Probe60 eigen site\",\"department\":\"ICT\"}")));
        assertThat(sameSite.statusCode()).as(sameSite.body()).isEqualTo(201);
    }

    @Test
    void hostilePagingSortingAndFilterParametersNeverCauseAServerError() {
        String big = "2147483647";
        String huge = "99999999999999999999";
        Map<String, List<String>> calls = new LinkedHashMap<>();
        calls.put(
                "lead",
                List.of(
                        "/api/tasks?limit=-1",
                        "/api/tasks?offset=-1",
                        "/api/tasks?limit=" + big + "&offset=" + big,
                        "/api/tasks?limit=" + huge,
                        "/api/systems?search=%25%27%22%5C_",
                        "/api/assessments/x/versions/" + huge,
                        "/api/assessments/x/diff?from=-1&to=" + big,
                        "/taken?zoek=%25%27%22%5C_&offset=-1",
                        "/systemen?zoek=%25%27%22%5C_&sorteer=naam%3Bdrop&pagina=-1",
                        "/beoordelingen/x/verschil?van=abc&tot=-1"));
        calls.put(
                "manager",
                List.of(
                        "/api/audit?limit=" + big,
                        "/api/audit?offset=" + big + "&limit=1",
                        "/api/audit?offset=-1",
                        "/api/oversight?department=%27%3B--&gate=%3Cx%3E",
                        "/toezicht?department=%27%3B--&gate=%3Cx%3E",
                        "/toezicht/export.csv?department=%27%3B--&gate=zzz&separator=%3D"));
        calls.put(
                "admin",
                List.of(
                        "/api/admin/users?limit=-1",
                        "/api/admin/users?offset=" + big,
                        "/api/admin/mail-outbox?limit=" + big + "&offset=" + big + "&status=%27",
                        "/api/admin/work/blocked?limit=-5",
                        "/beheer?offset=" + big,
                        "/beheer?offset=-" + big,
                        "/beheer/mail?offset=" + big + "&status=%27"));
        Map<String, String> errors = new LinkedHashMap<>();
        calls.forEach((who, paths) -> {
            Http browser = login(who);
            for (String path : paths) {
                HttpResponse<String> response =
                        path.startsWith("/api/") ? api(who).get(path) : browser.get(path, "text/html");
                if (response.statusCode() >= 500) {
                    errors.put(who + " " + path, response.statusCode() + " " + response.body());
                }
            }
        });
        assertThat(errors).isEmpty();
    }

    private static String entry(String goal) {
        return "{\"name\":\"Probe60 register\",\"description_short\":\"Wijst aanvragen toe.\",\"category\":[\"Werk\"],"
                + "\"contact_email\":\"algoritmes@noorderhaaks.nl\",\"goal\":\"" + goal + "\"}";
    }
}
