package nl.waarborg.web;

import static nl.waarborg.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page over real HTTP with a browser session: status, Dutch headings, escaping, refusals in plain Dutch. */
@WaarborgIntegrationTest
class WebPagesTest {

    @LocalServerPort
    int port;

    private Http login(String user) {
        Http http = Http.browser(port);
        HttpResponse<String> login = http.formLogin(user, "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        return http;
    }

    /** Registers a system through the web form and returns its page path. */
    static String register(Http lead, String name, String department) {
        String csrf = Http.csrfTokenFrom(lead.get("/systemen/nieuw").body());
        HttpResponse<String> created = lead.postForm(
                "/systemen/nieuw",
                form("name", name, "department", department, "description", "Testsysteem", "_csrf", csrf));
        assertThat(created.statusCode()).isEqualTo(302);
        return created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Autowired
    SystemRegistry systems;

    @Autowired
    AuditTrail audit;

    @Test
    void theManagerSeesGatesThatRanOverTheirServiceLevel() {
        String name = "Termijnbewaking " + System.nanoTime();
        String systemId = systems.register(name, null, "Toezicht", "lead").id();
        audit.record(
                AuditAction.GATE_OVERDUE,
                null,
                systemId,
                Map.of("activity", "ethics-committee-advice-escalate", "processInstanceId", "p-1"));

        String page = login("manager").get("/toezicht").body();
        assertThat(page).contains("Termijn verstreken");
        String section = page.substring(page.indexOf("Termijn verstreken"));
        assertThat(section).contains(name).contains("/systemen/" + systemId);
    }

    @Test
    void eachRoleLandsOnItsOwnHomePage() {
        System.out.println("[waarborg-test] WebPagesTest on " + TestDatabases.name());
        assertThat(login("lead").get("/").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/systemen"));
        assertThat(login("fg").get("/").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/taken"));
        assertThat(login("manager").get("/").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/toezicht"));
        HttpResponse<String> admin = login("admin").get("/");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body())
                .contains("<html lang=\"nl\"")
                .contains("href=\"/beheer\"")
                .contains("/camunda/app/cockpit/")
                .doesNotContain("/camunda/app/admin/");
    }

    @Autowired
    AssessmentService assessments;

    @Autowired
    AssessmentReads reads;

    @Test
    void theVersionPageShowsEverySaveSoASendBackLeavesATrace() throws java.io.IOException {
        java.time.LocalDate due = java.time.LocalDate.now().plusMonths(3);
        String systemId = systems.register("Parkeervergunningen", "Toewijzing", "Mobiliteit", "lead")
                .id();
        AssessmentService.OpenedVersion v = assessments.openVersion(systemId, AssessmentType.IAMA, 1, null, "lead");
        assessments.saveSection(
                v.assessmentId(), 1, "iama-part-1", Map.of("part1Goal", "Sneller <b>beslissen</b>"), "lead");
        assessments.saveSection(
                v.assessmentId(),
                1,
                "iama-part-1",
                Map.of(
                        "part1Goal",
                        "Binnen twee weken beslissen",
                        "part1ActionPoints",
                        java.util.List.of(Map.of(
                                "what", "Bias-toets uitvoeren", "owner", "Team Data", "dueDate", due.toString()))),
                "lead");

        String page = login("ethics")
                .get("/beoordelingen/" + v.assessmentId() + "/versies/1")
                .body();
        assertThat(page)
                .contains("<h2>Opslaggeschiedenis van de antwoorden</h2>")
                .contains("<summary>Antwoorden tonen</summary>")
                .contains("Sneller &lt;b&gt;beslissen&lt;/b&gt;")
                .contains("Binnen twee weken beslissen")
                // Each question shows its number in IAMA v2 (ADR 0037).
                .contains("[1.1.2] Welk doel wil de gemeente bereiken?")
                .contains(reads.answerSaves(v.assessmentId(), 1).get(0).answersHash())
                // A list answer is a table with the form's column names, not its technical keys, in form order:
                // what, who, when, and the date as everywhere else on the pages.
                .containsSubsequence(
                        "<th scope=\"col\">Wat moet er gebeuren?</th>",
                        "<th scope=\"col\">Wie is eigenaar?</th>",
                        "<th scope=\"col\">Uiterlijk</th>",
                        ">Bias-toets uitvoeren</td>",
                        ">Team Data</td>",
                        ">" + due.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + "</td>")
                .doesNotContain("what: ")
                .doesNotContain(due.toString());

        // Fixed choices show the label the form shows, at the top level and inside list items.
        assessments.saveSection(
                v.assessmentId(),
                1,
                "iama-part-4",
                Map.of(
                        "part4Rights",
                        java.util.List.of(
                                // A row signed on the old scale (IAMA v1) and one on the scale of IAMA v2.
                                Map.of("right", "non-discriminatie", "impact", "NEGATIVE", "severity", "HIGH"),
                                Map.of(
                                        "right",
                                        "recht-op-behoorlijk-bestuur",
                                        "impact",
                                        "NEGATIVE",
                                        "rightWeight",
                                        "CORE",
                                        "infringementExtent",
                                        "LIMITED",
                                        "infringementSeverity",
                                        "MEDIUM"))),
                "lead");
        assessments.saveSection(
                v.assessmentId(), 1, "iama-part-5", Map.of("part5Advice", "DEPLOY_WITH_CONDITIONS"), "lead");
        String labelled = login("ethics")
                .get("/beoordelingen/" + v.assessmentId() + "/versies/1")
                .body();
        assertThat(labelled)
                .containsSubsequence(
                        ">Grondrecht</th>",
                        ">Effect</th>",
                        ">Non-discriminatie</td>",
                        ">Negatief (maakt inbreuk)</td>",
                        ">Hoog (oude schaal)</td>")
                .contains(">Ernst van de inbreuk (IAMA versie 2)</th>")
                .contains(">Medium</td>")
                .contains(">Kern van het recht</td>")
                .doesNotContain("LIMITED")
                .contains("Inzetten onder voorwaarden")
                .doesNotContain("NEGATIVE")
                .doesNotContain("DEPLOY_WITH_CONDITIONS");
        HttpResponse<byte[]> pdf = Http.api(port)
                .as("ethics", "demo")
                .getBytes("/api/assessments/" + v.assessmentId() + "/versions/1/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Inzetten onder voorwaarden")
                    .contains("[5.B] Advies over inzet")
                    .contains("Negatief (maakt inbreuk)")
                    .doesNotContain("DEPLOY_WITH_CONDITIONS")
                    // Fields inside list items carry their Dutch names in the PDF too.
                    .contains("Grondrecht")
                    .contains("Recht op behoorlijk bestuur")
                    .contains("Wat moet er gebeuren?")
                    .contains("Bias-toets uitvoeren")
                    .contains("Team Data")
                    // Sections by their Dutch titles, and numbered pages.
                    .contains("IAMA deel 4: Mensenrechten")
                    .doesNotContain("iama-part-4")
                    .contains("Pagina 1 van")
                    .doesNotContain("right: ")
                    .doesNotContain("what: ")
                    .doesNotContain("owner: ");
        }
        // The current answers show only the last save; the history shows both, oldest first.
        assertThat(page.indexOf("Sneller &lt;b&gt;")).isGreaterThan(page.indexOf("Opslaggeschiedenis"));
        assertThat(page.indexOf("Binnen twee weken", page.indexOf("Opslaggeschiedenis")))
                .isGreaterThan(page.indexOf("Sneller &lt;b&gt;"));
        assertThat(login("ethics")
                        .get("/beoordelingen/" + v.assessmentId() + "/versies/1?lang=en")
                        .body())
                .contains("<h2>History of saved answers</h2>");
    }

    @Test
    void mainPagesAnswerInDutchAndEnglish() {
        Http lead = login("lead");
        assertThat(lead.get("/systemen").body())
                .contains("<h1>Mijn systemen</h1>")
                .contains("href=\"#main\"");
        assertThat(lead.get("/systemen/nieuw").body()).contains("<h1>Systeem registreren</h1>");
        assertThat(lead.get("/taken").body()).contains("<h1>Mijn taken</h1>");
        HttpResponse<String> english = lead.get("/systemen?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("<h1>My systems</h1>");
        assertThat(lead.get("/systemen?lang=nl").body()).contains("<h1>Mijn systemen</h1>");

        Http manager = login("manager");
        HttpResponse<String> oversight = manager.get("/toezicht");
        assertThat(oversight.statusCode()).isEqualTo(200);
        assertThat(oversight.body()).contains("<h1>Wacht op goedkeuring</h1>");
        HttpResponse<String> csv = manager.get("/toezicht/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("systeem;systeem-id;afdeling;beoordeling;stap;groep");
    }

    @Test
    void registeringASystemEscapesWhatTheUserTyped() {
        Http lead = login("lead");
        String page = register(lead, "<script>alert('x')</script> Bijstand", "Sociaal Domein");
        assertThat(page).startsWith("/systemen/");
        HttpResponse<String> system = lead.get(page);
        assertThat(system.statusCode()).isEqualTo(200);
        assertThat(system.body())
                .doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Bijstand")
                .contains("Het systeem is geregistreerd.")
                .contains("Beoordelingscyclus starten");
        assertThat(lead.get("/systemen").body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
        // The manager may look at it too, but not register or start anything.
        Http manager = login("manager");
        assertThat(manager.get(page).statusCode()).isEqualTo(200);
        assertThat(manager.get("/systemen/nieuw").statusCode()).isEqualTo(403);
        assertThat(manager.get("/systemen/nieuw").body())
                .contains("U heeft geen toegang tot deze pagina.")
                .doesNotContain("Exception");
    }

    @Test
    void aRefusedRegistrationKeepsTheValuesAndLinksTheErrors() {
        Http lead = login("lead");
        String csrf = Http.csrfTokenFrom(lead.get("/systemen/nieuw").body());
        HttpResponse<String> refused = lead.postForm(
                "/systemen/nieuw",
                form("name", "  ", "department", "", "description", "Mijn <b>omschrijving</b>", "_csrf", csrf));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Vul de naam van het systeem in.")
                .contains("Vul de afdeling in.")
                .contains("aria-describedby=\"name-error\"")
                .contains("id=\"name-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("Mijn &lt;b&gt;omschrijving&lt;/b&gt;");
    }

    @Test
    void startingTheCycleTwiceIsRefusedInPlainDutch() {
        Http lead = login("lead");
        String page = register(lead, "Parkeervergunningen", "Stadsbeheer");
        String id = page.substring(page.lastIndexOf('/') + 1);
        String csrf = Http.csrfTokenFrom(lead.get(page).body());
        assertThat(lead.postForm(page + "/cyclus", "_csrf=" + csrf).statusCode())
                .isEqualTo(302);
        HttpResponse<String> started = lead.get(page);
        assertThat(started.body())
                .contains("De beoordelingscyclus is gestart.")
                .contains("Pre-scan")
                .doesNotContain(">Beoordelingscyclus starten<");
        assertThat(lead.postForm(page + "/cyclus", "_csrf=" + csrf).statusCode())
                .isEqualTo(302);
        assertThat(lead.get(page).body()).contains("Er loopt al een beoordelingscyclus voor dit systeem.");
        // The pre-scan is now one of the lead's tasks.
        assertThat(lead.get("/taken").body()).contains(id);
    }

    @Test
    void unknownThingsGiveTheDutchErrorPageWithoutStackTrace() {
        Http lead = login("lead");
        HttpResponse<String> missing = lead.get("/systemen/bestaat-niet");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .contains("Er ging iets mis")
                .contains("Deze pagina bestaat niet")
                .doesNotContain("Exception");
        HttpResponse<String> task = lead.get("/taken/bestaat-niet");
        assertThat(task.statusCode()).isEqualTo(302);
        assertThat(lead.get("/taken").body()).contains("Deze taak bestaat niet (meer)");
        assertThat(lead.get("/beoordelingen/x/versies/abc").statusCode()).isEqualTo(400);
        assertThat(lead.get("/formulieren/triage").body()).contains("\"id\": \"triage\"");
        assertThat(lead.get("/formulieren/..%2Fapplication").statusCode()).isIn(400, 404);
    }
}
