package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.notification.NewGroupTaskMail;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Probe 68 from outside, on the surfaces the earlier probes touched least: what an anonymous reader gets (the public
 * register and its feed, actuator, error pages, API docs, the engine's REST API, static files), what the exports of a
 * signed version and of the register show, and what a project lead can put into a mail that goes to reviewers. Each
 * test asserts the safe outcome on the bytes returned; a failing test is a hole.
 */
@WaarborgIntegrationTest
class Probe68Test extends GuardScenario {

    @Autowired
    nl.waarborg.task.TaskWork tasks;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A user of these groups with the demo password and a name (created once per context). */
    private void user(String id, String firstName, String lastName, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@gemeente.example");
            DemoUsers.saveWithDemoPassword(identity, user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 300 ? b.substring(0, 300) + "…" : b;
    }

    /** A minimal register entry that passes the publication standard's rules. */
    private static String entry(String name, String goal) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", name);
        e.put("description_short", "Wijst aanvragen toe aan een medewerker.");
        e.put("category", List.of("Werk"));
        e.put("contact_email", "algoritmes@noorderhaaks.nl");
        e.put("goal", goal);
        return ApiSteps.write(e);
    }

    /** The owner stores the entry on /api, the privacy officer publishes that draft on /api. */
    private void published(String systemId, String body) {
        String path = "/api/systems/" + systemId + "/register-entry";
        HttpResponse<String> edited = api("lead").sendJson("PUT", path, body);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        int number = ApiSteps.json(edited).path("number").asInt();
        HttpResponse<String> approved = api("fg").postJson(path + "/approval", "{\"version\":" + number + "}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    private boolean inFeed(String systemId) throws Exception {
        HttpResponse<String> feed = Http.api(port).get("/register.json", "application/json");
        assertThat(feed.statusCode()).isEqualTo(200);
        for (JsonNode e : JSON.readTree(feed.body())) {
            if (systemId.equals(e.path("source_id").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * ADR 0034: "A system of category C has no entry (409). Only A and B are published." A system is B after its first
     * pre-scan, its entry is published; the cycle is cancelled and the next round's pre-scan finds nothing impactful, so
     * the system is now C. Safe: the public register no longer shows the entry, or its owner can still correct it (so
     * the public text is not frozen out of everyone's reach with a category and status the system no longer has).
     * Also: the public feed names none of the people behind it (editor, approver, their addresses, the department).
     */
    /**
     * A system of "lead" that was category B in round 1 with its entry published (in development); then the cycle is
     * cancelled and round 2's pre-scan finds nothing impactful: the system is category C and, needing no assessment,
     * in use (Evaluate).
     */
    private String publishedThenCategoryC(String name) throws Exception {
        String systemId = startedSystem(name);
        assertThat(steps().viaApi(
                                "lead",
                                open(systemId, "fill-in-triage").getId(),
                                TriageAnswers.with(TriageAnswers.impactful()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(systems.get(systemId).publicationCategory()).isEqualTo("B");
        published(systemId, entry(name, "Openbaar doel P68-1"));
        assertThat(inFeed(systemId)).isTrue();
        HttpResponse<String> page = Http.api(port).get("/register", "text/html");
        HttpResponse<String> feed = Http.api(port).get("/register.json", "application/json");
        for (String secret : List.of("lead@", "fg@", "\"edited_by\"", "\"approved_by\"", "Sociaal Domein")) {
            assertThat(page.body()).as(secret).doesNotContain(secret);
            assertThat(feed.body()).as(secret).doesNotContain(secret);
        }

        HttpResponse<String> cancelled = api("admin")
                .postJson(
                        "/api/admin/work/systems/" + systemId + "/cycle-cancellation",
                        "{\"reason\":\"Opnieuw beoordelen\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(api("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> neutral =
                steps().viaApi("lead", open(systemId, "fill-in-triage").getId(), TriageAnswers.neutral());
        assertThat(neutral.statusCode()).as(neutral.body()).isEqualTo(204);
        assertThat(systems.get(systemId).publicationCategory())
                .as("precondition: the new pre-scan's category")
                .isNotIn("A", "B");
        return systemId;
    }

    /** The published entry of the system in /register.json, or null. */
    private JsonNode publicEntry(String systemId) throws Exception {
        for (JsonNode e : JSON.readTree(
                Http.api(port).get("/register.json", "application/json").body())) {
            if (systemId.equals(e.path("source_id").asText())) {
                return e;
            }
        }
        return null;
    }

    /**
     * ADR 0034: "A system of category C has no entry (409). Only A and B are published." Safe: once the system is
     * category C, the public register no longer shows its entry, or its owner can still correct it (so the public text is
     * not frozen out of everyone's reach with a category and status the system no longer has). Also: the public feed
     * names none of the people behind it (editor, approver, their addresses, the department).
     */
    @Test
    void aSystemThatIsNoLongerCategoryAOrBDoesNotKeepAnUncorrectablePublicEntry() throws Exception {
        String systemId = publishedThenCategoryC("Probe68 register categorie");
        String category = systems.get(systemId).publicationCategory();
        HttpResponse<String> correction = api("lead")
                .sendJson(
                        "PUT",
                        "/api/systems/" + systemId + "/register-entry",
                        entry("Probe68 toewijzing", "Niet langer impactvol"));
        boolean stillPublic = inFeed(systemId);
        JsonNode shown = publicEntry(systemId);
        assertThat(stillPublic && correction.statusCode() >= 400)
                .as("category " + category + ", phase " + systems.get(systemId).phase() + ": the entry is still in"
                        + " /register.json (status '"
                        + (shown == null ? "-" : shown.path("status").asText())
                        + "', publication_category '"
                        + (shown == null
                                ? "-"
                                : shown.path("publication_category").asText())
                        + "') and its owner's correction gets " + correction.statusCode() + " "
                        + abbreviate(correction.body()))
                .isFalse();
    }

    /**
     * ADR 0034: the entry's status follows the phase, "Buiten gebruik" with the end month when the system is retired.
     * The same system as above (published in round 1, category C in round 2, in use) is retired by its owner. Safe: the
     * public register does not go on saying the retired system is in development or in use.
     */
    @Test
    void aRetiredSystemIsNotShownAsInDevelopmentOrInUseOnThePublicRegister() throws Exception {
        String systemId = publishedThenCategoryC("Probe68 register buiten gebruik");
        String phaseBefore = systems.get(systemId).phase().name();
        HttpResponse<String> retired =
                api("lead").postJson("/api/systems/" + systemId + "/retirement", "{\"reason\":\"Vervangen\"}");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(202);
        assertThat(systems.get(systemId).phase().name()).isEqualTo("RETIRED");
        JsonNode entry = publicEntry(systemId);
        assertThat(entry == null || "Buiten gebruik".equals(entry.path("status").asText()))
                .as("the public entry of the retired system (phase before: " + phaseBefore + "): " + entry)
                .isTrue();
    }

    /**
     * The register's CSV for bulk upload (ADR 0034) quotes every cell and neutralises formulas. A published entry whose
     * texts start like formulas (=, +, -, @, behind blanks) comes out with each such cell led by an apostrophe. Safe: no
     * cell of the CSV starts (after its opening quote) with a formula character.
     */
    @Test
    void theRegisterCsvStartsNoFormulaInAnyCell() {
        String systemId = startedSystem("Probe68 register csv");
        assertThat(steps().viaApi(
                                "lead",
                                open(systemId, "fill-in-triage").getId(),
                                TriageAnswers.with(TriageAnswers.impactful()))
                        .statusCode())
                .isEqualTo(204);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", "=1+1 Probe68");
        e.put("description_short", "+31 20 123 4567 belt de medewerker.");
        e.put("category", List.of("Werk"));
        e.put("contact_email", "algoritmes@noorderhaaks.nl");
        e.put("goal", "@SUM(A1) is het doel.");
        e.put("risks", "-2+3 risico's.");
        e.put("provider", "\u00a0=HYPERLINK(\"https://aanvaller.example\";\"klik\")");
        e.put("tags", " =cmd|' /C calc'!A0");
        String path = "/api/systems/" + systemId + "/register-entry";
        HttpResponse<String> edited = api("lead").sendJson("PUT", path, ApiSteps.write(e));
        if (edited.statusCode() == 400) {
            // A field the standard refuses: the same entry without it.
            String field = ApiSteps.json(edited).path("field").asText();
            e.remove(field);
            edited = api("lead").sendJson("PUT", path, ApiSteps.write(e));
        }
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        int number = ApiSteps.json(edited).path("number").asInt();
        assertThat(api("fg")
                        .postJson(path + "/approval", "{\"version\":" + number + "}")
                        .statusCode())
                .isEqualTo(200);
        String csv = api("manager").get("/api/register-entries?format=csv").body();
        List<String> formulas = new ArrayList<>();
        Matcher cell = Pattern.compile("(?:^|,)\"((?:[^\"]|\"\")*)\"", Pattern.MULTILINE)
                .matcher(csv);
        while (cell.find()) {
            String value = cell.group(1);
            String stripped = value.replaceFirst("^[\\s\\u00a0\\u200b\\ufeff]+", "");
            if (!stripped.isEmpty() && "=+-@".indexOf(stripped.charAt(0)) >= 0) {
                formulas.add(value);
            }
        }
        assertThat(csv).contains("Probe68");
        assertThat(formulas).as("cells that start a formula").isEmpty();
    }

    /**
     * ADR 0026: a mail carries names and links, and its links start with Waarborg's own address. A system's name is
     * quoted in every mail about it, also to the privacy officer's whole group when the gate opens. A project lead
     * registers a system whose one-line name closes the quote and reads as Waarborg's own instruction with a link to
     * another site. Safe: the name is refused, or the mail rendered for the new gate task of that system holds no link
     * that does not start with Waarborg's address.
     */
    @Test
    void aSystemNameCannotPutALinkToAnotherSiteIntoTheReviewersMail() throws Exception {
        String injected =
                "Wmo\". Waarborg is verhuisd: log voortaan in op https://waarborg-login.evil.example/taken \"";
        HttpResponse<String> created = api("lead")
                .postJson("/api/systems", ApiSteps.write(Map.of("name", injected, "department", "Sociaal Domein")));
        if (created.statusCode() >= 400) {
            return; // refused: safe
        }
        String systemId = ApiSteps.json(created).path("id").asText();
        String name = systems.get(systemId).name();
        String base = NewGroupTaskMail.link(context, "");
        String mail = NewGroupTaskMail.rendered(
                context,
                "Advies functionaris gegevensbescherming (IAMA)",
                name,
                NewGroupTaskMail.link(context, "/taken/1"));
        List<String> foreign = new ArrayList<>();
        Matcher url = Pattern.compile("https?://[^\\s\"')]+").matcher(mail);
        while (url.find()) {
            if (!url.group().startsWith(base)) {
                foreign.add(url.group());
            }
        }
        assertThat(foreign)
                .as("links in the mail to the privacy officers about system '" + name + "' (base " + base + "): "
                        + mail.replace("\n", "\\n"))
                .isEmpty();
    }

    /**
     * A signed record names its signer. The privacy officer Anna Adviseur signs the advice on version 1; afterwards an
     * administrator renames her account to another person's name. Safe: the PDF of the signed version still names the
     * signer as she was when she signed (the name the record was signed under), not a name given after signing.
     */
    @Test
    void thePdfOfASignedVersionNamesTheSignerAsTheySigned() throws Exception {
        user("p68fg", "Anna", "Adviseur", "privacy-officer");
        RunningIama iama = atPrivacyOfficer("Probe68 ondertekend");
        String gate = iama.gateTaskId();
        assertThat(send("p68fg", "POST", "/engine-rest/task/" + gate + "/claim", "{\"userId\":\"p68fg\"}")
                        .statusCode())
                .isEqualTo(204);
        nl.waarborg.task.TaskWork.TaskView view = driver.as("fg", () -> tasks.task(gate));
        Map<String, Object> advice = driver.answers(view.formId(), "p68fg");
        HttpResponse<String> advised = steps().viaApi("p68fg", gate, advice);
        assertThat(advised.statusCode()).as(advised.body()).isLessThan(300);
        String assessmentId = reads.assessmentsOf(iama.systemId()).get(0).id();
        String before = pdfText(assessmentId);
        assertThat(before).contains("Anna Adviseur");

        HttpResponse<String> renamed = api("admin")
                .sendJson(
                        "PUT",
                        "/api/admin/users/p68fg",
                        ApiSteps.write(Map.of(
                                "firstName",
                                "Piet",
                                "lastName",
                                "Jansen",
                                "email",
                                "p68fg@gemeente.example",
                                "reason",
                                "Naamswijziging")));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        String after = pdfText(assessmentId);
        int at = after.indexOf("(p68fg)");
        String signature = at < 0 ? after : after.substring(Math.max(0, at - 120), Math.min(after.length(), at + 60));
        String page = login("lead")
                .get("/beoordelingen/" + assessmentId + "/versies/1")
                .body();
        assertThat(after)
                .as("the PDF's signature after the rename: '" + signature + "'; the version page names "
                        + (page.contains("Piet Jansen")
                                ? "Piet Jansen"
                                : page.contains("Anna Adviseur") ? "Anna Adviseur" : "neither"))
                .contains("Anna Adviseur")
                .doesNotContain("Piet Jansen");
    }

    /**
     * ADR 0026: new tasks go to the members of the task's group, for a content task to the system's team. A co-author is
     * in the team when the pre-scan opens, so (with mail on) a digest item for it is written for them; the owner then
     * takes them off the team. Safe: the next digest does not still tell the former co-author, who no longer reads the
     * system, the system's name and a link to its task. The shared test context has no mail server, so the probe writes
     * the digest item as {@code Notifications.taskCreated} does with mail on and runs the digest as its schedule does;
     * the team change goes through /api.
     */
    @Test
    void aCoAuthorTakenOffTheTeamGetsNoDigestOfItsTasks() throws Exception {
        user("p68co", "Cor", "Auteur", "project-lead");
        String name = "Probe68 digest na vertrek";
        String systemId = steps().newSystem("lead", name, "Sociaal Domein");
        String coAuthor = "/api/systems/" + systemId + "/co-authors/p68co";
        assertThat(api("lead").postJson(coAuthor, "").statusCode()).isEqualTo(200);
        assertThat(api("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        org.camunda.bpm.engine.task.Task triage = open(systemId, "fill-in-triage");
        Class<?> factClass = Class.forName("nl.waarborg.notification.TaskFact");
        java.lang.reflect.Constructor<?> fact = factClass.getDeclaredConstructor(
                String.class, String.class, String.class, List.class, String.class, java.time.Instant.class);
        fact.setAccessible(true);
        Class<?> digestsClass = Class.forName("nl.waarborg.notification.Digests");
        Object digests = context.getBean(digestsClass);
        java.lang.reflect.Method add = digestsClass.getDeclaredMethod("add", String.class, factClass, String.class);
        add.setAccessible(true);
        java.lang.reflect.Method sendDue = digestsClass.getDeclaredMethod("sendDue");
        sendDue.setAccessible(true);
        try {
            add.invoke(
                    digests,
                    "p68co",
                    fact.newInstance(triage.getId(), triage.getName(), systemId, List.of("project-lead"), null, null),
                    name);
            assertThat(api("lead").sendJson("DELETE", coAuthor, null).statusCode())
                    .isEqualTo(200);
            assertThat(api("p68co").get("/api/systems/" + systemId).statusCode())
                    .as("the former co-author no longer reads the system")
                    .isIn(403, 404);
            sendDue.invoke(digests);
            List<String> mails = jdbc.sql(
                            "SELECT subject || ' | ' || body FROM wb_mail_outbox WHERE recipient_user = 'p68co'")
                    .query(String.class)
                    .list();
            assertThat(mails.stream().filter(m -> m.contains(name)).toList())
                    .as("mail to the former co-author about the system")
                    .isEmpty();
        } finally {
            jdbc.sql("DELETE FROM wb_mail_digest_item WHERE user_id = 'p68co'").update();
            jdbc.sql("DELETE FROM wb_mail_outbox WHERE recipient_user = 'p68co'")
                    .update();
        }
    }

    private String pdfText(String assessmentId) throws java.io.IOException {
        HttpResponse<byte[]> pdf =
                api("lead").getBytes("/api/assessments/" + assessmentId + "/versions/1/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
        }
    }

    /**
     * Without login: every actuator endpoint but health, the error page, the API documents, the engine's REST API and
     * the webapps' engine API, and any file of the application's resources that is not a public asset. Safe: 401/403/404
     * or the login page, never the content; health and the error page show no details, names or stack traces.
     */
    @Test
    void anAnonymousReaderGetsNothingBeyondHealthAndThePublicRegister() {
        Http anonymous = Http.api(port);
        List<String> closed = List.of(
                "/actuator",
                "/actuator/env",
                "/actuator/configprops",
                "/actuator/beans",
                "/actuator/mappings",
                "/actuator/loggers",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/metrics",
                "/actuator/info",
                "/actuator/prometheus",
                "/actuator/health/../env",
                "/actuator/health/%2e%2e/env",
                "/actuator/health;/../env",
                "/v3/api-docs",
                "/v3/api-docs.yaml",
                "/v3/api-docs/swagger-config",
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/engine-rest/engine",
                "/engine-rest/version",
                "/engine-rest/user",
                "/engine-rest/group",
                "/engine-rest/deployment",
                "/engine-rest/process-definition",
                "/engine-rest/history/process-instance",
                "/camunda/api/engine/engine/default/user",
                "/camunda/api/engine/engine/",
                "/camunda/api/admin/setup/default/user/create",
                "/h2-console",
                "/api/systems",
                "/api/register-entries",
                "/api/register-entries?format=csv",
                "/register.json/../api/systems",
                "/register/../api/systems",
                "/register;x=1/../api/systems",
                "/css/../application.yaml",
                "/css/..%2fapplication.yaml",
                "/application.yaml",
                "/application-demo.yaml",
                "/messages.properties",
                "/mail/nl/footer.txt",
                "/templates/login.html",
                "/db/migration",
                "/identity",
                "/META-INF/MANIFEST.MF",
                "/error/../api/systems");
        List<String> open = new ArrayList<>();
        for (String path : closed) {
            HttpResponse<String> r;
            try {
                r = anonymous.get(path, "application/json");
            } catch (RuntimeException e) {
                continue; // the client refused to send the address: nothing reached Waarborg
            }
            int s = r.statusCode();
            boolean toLogin =
                    s == 302 && r.headers().firstValue("Location").orElse("").contains("/login");
            if (!(s == 400 || s == 401 || s == 403 || s == 404 || s == 405 || toLogin)) {
                open.add(path + " -> " + s + " " + abbreviate(r.body()));
            }
        }
        for (String path : List.of(
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/health/db",
                "/actuator/health/diskSpace",
                "/error",
                "/error?status=500",
                "/login?error",
                "/login?locked")) {
            for (String accept : List.of("application/json", "text/html")) {
                HttpResponse<String> r = anonymous.get(path, accept);
                String body = r.body() == null ? "" : r.body();
                for (String secret : List.of(
                        "components",
                        "details",
                        "jdbc:",
                        "org.h2",
                        "h2database",
                        "postgresql",
                        "Exception",
                        "at org.",
                        "\"trace\"",
                        "diskSpace")) {
                    if (body.contains(secret)) {
                        open.add(path + " (" + accept + ") -> " + r.statusCode() + " shows '" + secret + "': "
                                + abbreviate(body));
                    }
                }
            }
        }
        assertThat(open).as("what an anonymous reader got").isEmpty();
    }

    /**
     * The login page's message (timing out of scope): a wrong password for an existing account, for an account that does
     * not exist, for a deactivated account and for a deleted one all end on the same address and the same page. Safe:
     * one redirect target and one page text (the CSRF token aside), so the message tells no one which ids exist.
     */
    @Test
    void theLoginPageSaysTheSameForEveryWrongLogin() {
        user("p68deact", "Dea", "Actief", "project-lead");
        user("p68gone", "Ver", "Wijderd", "project-lead");
        HttpResponse<String> deactivated =
                api("admin").postJson("/api/admin/users/p68deact/deactivation", "{\"reason\":\"Uit dienst 68\"}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isLessThan(300);
        HttpResponse<String> deleted =
                api("admin").sendJson("DELETE", "/api/admin/users/p68gone?reason=Uit%20dienst%2068", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isLessThan(300);
        Map<String, String> seen = new LinkedHashMap<>();
        for (String id : List.of("lead", "p68-niemand", "p68deact", "p68gone")) {
            Http browser = Http.browser(port);
            HttpResponse<String> failed = browser.formLogin(id, "fout-wachtwoord-68");
            String location = failed.headers().firstValue("Location").orElse("-");
            String page = location.startsWith("-")
                    ? failed.body()
                    : browser.follow(location).body();
            seen.put(
                    id,
                    failed.statusCode() + " " + location.replaceFirst("^https?://[^/]+", "") + " "
                            + page.replaceAll("content=\"[^\"]*\"", "").replaceAll("value=\"[^\"]*\"", ""));
        }
        assertThat(seen.values().stream().distinct().count())
                .as("what the login answers per account: " + seen.keySet())
                .isOne();
    }
}
