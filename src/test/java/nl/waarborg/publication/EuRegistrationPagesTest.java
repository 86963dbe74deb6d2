package nl.waarborg.publication;

import static nl.waarborg.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.GoLiveCheckRecords;
import nl.waarborg.assessment.GoLiveDuties;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner's Dutch page of the EU-database registration (ADR 0034) over real HTTP: the data prepared with the rules
 * of the server (400 naming the field), every change a new version that never changes (also not by SQL: V13_12), the
 * reference number recorded against the open go-live check, and the publication pages' errors as Waarborg's Dutch
 * error page.
 */
@WaarborgIntegrationTest
class EuRegistrationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    TriageRecords triage;

    @Autowired
    AssessmentService assessments;

    @Autowired
    EuRegistrations registrations;

    @Autowired
    GoLiveCheckRecords checks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    private Http login(String user) {
        Http http = Http.browser(port);
        assertThat(http.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return http;
    }

    private String deployedHighRiskAi(String owner) {
        String id = systems.register("Bijstandstoets", "Beoordeelt aanvragen.", "Werk", owner)
                .id();
        systems.setPublicationCategory(id, "A");
        triage.recordTriageOutcome(
                id,
                1,
                Map.of("highRiskAi", true, "aiActRole", "DEPLOYER", "euRegistration", "EU", "friaRequired", true));
        ApprovedAssessments.approved(
                assessments,
                id,
                AssessmentType.IAMA,
                Map.of("iama-part-4", Map.of("part4SpecificRisks", "Onterechte afwijzing.")));
        return id;
    }

    private static List<String> complete(String... overrides) {
        List<String> pairs = new ArrayList<>(List.of(
                "deployer_name", "Gemeente Noorderhaaks",
                "deployer_address", "Raadhuisplein 1, 1234 AB Noorderhaaks",
                "deployer_contact", "algoritmes@noorderhaaks.nl",
                "submitter_name", "L. Eider",
                "submitter_address", "Raadhuisplein 1, 1234 AB Noorderhaaks",
                "submitter_contact", "l.eider@noorderhaaks.nl",
                "provider_entry_url", "https://eu-database.example/provider/1",
                "fria_summary", "Onterechte afwijzing; een consulent kijkt mee."));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = pairs.indexOf(overrides[i]);
            pairs.set(at + 1, overrides[i + 1]);
        }
        return pairs;
    }

    private static String body(List<String> pairs, String csrf) {
        List<String> all = new ArrayList<>(pairs);
        all.add("_csrf");
        all.add(csrf);
        return form(all.toArray(String[]::new));
    }

    /** A post that redirects back to the page, and the page it shows (with its message). */
    private static String redirected(Http http, String path, String body) {
        HttpResponse<String> response = http.postForm(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return http.get(java.net
                        .URI
                        .create(response.headers().firstValue("Location").orElseThrow())
                        .getPath())
                .body();
    }

    @Test
    void theOwnerPreparesVersionsAndRecordsTheReference() {
        String id = deployedHighRiskAi("lead");
        Http lead = login("lead");
        // Linked from the system page.
        assertThat(lead.get("/systemen/" + id).body()).contains("/systemen/" + id + "/eu-registratie");
        String path = "/systemen/" + id + "/eu-registratie";
        HttpResponse<String> page = lead.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Registratie in de EU-databank", "Onterechte afwijzing.", "Nog niet geregistreerd");
        String csrf = Http.csrfTokenFrom(page.body());

        // The server's rule, shown on the page: 400, the field named in the error summary, nothing stored.
        HttpResponse<String> refused = lead.postForm(
                path, body(complete("provider_entry_url", "http://eu-database.example/provider/1"), csrf));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"error-summary\"", "href=\"#provider_entry_url\"", "Link naar de registratie");
        assertThat(registrations.versions(id)).isEmpty();

        assertThat(redirected(lead, path, body(complete(), csrf))).contains("opgeslagen als nieuwe versie");
        // The same data again store nothing; a change is a new version and the first stays as it was.
        redirected(lead, path, body(complete(), csrf));
        assertThat(registrations.versions(id)).hasSize(1);
        redirected(lead, path, body(complete("submitter_name", "M. Meeuw"), csrf));
        assertThat(registrations.versions(id))
                .extracting(v -> v.data().submitterName())
                .containsExactly("L. Eider", "M. Meeuw");

        // No open go-live check: a Dutch message, nothing recorded.
        assertThat(redirected(lead, path + "/referentie", form("reference_number", "EU-1", "_csrf", csrf)))
                .contains("U kunt het registratienummer nog niet vastleggen");
        assertThat(registrations.versions(id)).hasSize(2);

        runtime.createProcessInstanceByKey("assessment-cycle")
                .businessKey(id)
                .setVariable("round", 1)
                .setVariable("goLiveDuties", new ArrayList<String>())
                .startBeforeActivity(GoLiveDuties.EU_DATABASE)
                .startBeforeActivity(GoLiveDuties.FRIA_NOTIFICATION) // so the cycle still waits afterwards
                .execute();
        HttpResponse<String> empty = lead.postForm(path + "/referentie", form("reference_number", " ", "_csrf", csrf));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("href=\"#reference_number\"");
        assertThat(redirected(lead, path + "/referentie", form("reference_number", "EU-DB-7", "_csrf", csrf)))
                .contains("Het registratienummer is vastgelegd");
        assertThat(checks.done(id, 1)).contains(GoLiveDuties.EU_DATABASE);
        assertThat(registrations.versions(id))
                .extracting(v -> v.data().referenceNumber())
                .containsExactly(null, null, "EU-DB-7");
        assertThat(lead.get(path).body()).contains("onder nummer EU-DB-7 (versie 3");

        // A change after the registration is a new version without the number; the recorded one stays.
        redirected(lead, path, body(complete("submitter_name", "K. Kievit"), csrf));
        assertThat(registrations.versions(id).get(2).data().submitterName()).isEqualTo("M. Meeuw");
        assertThat(registrations.registered(id).orElseThrow().number()).isEqualTo(3);
        assertThat(lead.get(path).body()).contains("gewijzigd nadat het registratienummer is vastgelegd");

        // The database keeps every version as it was (V13_12), whoever writes SQL.
        for (String forbidden : List.of(
                "UPDATE wb_eu_registration_version SET data = '{}' WHERE system_id = :s",
                "UPDATE wb_eu_registration_version SET created_by = 'fg' WHERE system_id = :s AND number = 3",
                "DELETE FROM wb_eu_registration_version WHERE system_id = :s")) {
            assertThatThrownBy(() -> jdbc.sql(forbidden).param("s", id).update())
                    .as(forbidden)
                    .isInstanceOf(DataAccessException.class);
        }
        assertThat(registrations.versions(id)).hasSize(4);

        // After go-live the owner records the update of the changed registration (Art. 49, 71), for version 4.
        String reference = path + "/referentie";
        assertThat(lead.get(path).body()).contains("Bijwerking van de registratie vastleggen (versie 4)");
        HttpResponse<String> tooLong =
                lead.postForm(reference, form("reference_number", "W".repeat(201), "_csrf", csrf));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("href=\"#reference_number\"");
        Http fg = login("fg");
        String fgCsrf = Http.csrfTokenFrom(fg.get(path).body());
        assertThat(fg.postForm(reference, form("reference_number", "EU-DB-8", "_csrf", fgCsrf))
                        .statusCode())
                .isEqualTo(403);
        assertThat(registrations.versions(id)).hasSize(4);
        assertThat(redirected(lead, reference, form("reference_number", "EU-DB-7-W1", "_csrf", csrf)))
                .contains("De bijwerking van de registratie is vastgelegd", "onder nummer EU-DB-7-W1 (versie 5");
        assertThat(registrations.versions(id))
                .extracting(v -> v.data().referenceNumber())
                .containsExactly(null, null, "EU-DB-7", null, "EU-DB-7-W1");
        // Nothing changed since: a Dutch message, nothing stored.
        assertThat(redirected(lead, reference, form("reference_number", "EU-DB-7-W2", "_csrf", csrf)))
                .contains("Er is niets gewijzigd sinds het laatst vastgelegde nummer");
        assertThat(registrations.versions(id)).hasSize(5);
    }

    @Test
    void refusalsOnThePublicationPagesAreTheDutchErrorPage() {
        String foreign = deployedHighRiskAi("lead-elders");
        String categoryC = systems.register("Parkeerwijzer", "Wijst vrije plekken aan.", "Mobiliteit", "lead")
                .id();
        systems.setPublicationCategory(categoryC, "C");
        Http lead = login("lead");
        String csrf = Http.csrfTokenFrom(
                lead.get("/systemen/" + foreign + "/eu-registratie").body());
        List<HttpResponse<String>> refusals = List.of(
                lead.get("/systemen/" + categoryC + "/algoritmeregister", "text/html"),
                lead.get("/systemen/" + categoryC + "/eu-registratie", "text/html"),
                lead.get("/systemen/bestaat-niet/eu-registratie", "text/html"),
                lead.get("/systemen/bestaat-niet/algoritmeregister", "text/html"),
                lead.postForm("/systemen/" + foreign + "/eu-registratie", body(complete(), csrf)),
                lead.postForm(
                        "/systemen/" + foreign + "/eu-registratie/referentie",
                        form("reference_number", "EU-1", "_csrf", csrf)));
        assertThat(refusals).extracting(HttpResponse::statusCode).containsExactly(409, 409, 404, 404, 403, 403);
        for (HttpResponse<String> refusal : refusals) {
            assertThat(refusal.headers().firstValue("Content-Type").orElse(""))
                    .as(refusal.uri().toString())
                    .startsWith("text/html");
            assertThat(refusal.body()).as(refusal.uri().toString()).contains("Er ging iets mis", "Foutcode");
        }
        assertThat(registrations.versions(foreign)).isEmpty();
    }
}
