package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A system's register entry over real HTTP (ADR 0034): pre-filled from the system record, validated against the
 * standard (400 naming the field, nothing stored), edited by the owner as new versions, published only after the
 * privacy officer's approval, and following the system's phase at go-live and retirement.
 */
@WaarborgIntegrationTest
class RegisterEntryApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    RegisterEntries entries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssessmentService assessments;

    private Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    private JsonNode read(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private String systemOfCategory(String category) {
        String id = systems.register("Bijstandssignalering", "Wijst aanvragen aan voor extra controle.", "Werk", "lead")
                .id();
        systems.setPublicationCategory(id, category);
        return id;
    }

    private void enterPhase(String id, String phase) {
        // Test set-up: the go-live checks of the assessments are tested elsewhere; here only the phase matters.
        jdbc.sql("UPDATE wb_system SET phase = :p WHERE id = :id")
                .param("p", phase)
                .param("id", id)
                .update();
    }

    private boolean publishedHas(String id) throws Exception {
        JsonNode all = read(as("manager").get("/api/register-entries"), 200);
        for (JsonNode entry : all) {
            if (id.equals(entry.path("source_id").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void prefilledValidatedApprovedAndFollowingThePhase() throws Exception {
        String id = systemOfCategory("B");
        String path = "/api/systems/" + id + "/register-entry";

        ObjectNode entry = (ObjectNode) read(as("lead").get(path), 200);
        assertThat(entry.path("name").asText()).isEqualTo("Bijstandssignalering");
        assertThat(entry.path("description_short").asText()).isEqualTo("Wijst aanvragen aan voor extra controle.");
        assertThat(entry.path("status").asText()).isEqualTo("In ontwikkeling");
        assertThat(entry.path("publication_category").asText()).isEqualTo("Impactvolle algoritmes");
        assertThat(entry.path("lang").asText()).isEqualTo("nld");
        assertThat(entry.path("standard_version").asText()).isEqualTo("1.0.0");
        assertThat(entry.path("source_id").asText()).isEqualTo(id);
        assertThat(entry.path("organization").asText()).isNotBlank();

        // The standard's rules on the server: 400 problem+json naming the field, and nothing stored.
        entry.put("contact_email", "algoritmes@noorderhaaks.nl");
        entry.set("category", JSON.valueToTree(new String[] {"Werk", "Wonen", "Recht", "Economie"}));
        HttpResponse<String> refused = as("lead").sendJson("PUT", path, entry.toString());
        assertThat(read(refused, 400).path("field").asText()).isEqualTo("category");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(entries.versions(id)).isEmpty();

        // Only the owner edits; the fields Waarborg keeps (status) cannot be set by hand.
        entry.set("category", JSON.valueToTree(new String[] {"Sociale zekerheid", "Werk"}));
        entry.put("goal", "<p>Eerste doel.</p>");
        entry.put("status", "In gebruik");
        assertThat(as("fg").sendJson("PUT", path, entry.toString()).statusCode())
                .isEqualTo(403);
        JsonNode v1 = read(as("lead").sendJson("PUT", path, entry.toString()), 200);
        assertThat(v1.path("number").asInt()).isEqualTo(1);
        assertThat(v1.path("status").asText()).isEqualTo("DRAFT");
        assertThat(v1.path("entry").path("status").asText()).isEqualTo("In ontwikkeling");
        assertThat(publishedHas(id)).isFalse();

        // Published only after the privacy officer approves; the editor cannot.
        assertThat(as("lead").postJson(path + "/approval", "{}").statusCode()).isEqualTo(403);
        assertThat(read(as("fg").postJson(path + "/approval", seen(id)), 200)
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        assertThat(publishedHas(id)).isTrue();
        HttpResponse<String> csv = as("manager").get("/api/register-entries?format=csv", "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body())
                .startsWith("\"name\",\"description_short\",\"organization\",\"category\"")
                .contains("\"Sociale zekerheid, Werk\"", "\"" + id + "\"");

        // Go-live: "In gebruik" with the begin month, published at once as a new version.
        enterPhase(id, "EVALUATE");
        entries.followPhase(id, Instant.parse("2026-03-10T10:00:00Z"));
        RegisterEntry live = entries.published(id).orElseThrow().entry();
        assertThat(live.status()).isEqualTo("In gebruik");
        assertThat(live.beginDate()).isEqualTo("2026-03");
        assertThat(live.endDate()).isNull();

        // A later edit is a new draft; the public entry stays the approved one until approved again.
        entry.put("goal", "<p>Tweede doel.</p>");
        JsonNode v3 = read(as("lead").sendJson("PUT", path, entry.toString()), 200);
        assertThat(v3.path("number").asInt()).isEqualTo(3);
        assertThat(v3.path("entry").path("status").asText()).isEqualTo("In gebruik");
        assertThat(entries.published(id).orElseThrow().entry().goal()).isEqualTo("<p>Eerste doel.</p>");
        assertThat(read(as("lead").get(path), 200).path("goal").asText()).isEqualTo("<p>Tweede doel.</p>");
        read(as("fg").postJson(path + "/approval", seen(id)), 200);

        // Retirement through the register: "Buiten gebruik" with the end month (this month), on its own.
        systems.moveTo(id, SystemRecord.Phase.RETIRED, SystemRecord.Status.RETIRED, "Vervangen");
        RegisterEntry retired = entries.published(id).orElseThrow().entry();
        assertThat(retired.status()).isEqualTo("Buiten gebruik");
        assertThat(retired.endDate())
                .isEqualTo(YearMonth.now(ZoneId.of("Europe/Amsterdam")).toString());
        assertThat(retired.goal()).isEqualTo("<p>Tweede doel.</p>");

        // Every change was kept: four versions, one published, the first still as approved.
        assertThat(entries.versions(id))
                .extracting(v -> v.status().name())
                .containsExactly("SUPERSEDED", "SUPERSEDED", "SUPERSEDED", "APPROVED");
        assertThat(entries.versions(id).get(0).entry().goal()).isEqualTo("<p>Eerste doel.</p>");
    }

    @Test
    void theLongTextsComeFromTheApprovedIamaOnly() throws Exception {
        String id = systemOfCategory("B");
        Map<String, Map<String, Object>> answers = Map.of(
                "iama-part-1",
                Map.of("part1Goal", "Binnen vier weken beslissen.", "part1LegalBasis", "Participatiewet art. 53a"),
                "iama-part-3",
                Map.of("part3HumanOversight", "De consulent beslist altijd zelf."));
        String path = "/api/systems/" + id + "/register-entry";
        // While the IAMA is a draft, nothing of it is proposed.
        String other = systemOfCategory("B");
        ApprovedAssessments.draft(assessments, other, AssessmentType.IAMA, answers);
        assertThat(read(as("lead").get("/api/systems/" + other + "/register-entry"), 200)
                        .path("goal")
                        .asText(""))
                .isEmpty();

        ApprovedAssessments.approved(assessments, id, AssessmentType.IAMA, answers);
        // A DPIA that is still a draft gives nothing, not even the fields the IAMA leaves open.
        AssessmentService.OpenedVersion dpia = assessments.openVersion(id, AssessmentType.DPIA, 1, null, "lead");
        assessments.saveSection(
                dpia.assessmentId(),
                dpia.number(),
                "dpia-section-a",
                Map.of("sectionAPersonalData", "CONCEPT-DPIA"),
                "fg");

        JsonNode entry = read(as("lead").get(path), 200);
        assertThat(entry.path("goal").asText()).isEqualTo("Binnen vier weken beslissen.");
        assertThat(entry.path("lawful_basis").asText()).isEqualTo("Participatiewet art. 53a");
        assertThat(entry.path("human_intervention").asText()).isEqualTo("De consulent beslist altijd zelf.");
        assertThat(entry.path("impacttoetsen").asText()).startsWith("IAMA (versie 1), goedgekeurd op ");
        assertThat(entry.toString()).doesNotContain("CONCEPT-DPIA");
        // The proposal passes the standard's rules once the owner adds the themes: it can be stored as it is.
        ((ObjectNode) entry).set("category", JSON.valueToTree(new String[] {"Sociale zekerheid"}));
        ((ObjectNode) entry).put("contact_email", "algoritmes@noorderhaaks.nl");
        assertThat(read(as("lead").sendJson("PUT", path, entry.toString()), 200)
                        .path("entry")
                        .path("goal")
                        .asText())
                .isEqualTo("Binnen vier weken beslissen.");
    }

    private ObjectNode validEntry(String id) throws Exception {
        ObjectNode entry = (ObjectNode) read(as("lead").get("/api/systems/" + id + "/register-entry"), 200);
        entry.set("category", JSON.valueToTree(new String[] {"Werk"}));
        entry.put("contact_email", "algoritmes@noorderhaaks.nl");
        entry.put("goal", "Eerste doel.");
        return entry;
    }

    @Test
    void aPendingDraftIsCarriedOverToTheNewPhaseAndStaysApprovable() throws Exception {
        String id = systemOfCategory("B");
        String path = "/api/systems/" + id + "/register-entry";
        ObjectNode entry = validEntry(id);
        read(as("lead").sendJson("PUT", path, entry.toString()), 200);
        read(as("fg").postJson(path + "/approval", seen(id)), 200);
        entry.put("goal", "Nieuw doel.");
        read(as("lead").sendJson("PUT", path, entry.toString()), 200);

        enterPhase(id, "EVALUATE");
        entries.followPhase(id, Instant.parse("2026-05-04T10:00:00Z"));

        // v1 published, v2 the draft, v3 the go-live, v4 the draft carried over with the new status.
        assertThat(entries.versions(id))
                .extracting(v -> v.status().name() + " " + v.entry().status() + " " + v.editedBy())
                .containsExactly(
                        "SUPERSEDED In ontwikkeling lead",
                        "SUPERSEDED In ontwikkeling lead",
                        "APPROVED In gebruik waarborg",
                        "DRAFT In gebruik lead");
        assertThat(entries.published(id).orElseThrow().entry().goal()).isEqualTo("Eerste doel.");
        // Four eyes still hold for the carried-over draft; the privacy officer publishes it with the phase's status.
        assertThat(as("lead").postJson(path + "/approval", "{}").statusCode()).isEqualTo(403);
        JsonNode approved = read(as("fg").postJson(path + "/approval", seen(id)), 200);
        assertThat(approved.path("entry").path("status").asText()).isEqualTo("In gebruik");
        assertThat(approved.path("entry").path("begin_date").asText()).isEqualTo("2026-05");
        assertThat(approved.path("entry").path("goal").asText()).isEqualTo("Nieuw doel.");
    }

    @Test
    void aDraftNeverPublishesAStatusThePhaseNoLongerHas() throws Exception {
        String id = systemOfCategory("A");
        String path = "/api/systems/" + id + "/register-entry";
        read(as("lead").sendJson("PUT", path, validEntry(id).toString()), 200);
        // Never published: the draft itself follows go-live.
        enterPhase(id, "EVALUATE");
        entries.followPhase(id, Instant.parse("2026-05-04T10:00:00Z"));
        assertThat(entries.latest(id).orElseThrow().entry().status()).isEqualTo("In gebruik");
        // A phase change that bypassed the register (here SQL): approval refuses the stale draft (409), nothing
        // changes.
        enterPhase(id, "RETIRED");
        HttpResponse<String> stale = as("fg").postJson(path + "/approval", seen(id));
        assertThat(read(stale, 409).path("detail").asText()).contains("In gebruik", "Buiten gebruik");
        assertThat(entries.published(id)).isEmpty();
    }

    @Test
    void aSystemOfCategoryCHasNoEntry() throws Exception {
        String id = systemOfCategory("C");
        assertThat(as("lead").get("/api/systems/" + id + "/register-entry").statusCode())
                .isEqualTo(409);
    }

    /** The approval's body: the draft version the privacy officer read (the latest). */
    private String seen(String id) {
        return "{\"version\":" + entries.latest(id).orElseThrow().number() + "}";
    }
}
