package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.GoLiveCheckRecords;
import nl.waarborg.assessment.GoLiveDuties;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The EU-database registration of a deployed high-risk AI system over real HTTP (AI Act Art. 49(3), Annex VIII
 * section C; ADR 0034): prepared from the approved IAMA, completed by the owner with 400s naming the field, exported,
 * and its reference number recorded back, which completes the cycle's go-live check for the EU database.
 */
@WaarborgIntegrationTest
class EuRegistrationApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    TriageRecords triage;

    @Autowired
    AssessmentService assessments;

    @Autowired
    GoLiveCheckRecords checks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    private Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    private JsonNode read(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** A system whose pre-scan outcome is high-risk AI (Annex III point 5) that the municipality only deploys. */
    private String deployedHighRiskAi(String role, String registration) {
        String id = systems.register("Toeslagtoets", "Beoordeelt aanvragen voor bijzondere bijstand.", "Werk", "lead")
                .id();
        systems.setPublicationCategory(id, "A");
        triage.recordTriageOutcome(
                id,
                1,
                Map.of("highRiskAi", true, "aiActRole", role, "euRegistration", registration, "friaRequired", true));
        return id;
    }

    /**
     * Test set-up: the cycle waits at its go-live checks for the EU database and the FRIA notification, so it still waits
     * after the first (the path there is tested in AssessmentProcessPathsTest).
     */
    private void atGoLiveChecks(String id) {
        runtime.createProcessInstanceByKey("assessment-cycle")
                .businessKey(id)
                .setVariable("round", 1)
                .setVariable("goLiveDuties", new java.util.ArrayList<String>())
                .startBeforeActivity(GoLiveDuties.EU_DATABASE)
                .startBeforeActivity(GoLiveDuties.FRIA_NOTIFICATION)
                .execute();
    }

    private String stored(String id) {
        return jdbc.sql("SELECT data FROM wb_eu_registration_version WHERE system_id = :s"
                        + " ORDER BY number DESC FETCH FIRST 1 ROWS ONLY")
                .param("s", id)
                .query(String.class)
                .optional()
                .orElse("");
    }

    @Test
    void preparedExportedAndTheReferenceCompletesTheGoLiveCheck() throws Exception {
        String id = deployedHighRiskAi("DEPLOYER", "EU");
        ApprovedAssessments.approved(
                assessments,
                id,
                AssessmentType.IAMA,
                Map.of(
                        "iama-part-4",
                        Map.of("part4SpecificRisks", "Onterechte afwijzing van kwetsbare aanvragers."),
                        "iama-part-3",
                        Map.of("part3HumanOversight", "Een consulent beoordeelt elke afwijzing.")));
        String path = "/api/systems/" + id + "/eu-registration";

        // The proposal: the organisation and the FRIA's findings from the approved IAMA; no DPIA was made.
        ObjectNode data = (ObjectNode) read(as("lead").get(path), 200);
        assertThat(data.path("deployer_name").asText()).isNotBlank();
        assertThat(data.path("fria_summary").asText())
                .contains("Onterechte afwijzing van kwetsbare aanvragers.", "Een consulent beoordeelt elke afwijzing.");
        assertThat(data.path("dpia_summary").asText("")).isEmpty();

        // Annex VIII section C on the server: 400 naming the field, nothing stored.
        data.put("deployer_address", "Raadhuisplein 1, 1234 AB Noorderhaaks");
        data.put("deployer_contact", "algoritmes@noorderhaaks.nl");
        data.put("submitter_name", "L. Eider");
        data.put("submitter_address", "Raadhuisplein 1, 1234 AB Noorderhaaks");
        data.put("provider_entry_url", "http://eu-database.example/provider/1");
        assertThat(read(as("lead").sendJson("PUT", path, data.toString()), 400)
                        .path("field")
                        .asText())
                .isEqualTo("submitter_contact");
        data.put("submitter_contact", "l.eider@noorderhaaks.nl");
        assertThat(read(as("lead").sendJson("PUT", path, data.toString()), 400)
                        .path("field")
                        .asText())
                .isEqualTo("provider_entry_url");
        assertThat(stored(id)).isEmpty();
        data.put("provider_entry_url", "https://eu-database.example/provider/1");
        // Only the owner prepares it, and the reference number is not set by hand.
        data.put("reference_number", "VERZONNEN");
        assertThat(as("fg").sendJson("PUT", path, data.toString()).statusCode()).isEqualTo(403);
        JsonNode prepared = read(as("lead").sendJson("PUT", path, data.toString()), 200);
        assertThat(prepared.path("reference_number").asText("")).isEmpty();
        assertThat(read(as("manager").get(path), 200).path("provider_entry_url").asText())
                .isEqualTo("https://eu-database.example/provider/1");

        // The reference is recorded only against the open go-live check (409 before), and never empty (400).
        String reference = path + "/reference";
        assertThat(as("lead")
                        .postJson(reference, "{\"reference_number\":\"EU-DB-2026-0042\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(read(as("lead").get(path), 200).path("reference_number").asText(""))
                .isEmpty();
        atGoLiveChecks(id);
        assertThat(read(as("lead").postJson(reference, "{\"reference_number\":\"\"}"), 400)
                        .path("field")
                        .asText())
                .isEqualTo("reference_number");
        assertThat(as("fg").postJson(reference, "{\"reference_number\":\"EU-DB-2026-0042\"}")
                        .statusCode())
                .isEqualTo(403);
        JsonNode recorded = read(as("lead").postJson(reference, "{\"reference_number\":\"EU-DB-2026-0042\"}"), 200);
        assertThat(recorded.path("reference_number").asText()).isEqualTo("EU-DB-2026-0042");
        assertThat(checks.done(id, 1)).contains(GoLiveDuties.EU_DATABASE);
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(id)
                        .taskDefinitionKey(GoLiveDuties.EU_DATABASE)
                        .count())
                .isZero();
        assertThat(read(as("lead").get(path), 200).path("reference_number").asText())
                .isEqualTo("EU-DB-2026-0042");
        // The other go-live checks are untouched: the cycle still waits for them.
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(id)
                        .taskDefinitionKey(GoLiveDuties.FRIA_NOTIFICATION)
                        .count())
                .isOne();
    }

    private long events(String id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_audit_event WHERE system_id = :s AND action = :a")
                .param("s", id)
                .param("a", action)
                .query(Long.class)
                .single();
    }

    /**
     * After go-live a changed registration must be kept up to date in the EU database (AI Act Art. 49, 71): the owner
     * records the update's reference for the new version, audited, without touching the earlier version's reference and
     * without running the go-live check again; a reviewer and another project lead cannot, nor empty, too long or
     * unchanged input.
     */
    @Test
    void afterGoLiveAChangedRegistrationRecordsTheReferenceOfItsUpdate() throws Exception {
        if (identity.createUserQuery().userId("lead-tweede").count() == 0) {
            DemoUsers.saveWithDemoPassword(identity, identity.newUser("lead-tweede"));
            identity.createMembership("lead-tweede", "project-lead");
        }
        String id = deployedHighRiskAi("DEPLOYER", "EU");
        ApprovedAssessments.approved(
                assessments,
                id,
                AssessmentType.IAMA,
                Map.of("iama-part-4", Map.of("part4SpecificRisks", "Onterechte afwijzing.")));
        String path = "/api/systems/" + id + "/eu-registration";
        ObjectNode data = (ObjectNode) read(as("lead").get(path), 200);
        data.put("deployer_address", "Raadhuisplein 1, 1234 AB Noorderhaaks");
        data.put("deployer_contact", "algoritmes@noorderhaaks.nl");
        data.put("submitter_name", "L. Eider");
        data.put("submitter_address", "Raadhuisplein 1, 1234 AB Noorderhaaks");
        data.put("submitter_contact", "l.eider@noorderhaaks.nl");
        data.put("provider_entry_url", "https://eu-database.example/provider/1");
        read(as("lead").sendJson("PUT", path, data.toString()), 200);
        atGoLiveChecks(id);
        String reference = path + "/reference";
        read(as("lead").postJson(reference, "{\"reference_number\":\"EU-DB-1\"}"), 200);
        assertThat(checks.done(id, 1)).contains(GoLiveDuties.EU_DATABASE);
        long goLiveEvents = events(id, "GO_LIVE_CHECK_DONE");

        // Nothing changed since the reference was recorded: 409 naming it, nothing stored.
        HttpResponse<String> unchanged = as("lead").postJson(reference, "{\"reference_number\":\"EU-DB-1-B\"}");
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(409);
        assertThat(unchanged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(unchanged.body()).path("detail").asText()).contains("has not changed", "EU-DB-1");

        // The data change after go-live: a new version without a reference.
        data.put("submitter_name", "M. Meeuw");
        read(as("lead").sendJson("PUT", path, data.toString()), 200);
        String versions = path + "/versions";
        assertThat(read(as("lead").get(versions), 200))
                .extracting(v -> v.path("data").path("reference_number").asText("–"))
                .containsExactly("–", "EU-DB-1", "–");

        // Refused, nothing stored: a reviewer, another project lead, empty, too long, several lines.
        assertThat(as("fg").postJson(reference, "{\"reference_number\":\"EU-DB-2\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("lead-tweede")
                        .postJson(reference, "{\"reference_number\":\"EU-DB-2\"}")
                        .statusCode())
                .isEqualTo(403);
        for (String bad : new String[] {
            "{\"reference_number\":\" \"}",
            "{}",
            "{\"reference_number\":\"" + "X".repeat(201) + "\"}",
            "{\"reference_number\":\"EU\\nDB\"}"
        }) {
            HttpResponse<String> refused = as("lead").postJson(reference, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo("reference_number");
        }
        assertThat(read(as("lead").get(versions), 200)).hasSize(3);

        // The data sent were version 3; a team member changes them before the number comes back: recording the number
        // for version 3 is refused (409), nothing stored; a version that is no number is a 400 naming it.
        data.put("submitter_contact", "m.meeuw@noorderhaaks.nl");
        read(as("lead").sendJson("PUT", path, data.toString()), 200);
        HttpResponse<String> stale =
                as("lead").postJson(reference, "{\"reference_number\":\"EU-DB-1-W1\",\"version\":3}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).path("detail").asText()).contains("version 4 is the latest");
        HttpResponse<String> notANumber =
                as("lead").postJson(reference, "{\"reference_number\":\"EU-DB-1-W1\",\"version\":\"3\"}");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notANumber.body()).path("field").asText()).isEqualTo("version");
        assertThat(read(as("lead").get(versions), 200)).hasSize(4);
        // The page sends the version it shows, and says in Dutch why nothing was recorded.
        Http page = Http.browser(port);
        page.formLogin("lead", "demo");
        String form = page.get("/systemen/" + id + "/eu-registratie").body();
        assertThat(form).contains("name=\"versie\" value=\"4\"");
        HttpResponse<String> onPage = page.postForm(
                "/systemen/" + id + "/eu-registratie/referentie",
                Http.form("reference_number", "EU-DB-1-W1", "versie", "3", "_csrf", Http.csrfTokenFrom(form)));
        assertThat(onPage.statusCode()).isEqualTo(302);
        assertThat(page.get("/systemen/" + id + "/eu-registratie").body()).contains("gewijzigd nadat u deze pagina");
        assertThat(read(as("lead").get(versions), 200)).hasSize(4);

        // The owner records the update's reference: a new version with the latest data, audited; version 2 keeps its
        // reference and the go-live check is not run again.
        JsonNode updated =
                read(as("lead").postJson(reference, "{\"reference_number\":\" EU-DB-1-W1 \",\"version\":4}"), 200);
        assertThat(updated.path("reference_number").asText()).isEqualTo("EU-DB-1-W1");
        assertThat(updated.path("submitter_name").asText()).isEqualTo("M. Meeuw");
        JsonNode all = read(as("lead").get(versions), 200);
        assertThat(all.findValuesAsText("number")).containsExactly("1", "2", "3", "4", "5");
        assertThat(all.get(1).path("data").path("reference_number").asText()).isEqualTo("EU-DB-1");
        assertThat(all.get(1).path("data").path("submitter_name").asText()).isEqualTo("L. Eider");
        assertThat(all.get(4).path("data").path("reference_number").asText()).isEqualTo("EU-DB-1-W1");
        assertThat(events(id, "EU_REGISTRATION_UPDATED")).isOne();
        assertThat(jdbc.sql("SELECT user_id || ' ' || details FROM wb_audit_event WHERE system_id = :s AND action = :a")
                        .param("s", id)
                        .param("a", "EU_REGISTRATION_UPDATED")
                        .query(String.class)
                        .single())
                .startsWith("lead ")
                .contains("EU-DB-1-W1", "\"version\":5", "\"previousVersion\":2");
        assertThat(events(id, "GO_LIVE_CHECK_DONE")).isEqualTo(goLiveEvents);
        assertThat(read(as("manager").get(path), 200).path("reference_number").asText())
                .isEqualTo("EU-DB-1-W1");

        // Recording it twice is "no change" again.
        assertThat(as("lead")
                        .postJson(reference, "{\"reference_number\":\"EU-DB-1-W2\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(read(as("lead").get(versions), 200)).hasSize(5);
    }

    @Test
    void onlyADeployerRegistersAndNotForAnnexIiiPointTwo() throws Exception {
        for (String id : new String[] {
            deployedHighRiskAi("PROVIDER", "EU"), deployedHighRiskAi("DEPLOYER", "NATIONAL"),
        }) {
            assertThat(as("lead").get("/api/systems/" + id + "/eu-registration").statusCode())
                    .isEqualTo(409);
        }
    }
}
