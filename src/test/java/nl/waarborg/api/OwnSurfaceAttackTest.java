package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * An attacker on Waarborg's own surfaces (pages and /api; /engine-rest and the Camunda webapps have their own attack
 * tests): invisible control characters in every kind of input, formulas in the CSV export, HTML in names, and the
 * probes that found nothing open (kept, so that a regression shows).
 */
@WaarborgIntegrationTest
class OwnSurfaceAttackTest extends GuardScenario {

    private static final String PROBLEM = "application/problem+json";

    private long systemsNamed(String name) {
        return systems.page((String) null, 100_000, 0).stream()
                .filter(s -> s.name().equals(name))
                .count();
    }

    @Test
    void invisibleControlCharactersAreRefusedOnEveryInputPathAndNothingIsStored() {
        RunningIama t = atPrivacyOfficer("Doelwit met stuurtekens");
        Map<String, String> accepted = new LinkedHashMap<>();
        // JSON bodies: a record's field, a nested map's value (the task draft), and a bidi override that turns a name.
        for (String[] call : List.of(
                new String[] {"POST", "/api/systems", "{\"name\":\"Nul\\u0000naam\",\"department\":\"ICT\"}", "name"},
                new String[] {
                    "POST", "/api/systems", "{\"name\":\"Omgekeerd\\u202Efdp.exe\",\"department\":\"ICT\"}", "name"
                },
                new String[] {
                    "POST",
                    "/api/systems",
                    "{\"name\":\"Bel\",\"department\":\"ICT\",\"description\":\"a\\u0007b\"}",
                    "description"
                },
                new String[] {
                    "POST",
                    "/api/systems/" + t.systemId() + "/incidents",
                    "{\"description\":\"lek\\u0000\"}",
                    "description"
                })) {
            HttpResponse<String> r = api("lead").sendJson(call[0], call[1], call[2]);
            if (r.statusCode() != 400
                    || !r.headers().firstValue("Content-Type").orElse("").equals(PROBLEM)
                    || !r.body().contains("\"field\":\"" + call[3] + "\"")
                    || !r.body().contains("control character")) {
                accepted.put(call[1] + " " + call[2], r.statusCode() + " " + r.body());
            }
        }
        // A query parameter of the API.
        HttpResponse<String> query = api("manager").get("/api/audit?systemId=x%00");
        if (query.statusCode() != 400 || !query.body().contains("\"field\":\"systemId\"")) {
            accepted.put("/api/audit?systemId=x%00", query.statusCode() + " " + query.body());
        }
        // The pages: a search and a form, answered with the Dutch page that says what is wrong.
        Http lead = login("lead");
        HttpResponse<String> search = lead.get("/systemen?zoek=x%00");
        if (search.statusCode() != 400 || !search.body().contains("onzichtbaar stuurteken")) {
            accepted.put("/systemen?zoek=x%00", search.statusCode() + "");
        }
        String csrf = Http.csrfTokenFrom(lead.get("/systemen/nieuw").body());
        HttpResponse<String> form = lead.postForm(
                "/systemen/nieuw", Http.form("name", "Pagina\u0000nul", "department", "ICT", "_csrf", csrf));
        if (form.statusCode() != 400 || !form.body().contains("onzichtbaar stuurteken")) {
            accepted.put(
                    "POST /systemen/nieuw",
                    form.statusCode() + " " + form.headers().firstValue("Location"));
        }
        // A task's form answer, through the engine's REST API (as Camunda Tasklist completes it): the form rule.
        HttpResponse<String> engineRest = api("fg")
                .sendJson(
                        "POST",
                        "/engine-rest/task/" + t.gateTaskId() + "/complete",
                        "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"},"
                                + "\"motivation\":{\"value\":\"Akkoord\\u0000\"}}}");
        if (engineRest.statusCode() != 400 || !engineRest.body().contains("control character")) {
            accepted.put("/engine-rest/task/{gate}/complete", engineRest.statusCode() + " " + engineRest.body());
        }
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(t.gateTaskId())
                        .count())
                .isEqualTo(1);
        assertThat(accepted).isEmpty();
        assertThat(systemsNamed("Nul\u0000naam")
                        + systemsNamed("Omgekeerd\u202Efdp.exe")
                        + systemsNamed("Bel")
                        + systemsNamed("Pagina\u0000nul"))
                .isZero();
        assertThat(incidentCount(t.systemId())).isZero();
        // Line breaks and tabs in a text stay allowed.
        assertThat(api("lead")
                        .postJson(
                                "/api/systems",
                                "{\"name\":\"Gewoon\",\"department\":\"ICT\",\"description\":\"regel 1\\nregel 2\\t.\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    private long incidentCount(String systemId) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(systemId)
                .processDefinitionKey("incident")
                .count();
    }

    @Test
    void theOversightCsvNeverStartsAFormulaInAnyCellWhateverTheSeparator() {
        // (A name holds no web address any more, ADR 0060; the formula needs none to be one.)
        atPrivacyOfficer("=HYPERLINK(\"aanvaller\";\"klik\")");
        atPrivacyOfficer("Kosten,=SUM(1+1)");
        String csv = login("manager").get("/toezicht/export.csv").body();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"aanvaller\"\";\"\"klik\"\")\";");
        // A spreadsheet that splits on commas (an English locale) must find the comma inside a quoted cell.
        assertThat(csv).contains("\n\"Kosten,=SUM(1+1)\";").doesNotContain("\nKosten,=SUM");
    }

    @Test
    void htmlInANameIsShownAsTextOnEveryPageThatShowsIt() {
        String name = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        RunningIama t = atPrivacyOfficer(name);
        String assessmentId = reads.assessmentsOf(t.systemId()).get(0).id();
        Http manager = login("manager");
        for (String path : List.of(
                "/systemen/" + t.systemId(),
                "/systemen?zoek=script",
                "/toezicht",
                "/beoordelingen/" + assessmentId + "/versies/1",
                "/beoordelingen/" + assessmentId + "/verschil?van=1&tot=1")) {
            String page = manager.get(path).body();
            assertThat(page).as(path).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        }
        assertThat(manager.get("/systemen/" + t.systemId()).body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void oneUserExportingPdfsInALoopIsSlowedDownWhileOthersAndTheJsonExportAreNot() {
        RunningIama t = atPrivacyOfficer("Doelwit van een PDF-lus");
        String export =
                "/api/assessments/" + reads.assessmentsOf(t.systemId()).get(0).id() + "/versions/1/export";
        HttpResponse<String> refused = null;
        for (int i = 0; i <= 20 && refused == null; i++) {
            HttpResponse<String> r = api("alderman").get(export + "?format=pdf");
            if (r.statusCode() != 200) {
                refused = r;
            }
        }
        assertThat(refused).as("a 429 within 21 PDF exports a minute").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(refused.body()).contains("PDF exports a minute");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 61L);
        assertThat(api("alderman").get(export + "?format=json").statusCode()).isEqualTo(200);
        assertThat(api("ethics").get(export + "?format=pdf").statusCode()).isEqualTo(200);
    }

    /** Probes that found nothing open; each must keep answering as it does. */
    @Test
    void theProbesThatFoundNothingOpenStayRefused() {
        RunningIama t = atPrivacyOfficer("Doelwit van de vijandige projectleider");
        String s = t.systemId();
        var before = systems.get(s);
        String a = "/api/assessments/" + reads.assessmentsOf(s).get(0).id();
        Map<String, String> open = new LinkedHashMap<>();
        // Odd paging and numbers on the API: a 400 problem naming the parameter.
        for (String path : List.of(
                "/api/systems?limit=-1",
                "/api/systems?limit=1000000",
                "/api/systems?limit=abc",
                "/api/systems?offset=-5",
                "/api/systems?offset=99999999999",
                "/api/tasks?limit=0",
                "/api/oversight/blocked?limit=1000000",
                "/api/audit?limit=-1",
                a + "/versions/abc",
                a + "/diff?from=abc&to=1",
                a + "/versions/1/export?format=xml")) {
            HttpResponse<String> r = api("manager").get(path);
            if (r.statusCode() != 400
                    || !r.headers().firstValue("Content-Type").orElse("").equals(PROBLEM)
                    || !r.body().contains("\"field\"")) {
                open.put(path, r.statusCode() + " " + r.body());
            }
        }
        // A 10 MB name: refused as too large before anything is read into a record.
        HttpResponse<String> huge = api("lead")
                .postJson("/api/systems", "{\"name\":\"" + "x".repeat(10_000_000) + "\",\"department\":\"ICT\"}");
        if (huge.statusCode() != 413
                || !huge.headers().firstValue("Content-Type").orElse("").equals(PROBLEM)) {
            open.put("10 MB name", huge.statusCode() + "");
        }
        // A hostile project lead of another team, with a valid session and CSRF token, on every form of the system.
        Http lead2 = login("lead2");
        String csrf = Http.csrfTokenFrom(lead2.get("/systemen/nieuw").body());
        for (String[] post : List.of(
                new String[] {"/systemen/" + s + "/team", "gebruiker", "lead2"},
                new String[] {"/systemen/" + s + "/team/lead/verwijderen", "x", "x"},
                new String[] {"/systemen/" + s + "/cyclus", "x", "x"},
                new String[] {"/systemen/" + s + "/signaal", "type", "INCIDENT"},
                new String[] {"/systemen/" + s + "/incident", "description", "vals alarm"},
                new String[] {"/systemen/" + s + "/buiten-gebruik", "reason", "weg ermee"})) {
            HttpResponse<String> r = lead2.postForm(post[0], Http.form(post[1], post[2], "_csrf", csrf));
            // 403, or (the team form) back to the system's page with a refusal; the state is checked below.
            if (r.statusCode() != 403 && r.statusCode() != 302) {
                open.put(
                        "lead2 POST " + post[0],
                        r.statusCode() + " " + r.headers().firstValue("Location"));
            }
        }
        int deactivate = lead2.postForm("/beheer/gebruikers/lead/deactiveren", Http.form("_csrf", csrf))
                .statusCode();
        if (deactivate != 403) {
            open.put("lead2 POST /beheer/gebruikers/lead/deactiveren", deactivate + "");
        }
        // Another team's task (the privacy officer's gate) and the administrators' API, by id.
        for (String[] call : List.of(
                new String[] {"POST", "/api/tasks/" + t.gateTaskId() + "/claim"},
                new String[] {"GET", "/api/tasks/" + t.gateTaskId() + "/draft"},
                new String[] {"PUT", "/api/tasks/" + t.gateTaskId() + "/draft"},
                new String[] {"POST", "/api/admin/mail-outbox/1/retry"},
                new String[] {"POST", "/api/admin/systems/" + s + "/retirement"})) {
            HttpResponse<String> r =
                    api("lead2").sendJson(call[0], call[1], "GET".equals(call[0]) ? null : "{\"reason\":\"x\"}");
            if (r.statusCode() != 403 && r.statusCode() != 404) {
                open.put("lead2 " + call[0] + " " + call[1], r.statusCode() + " " + r.body());
            }
        }
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(t.gateTaskId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        for (String path : List.of("/systemen/" + s + "/pre-scan", "/toezicht", "/toezicht/export.csv", "/beheer")) {
            int status = lead2.get(path).statusCode();
            if (status != 403) {
                open.put("lead2 GET " + path, status + "");
            }
        }
        assertThat(api("lead").get("/api/systems/" + s + "/team").body()).doesNotContain("lead2");
        assertThat(incidentCount(s)).isZero();
        assertThat(systems.get(s).status()).isEqualTo(before.status());
        assertThat(systems.get(s).phase()).isEqualTo(before.phase());
        // CSRF: the owner's own session without the token changes nothing; GET /logout does not log out.
        Http lead = login("lead");
        int withoutToken = lead.postForm("/systemen/" + s + "/team", Http.form("gebruiker", "lead2"))
                .statusCode();
        if (withoutToken != 403) {
            open.put("POST without CSRF token", withoutToken + "");
        }
        lead.get("/logout");
        if (lead.get("/systemen").statusCode() != 200) {
            open.put("GET /logout logged out", "");
        }
        // No open redirect from the login page's parameters.
        HttpResponse<String> loginPage = Http.browser(port).get("/login?continue=https://aanvaller.example&next=//x");
        if (loginPage.statusCode() != 200) {
            open.put(
                    "/login?continue",
                    loginPage.statusCode() + " " + loginPage.headers().firstValue("Location"));
        }
        assertThat(open).isEmpty();
    }
}
