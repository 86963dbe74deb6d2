package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 18, points 16 and 17, in a real browser with axe-core, at desktop and phone width: the pre-scan's verdicts
 * on the system page, its own page with the answers, and the risk matrix of a DPIA version. Runs on H2 only.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class PreScanBrowserTest extends BrowserTestSupport {

    @Autowired
    SystemRegistry systems;

    @Autowired
    TriageRecords triages;

    @Autowired
    AssessmentService assessments;

    @Test
    void theVerdictsTheAnswersAndTheRiskMatrixAreReadableAndAccessibleAtBothWidths() {
        String systemId = systems.register("Pre-scan browsertest", null, "Sociaal Domein", "lead")
                .id();
        Map<String, Object> inputs = new HashMap<>(nl.waarborg.process.TriageAnswers.neutral());
        inputs.put("purpose", "Aanvragen voor leerlingenvervoer toewijzen");
        triages.recordTriageInputs(systemId, 1, inputs, "lead");
        triages.recordTriageOutcome(
                systemId,
                1,
                Map.of(
                        "dpiaAdvice", "REQUIRED",
                        "dpiaGround", "DPIA verplicht (AVG art. 35 lid 4): op de DPIA-lijst van de AP.",
                        "iamaAdvice", "NOT_REQUIRED",
                        "iamaReason", "Geen IAMA nodig: geen hoog-risico AI en geen impactvol algoritme.",
                        "aiActClass", "MINIMAL"));
        AssessmentService.OpenedVersion version =
                assessments.openVersion(systemId, AssessmentType.DPIA, 1, null, "lead");
        assessments.saveSection(
                version.assessmentId(),
                version.number(),
                "dpia-section-c",
                Map.of(
                        "sectionCRisks",
                        List.of(
                                Map.of(
                                        "riskId",
                                        "R1",
                                        "risk",
                                        "Datalek",
                                        "origin",
                                        "Leverancier",
                                        "likelihood",
                                        "MEDIUM",
                                        "impact",
                                        "HIGH"),
                                Map.of(
                                        "riskId",
                                        "R2",
                                        "risk",
                                        "Onjuiste toewijzing",
                                        "origin",
                                        "Invoer",
                                        "likelihood",
                                        "LOW",
                                        "impact",
                                        "LOW"))),
                "lead");

        browser.login("lead");
        for (String width : List.of("desktop", "phone")) {
            if ("phone".equals(width)) {
                browser.driver.manage().window().setSize(new Dimension(390, 844));
            }
            browser.open("/systemen/" + systemId);
            browser.waitFor(By.cssSelector("table.prescan-verdicts"));
            // Whitespace folded: where a table shows as cards (ADR 0044) the row's header stands on a line of its own.
            assertThat(browser.settledTexts(By.cssSelector("table.prescan-verdicts tbody tr")).stream()
                            .map(text -> text.replaceAll("\\s+", " "))
                            .toList())
                    .containsExactly(
                            "DPIA verplicht DPIA verplicht (AVG art. 35 lid 4): op de DPIA-lijst van de AP.",
                            "IAMA niet nodig Geen IAMA nodig: geen hoog-risico AI en geen impactvol algoritme.");
            browser.checkPage("prescan-system-" + width);
            fitsTheWindow("table.prescan-verdicts", width);

            browser.click("Uitkomst en antwoorden van de pre-scan bekijken");
            browser.waitForText(By.tagName("h1"), "Uitkomst en antwoorden van de pre-scan");
            browser.waitForText(By.tagName("main"), "Aanvragen voor leerlingenvervoer toewijzen");
            browser.checkPage("prescan-page-" + width);
            fitsTheWindow("main", width);

            browser.open("/beoordelingen/" + version.assessmentId() + "/versies/" + version.number());
            browser.waitForText(By.cssSelector("table.risk-matrix-table caption"), "Risico's naar kans");
            assertThat(browser.settledTexts(By.cssSelector("td.risk-high .risk-cell-ids")))
                    .contains("R1");
            browser.checkPage("risk-matrix-" + width);
            fitsTheWindow("table.risk-matrix-table", width);
        }
        browser.driver.manage().window().maximize();
    }

    /**
     * The element ends inside the window: these parts add no sideways scroll (the rest of the system page at phone
     * width is issue 18 point 10, another branch).
     */
    private void fitsTheWindow(String selector, String width) {
        Object fits = ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "const e = document.querySelector(arguments[0]);"
                                + " return e.getBoundingClientRect().right <= document.documentElement.clientWidth;",
                        selector);
        assertThat(fits)
                .as("%s fits at %s width on %s", selector, width, browser.path())
                .isEqualTo(true);
    }
}
