package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attack on the public register (ADR 0034): without login, /register and /register.json show the published version
 * of published entries only; never a draft, an unpublished entry, the system's internal data or assessment content.
 */
@WaarborgIntegrationTest
class PublicRegisterTest {

    static final List<String> SECRETS =
            List.of("CONCEPT-GEHEIM-2", "ONGEPUBLICEERD-GEHEIM-3", "DPIA-GEHEIM-4", "AFDELING-GEHEIM-5");

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    RegisterEntries entries;

    @Autowired
    AssessmentService assessments;

    private String system(String name, String category) {
        String id = systems.register(name, "Openbare omschrijving " + name, "AFDELING-GEHEIM-5", "lead")
                .id();
        systems.setPublicationCategory(id, category);
        return id;
    }

    @Test
    void thePublicPagesShowOnlyPublishedVersionsOfPublishedEntries() throws Exception {
        String published = system("Publiek algoritme", "B");
        entries.edit(published, RegisterRulesTest.set("goal", "<p>Openbaar doel PUB-1</p>"), "lead");
        entries.approve(published, "fg", entries.latest(published).orElseThrow().number());
        entries.edit(published, RegisterRulesTest.set("goal", "CONCEPT-GEHEIM-2"), "lead");

        String unpublished = system("Verborgen algoritme", "A");
        entries.edit(unpublished, RegisterRulesTest.set("goal", "ONGEPUBLICEERD-GEHEIM-3"), "lead");

        String assessmentId = assessments
                .openVersion(published, AssessmentType.DPIA, 1, null, "lead")
                .assessmentId();
        HttpResponse<String> saved = Http.api(port)
                .as("lead", "demo")
                .sendJson(
                        "PUT",
                        "/api/assessments/" + assessmentId + "/versions/1/sections/dpia-section-a",
                        "{\"sectionAProposal\":\"DPIA-GEHEIM-4\"}");
        assertThat(saved.statusCode()).as(saved.body()).isLessThan(300);

        Http anonymous = Http.api(port);
        HttpResponse<String> page = anonymous.get("/register", "text/html");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("lang=\"nl\"", "Openbaar doel PUB-1", "Impactvolle algoritmes")
                .doesNotContain("<p>Openbaar doel");
        HttpResponse<String> feed = anonymous.get("/register.json", "application/json");
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        JsonNode all = new ObjectMapper().readTree(feed.body());
        assertThat(all.findValuesAsText("source_id")).contains(published).doesNotContain(unpublished);
        for (String secret : SECRETS) {
            assertThat(page.body()).as(secret).doesNotContain(secret);
            assertThat(feed.body()).as(secret).doesNotContain(secret);
        }

        // The internal API stays closed without login.
        assertThat(anonymous.get("/api/register-entries").statusCode()).isEqualTo(401);
        assertThat(anonymous
                        .get("/api/systems/" + published + "/register-entry")
                        .statusCode())
                .isEqualTo(401);
    }
}
