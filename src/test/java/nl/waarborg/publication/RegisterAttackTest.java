package nl.waarborg.publication;

import static nl.waarborg.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.identity.Groups;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on the register entry (issue 19): a hostile project lead (not the owner, or the owner going around the
 * privacy officer) and a curious outsider without login, on the pages and on /api. Every attempt is refused and
 * nothing unpublished reaches /register or /register.json.
 */
@WaarborgIntegrationTest
class RegisterAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    RegisterEntries entries;

    @Autowired
    EuRegistrations registrations;

    @Autowired
    TriageRecords triage;

    @Autowired
    IdentityService identity;

    private Http login(String user) {
        Http http = Http.browser(port);
        assertThat(http.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return http;
    }

    private String system(String owner) {
        String id = systems.register("Aanvalsdoel", "Openbare omschrijving.", "Werk", owner)
                .id();
        systems.setPublicationCategory(id, "A");
        return id;
    }

    @Test
    void aHostileProjectLeadCannotEditApproveOrPublish() {
        // Not the owner: the system belongs to another project lead.
        String foreign = system("lead-elders");
        String api = "/api/systems/" + foreign + "/register-entry";
        Http lead = Http.api(port).as("lead", "demo");
        String body = "{\"name\":\"Overgenomen\",\"category\":[\"Werk\"],\"contact_email\":\"x@y.nl\"}";
        assertThat(lead.sendJson("PUT", api, body).statusCode()).isEqualTo(403);
        assertThat(lead.postJson(api + "/approval", "{}").statusCode()).isEqualTo(403);
        assertThat(lead.sendJson("PUT", "/api/systems/" + foreign + "/eu-registration", "{}")
                        .statusCode())
                .isEqualTo(403);
        Http page = login("lead");
        String path = "/systemen/" + foreign + "/algoritmeregister";
        String csrf = Http.csrfTokenFrom(page.get(path).body());
        assertThat(page.postForm(path, form("name", "Overgenomen", "category", "Werk", "_csrf", csrf))
                        .statusCode())
                .isEqualTo(403);
        assertThat(page.postForm(path + "/goedkeuring", form("_csrf", csrf)).statusCode())
                .isEqualTo(403);
        assertThat(entries.versions(foreign)).isEmpty();

        // The owner going around the privacy officer: no self-approval, no script, no javascript: link, no own status.
        String own = system("lead");
        String mine = "/api/systems/" + own + "/register-entry";
        String ownPath = "/systemen/" + own + "/algoritmeregister";
        HttpResponse<String> script = page.postForm(
                ownPath,
                form(
                        "name", "Mijn algoritme",
                        "description_short", "Wijst aanvragen toe.",
                        "category", "Werk",
                        "contact_email", "algoritmes@noorderhaaks.nl",
                        "goal", "<script>alert(1)</script>",
                        "_csrf", csrf));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body())
                .contains("id=\"error-summary\"", "href=\"#goal\"", "voldoet niet aan de publicatiestandaard")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(lead.sendJson(
                                "PUT",
                                mine,
                                "{\"name\":\"Mijn algoritme\",\"category\":[\"Werk\"],"
                                        + "\"contact_email\":\"a@b.nl\",\"website\":\"javascript:alert(1)\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(entries.versions(own)).isEmpty();

        HttpResponse<String> saved = page.postForm(
                ownPath,
                form(
                        "name", "Mijn algoritme",
                        "description_short", "Wijst aanvragen toe.",
                        "category", "Werk",
                        "contact_email", "algoritmes@noorderhaaks.nl",
                        "goal", "Sneller beslissen.",
                        "_csrf", csrf));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(entries.latest(own).orElseThrow().entry().status()).isEqualTo("In ontwikkeling");
        assertThat(page.postForm(ownPath + "/goedkeuring", form("_csrf", csrf)).statusCode())
                .isEqualTo(403);
        assertThat(lead.postJson(mine + "/approval", "{}").statusCode()).isEqualTo(403);
        assertThat(entries.published(own)).isEmpty();
        // The privacy officer sees the approval button on the page and publishes it there.
        Http fg = login("fg");
        String fgPage = fg.get(ownPath).body();
        assertThat(fgPage).contains("Goedkeuren en publiceren", "Sneller beslissen.");
        String shown = String.valueOf(entries.latest(own).orElseThrow().number());
        assertThat(fgPage).contains("name=\"versie\" value=\"" + shown + "\"");
        assertThat(fg.postForm(ownPath + "/goedkeuring", form("versie", shown, "_csrf", Http.csrfTokenFrom(fgPage)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(entries.published(own)).isPresent();
    }

    /**
     * Four eyes means a reader from outside the team: a privacy officer whom the owner named co-author cannot publish
     * the entry the owner wrote; taken off the team, she can.
     */
    @Test
    void aPrivacyOfficerInTheSystemsTeamCannotApproveItsEntry() {
        if (identity.createUserQuery().userId("fg-team").count() == 0) {
            User user = identity.newUser("fg-team");
            DemoUsers.saveWithDemoPassword(identity, user);
            identity.createMembership("fg-team", Groups.PRIVACY_OFFICER);
            identity.createMembership("fg-team", Groups.PROJECT_LEAD);
        }
        String own = system("lead");
        entries.edit(own, RegisterRulesTest.set("goal", "Door het team geschreven"), "lead");
        String seen = "{\"version\":" + entries.latest(own).orElseThrow().number() + "}";
        Http lead = Http.api(port).as("lead", "demo");
        String coAuthor = "/api/systems/" + own + "/co-authors/fg-team";
        assertThat(lead.postJson(coAuthor, "").statusCode()).isEqualTo(200);
        String approval = "/api/systems/" + own + "/register-entry/approval";
        Http fgTeam = Http.api(port).as("fg-team", "demo");

        Http fgPage = login("fg-team");
        String page = fgPage.get("/systemen/" + own + "/algoritmeregister").body();
        assertThat(page).contains("u zit in het team van dit systeem").doesNotContain("Goedkeuren en publiceren");
        HttpResponse<String> refused = fgTeam.postJson(approval, seen);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("team");
        assertThat(entries.published(own)).isEmpty();

        assertThat(lead.sendJson("DELETE", coAuthor, null).statusCode()).isEqualTo(200);
        HttpResponse<String> approved = fgTeam.postJson(approval, seen);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(entries.published(own).orElseThrow().entry().goal()).isEqualTo("Door het team geschreven");
    }

    @Test
    void aCuriousOutsiderSeesNothingUnpublished() {
        String id = system("lead");
        triage.recordTriageOutcome(
                id,
                1,
                Map.of("highRiskAi", true, "aiActRole", "DEPLOYER", "euRegistration", "EU", "friaRequired", true));
        entries.edit(id, RegisterRulesTest.set("goal", "Openbaar doel OPEN-1"), "lead");
        entries.approve(id, "fg", entries.latest(id).orElseThrow().number());
        entries.edit(id, RegisterRulesTest.set("goal", "CONCEPT-GEHEIM-7"), "lead");
        registrations.prepare(
                id,
                new EuRegistration(
                        "Gemeente Noorderhaaks",
                        "ADRES-GEHEIM-8",
                        "CONTACT-GEHEIM-9",
                        "INDIENER-GEHEIM-10",
                        "Raadhuisplein 1",
                        "indiener@noorderhaaks.nl",
                        "https://eu-database.example/1",
                        "FRIA-GEHEIM-11",
                        null,
                        null),
                "lead");

        Http outsider = Http.api(port);
        List<String> secrets = List.of(
                "CONCEPT-GEHEIM-7", "ADRES-GEHEIM-8", "CONTACT-GEHEIM-9", "INDIENER-GEHEIM-10", "FRIA-GEHEIM-11");
        for (String path :
                List.of("/register", "/register.json", "/register?status=DRAFT&alle=1", "/register.json?id=" + id)) {
            HttpResponse<String> response =
                    outsider.get(path, path.contains(".json") ? "application/json" : "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("Openbaar doel OPEN-1");
            secrets.forEach(secret -> assertThat(response.body()).as(path).doesNotContain(secret));
        }
        // Everything else of the register needs a login: pages go to the login page, /api answers 401.
        HttpResponse<String> page = Http.browser(port).get("/systemen/" + id + "/algoritmeregister");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login"));
        for (String api : List.of(
                "/api/systems/" + id + "/register-entry",
                "/api/systems/" + id + "/register-entry/versions",
                "/api/systems/" + id + "/eu-registration",
                "/api/register-entries?format=csv")) {
            assertThat(outsider.get(api).statusCode()).as(api).isEqualTo(401);
        }
        // Without login (and CSRF token) a change is refused before it reaches the register: 401 or 403.
        assertThat(outsider.postJson("/api/systems/" + id + "/register-entry/approval", "{}")
                        .statusCode())
                .isIn(401, 403);
        assertThat(entries.published(id).orElseThrow().entry().goal()).isEqualTo("Openbaar doel OPEN-1");
    }
}
