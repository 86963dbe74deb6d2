package nl.waarborg.web;

import static nl.waarborg.support.ApiSteps.json;
import static nl.waarborg.support.ApiSteps.write;
import static nl.waarborg.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentService.OpenedVersion;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.RoundReasons;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 15: a new round needs an explanation of its trigger (400 naming the field on /api and on the page,
 * and nothing starts), and the trigger type with its explanation shows on the system page, the version page and in
 * the PDF.
 */
@WaarborgIntegrationTest
class RoundReasonHttpTest {

    static final String EXPLANATION = "Een inwoner klaagt dat de uitleg bij de afwijzing ontbreekt";

    @LocalServerPort
    int port;

    @Autowired
    AssessmentService assessments;

    @Autowired
    RoundReasons reasons;

    /** A category C system of "lead" in the Evaluate phase, over HTTP. */
    private String systemInEvaluate(ApiSteps steps) {
        String systemId = steps.newSystem("lead", "Rondereden " + UUID.randomUUID(), "Publiekszaken");
        assertThat(steps.as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> triage =
                steps.viaApi("lead", steps.task("lead", systemId, "fill-in-triage"), TriageAnswers.neutral());
        assertThat(triage.statusCode()).as(triage.body()).isEqualTo(204);
        assertThat(json(steps.as("lead").get("/api/systems/" + systemId))
                        .path("phase")
                        .asText())
                .isEqualTo("EVALUATE");
        return systemId;
    }

    @Test
    void aTriggerWithoutExplanationIsRefusedOnEveryPathAndStartsNothing() {
        ApiSteps steps = new ApiSteps(port);
        String systemId = systemInEvaluate(steps);
        for (String body :
                new String[] {"{\"type\":\"COMPLAINT\"}", "{\"type\":\"COMPLAINT\",\"description\":\"  \"}"}) {
            HttpResponse<String> refused = steps.as("lead").postJson("/api/systems/" + systemId + "/triggers", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).path("field").asText()).isEqualTo("description");
            assertThat(json(refused).path("detail").asText()).contains("'description' is required");
        }

        Http page = Http.browser(port);
        assertThat(page.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(page.get("/systemen/" + systemId).body());
        HttpResponse<String> refused = page.postForm(
                "/systemen/" + systemId + "/signaal", form("type", "MONITORING", "description", " ", "_csrf", csrf));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Vul bij Toelichting in waarom een nieuwe ronde nodig is.")
                .contains("aria-invalid=\"true\"")
                .containsPattern("<option value=\"MONITORING\" selected");

        assertThat(json(steps.as("lead").get("/api/systems/" + systemId))
                        .path("phase")
                        .asText())
                .isEqualTo("EVALUATE");
        assertThat(reasons.of(systemId)).isEmpty();
    }

    @Test
    void theReasonShowsOnTheSystemPageTheVersionPageAndInThePdf() throws Exception {
        ApiSteps steps = new ApiSteps(port);
        String systemId = systemInEvaluate(steps);
        HttpResponse<String> sent = steps.as("lead")
                .postJson(
                        "/api/systems/" + systemId + "/triggers",
                        write(Map.of("type", "COMPLAINT", "description", EXPLANATION)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        Http fg = Http.browser(port);
        assertThat(fg.formLogin("fg", "demo").statusCode()).isEqualTo(302);
        String systemPage = fg.get("/systemen/" + systemId).body();
        assertThat(systemPage).contains("Aanleiding van nieuwe rondes");
        String section = systemPage.substring(systemPage.indexOf("Aanleiding van nieuwe rondes"));
        assertThat(section).contains("Ronde 2").contains("Klacht").contains(EXPLANATION);

        // A version of round 2 (as the IAMA process opens it when the new round needs one).
        OpenedVersion v = assessments.openVersion(systemId, AssessmentType.IAMA, 2, null, "lead");
        String versionPage = fg.get("/beoordelingen/" + v.assessmentId() + "/versies/" + v.number())
                .body();
        assertThat(versionPage)
                .contains("Aanleiding ronde 2")
                .contains("Klacht")
                .contains(EXPLANATION);

        HttpResponse<byte[]> pdf = Http.api(port)
                .as("fg", "demo")
                .getBytes("/api/assessments/" + v.assessmentId() + "/versions/" + v.number() + "/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Aanleiding ronde Klacht – " + EXPLANATION);
        }
        JsonNode system = json(steps.as("fg").get("/api/systems/" + systemId));
        assertThat(system.path("phase").asText()).isNotEqualTo("EVALUATE");
    }
}
