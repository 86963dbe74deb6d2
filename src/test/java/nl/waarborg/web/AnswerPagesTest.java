package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** List answers as labelled tables on the version page and in the PDF, and a diff that marks the changed words. */
@WaarborgIntegrationTest
class AnswerPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    private static Map<String, Object> risk(String id, String risk, String likelihood, String impact, String level) {
        return Map.of(
                "riskId",
                id,
                "risk",
                risk,
                "origin",
                "Koppeling met de BRP",
                "likelihood",
                likelihood,
                "impact",
                impact,
                "level",
                level);
    }

    /** Issue 18 point 17 (ADR 0046): the risks by number in a likelihood x impact matrix, on the page and in the PDF. */
    @Test
    void theRiskMatrixPlacesEachRiskByNumberOnTheVersionPageAndInThePdf() throws java.io.IOException {
        String systemId = systems.register("Parkeervergunningen", "Toewijzing", "Mobiliteit", "lead")
                .id();
        AssessmentService.OpenedVersion v1 = assessments.openVersion(systemId, AssessmentType.DPIA, 1, null, "lead");
        assessments.saveSection(
                v1.assessmentId(),
                1,
                "dpia-section-c",
                Map.of(
                        "sectionCRisks",
                        List.of(
                                // A level picked by hand (saved before ADR 0046 or by a direct save) is derived anew.
                                risk("R1", "Onterechte weigering", "LOW", "HIGH", "HIGH"),
                                risk("R2", "Datalek bij de leverancier", "HIGH", "HIGH", "HIGH"),
                                risk("R3", "Te lang bewaren", "HIGH", "HIGH", "HIGH"))),
                "lead");
        Http fg = Http.browser(port);
        assertThat(fg.formLogin("fg", "demo").statusCode()).isEqualTo(302);
        String page = fg.get("/beoordelingen/" + v1.assessmentId() + "/versies/1")
                .body()
                .replaceAll("\\s+", " ");
        assertThat(page)
                .contains("<h2 id=\"risk-matrix-title\">Risicomatrix</h2>")
                .contains("<caption>Risico&#39;s naar kans (rijen) en impact (kolommen)</caption>")
                .containsSubsequence(
                        "<th scope=\"row\">Kans hoog</th>",
                        "risk-cell risk-high\"> <span class=\"risk-cell-level\">hoog</span>"
                                + " <strong class=\"risk-cell-ids\">R2, R3</strong>",
                        "<th scope=\"row\">Kans laag</th>",
                        "risk-cell risk-medium\"> <span class=\"risk-cell-level\">gemiddeld</span>"
                                + " <strong class=\"risk-cell-ids\">R1</strong>")
                // R1's hand-picked HIGH was replaced by the derived level in its row of the answers.
                .containsSubsequence(">R1</td>", ">Laag</td>", ">Hoog</td>", ">Gemiddeld</td>", ">R2</td>");

        assertThat(pdfText(v1.assessmentId()))
                .contains("Risicomatrix")
                .containsSubsequence("Kans hoog", "hoog R2, R3", "Kans laag", "gemiddeld R1");
    }

    @Test
    void risksReadAsATableAndTheDiffMarksTheChangedWords() throws java.io.IOException {
        String systemId = systems.register("Leerlingenvervoer", "Toewijzing", "Onderwijs", "lead")
                .id();
        AssessmentService.OpenedVersion v1 = assessments.openVersion(systemId, AssessmentType.DPIA, 1, null, "lead");
        assessments.saveSection(
                v1.assessmentId(),
                1,
                "dpia-section-c",
                Map.of(
                        "sectionCRisks",
                        List.of(
                                risk("R1", "Ouders krijgen een onjuiste afwijzing", "LOW", "HIGH", "MEDIUM"),
                                risk("R2", "Gegevens lekken naar de vervoerder", "LOW", "LOW", "LOW"))),
                "lead");
        Http fg = Http.browser(port);
        assertThat(fg.formLogin("fg", "demo").statusCode()).isEqualTo(302);

        String page =
                fg.get("/beoordelingen/" + v1.assessmentId() + "/versies/1").body();
        assertThat(page)
                .contains("class=\"answer-table\"")
                // The form's columns in the form's order: the number first, "Impact" as the form names it.
                .containsSubsequence(
                        "<th scope=\"col\">Nummer</th>",
                        "<th scope=\"col\">Risico</th>",
                        "<th scope=\"col\">Oorsprong: waar komt het risico vandaan (bron of oorzaak)?</th>",
                        "<th scope=\"col\">Kans</th>",
                        "<th scope=\"col\">Impact</th>",
                        "<th scope=\"col\">Risiconiveau</th>",
                        ">R1</td>",
                        ">Ouders krijgen een onjuiste afwijzing</td>",
                        ">Koppeling met de BRP</td>",
                        ">Laag</td>",
                        ">Hoog</td>",
                        ">Gemiddeld</td>",
                        ">R2</td>")
                .doesNotContain("Risiconiveau: ")
                .doesNotContain(">HIGH<")
                .doesNotContain(">MEDIUM<");

        AssessmentService.OpenedVersion v2 = assessments.openVersion(systemId, AssessmentType.DPIA, 1, null, "lead");
        assessments.saveSection(
                v2.assessmentId(),
                v2.number(),
                "dpia-section-c",
                Map.of(
                        "sectionCRisks",
                        List.of(
                                risk("R1", "Ouders krijgen een trage afwijzing", "MEDIUM", "HIGH", "HIGH"),
                                risk("R2", "Gegevens lekken naar de vervoerder", "LOW", "LOW", "LOW"))),
                "lead");
        String diff = fg.get("/beoordelingen/" + v1.assessmentId() + "/verschil?van=1&tot=" + v2.number())
                .body();
        assertThat(diff)
                .contains("[16] Risico&#39;s voor betrokkenen")
                // Per row and column, the changed word marked, the labels instead of codes; R2 is unchanged.
                .contains("R1 · Risico: ")
                .contains("<del>onjuiste </del><ins>trage </ins>")
                .contains("R1 · Risiconiveau: ")
                .contains("<del>Gemiddeld</del><ins>Hoog</ins>")
                .doesNotContain("R2 · ")
                .doesNotContain("MEDIUM")
                .doesNotContain("HIGH");

        assertThat(pdfText(v1.assessmentId()))
                .contains("Pagina 1 van N")
                .contains("DPIA C: Risico's")
                .doesNotContain("Onderdeel: dpia-section-c")
                .contains("Risiconiveau")
                .contains("Gemiddeld")
                .doesNotContain("MEDIUM")
                // No action points: no row of dashes.
                .doesNotContain("Wat: –");
    }

    /** The text of version 1's PDF as the privacy officer downloads it, blanks collapsed, the page count as "N". */
    private String pdfText(String assessmentId) throws java.io.IOException {
        HttpResponse<byte[]> pdf = Http.api(port)
                .as("fg", "demo")
                .getBytes("/api/assessments/" + assessmentId + "/versions/1/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ")
                    .replace("Pagina 1 van " + document.getNumberOfPages(), "Pagina 1 van N");
        }
    }
}
