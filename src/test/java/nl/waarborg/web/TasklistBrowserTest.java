package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's own Tasklist renders Waarborg's forms and completes a task with them, after the single sign-on of the
 * Waarborg login: the pre-scan of a new cycle, opened and completed in Tasklist by the demo project lead.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class TasklistBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    static void chromiumPresent() {
        BrowserTestSupport.chromiumPresent();
    }

    @Test
    void theLeadCompletesThePreScanInTasklist() throws Exception {
        String systemId = systems.register("Tasklist-proef", null, "Dienstverlening", "lead")
                .id();
        String instance = cycles.startCycle(systemId, "lead").orElseThrow().getId();
        Task triage = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult();
        assertThat(triage.getTaskDefinitionKey()).isEqualTo("fill-in-triage");
        // The answers are filled in beforehand (a person would type them); Tasklist shows them in the form.
        engine.getTaskService().setVariables(triage.getId(), neutralTriage());
        engine.getTaskService().claim(triage.getId(), "lead");

        try (Browser browser = new Browser(port)) {
            browser.login("lead");
            browser.open("/camunda/app/tasklist/default/#/?task=" + triage.getId());
            WebElement question = browser.waitFor(
                    By.xpath("//*[contains(normalize-space(.), 'Waarvoor gebruikt de gemeente het algoritme?')]"
                            + "[self::label or self::span]"));
            assertThat(question.isDisplayed()).isTrue();
            // ADR 0047: Tasklist started with Waarborg's config.js (it would not start with a broken one), the task
            // names its system, and the "migrate to Camunda 8" banner is in the page but hidden.
            browser.waitFor(By.xpath("//*[contains(normalize-space(.), 'Pre-scan invullen - Tasklist-proef')]"));
            List<WebElement> banner = browser.driver.findElements(By.cssSelector(".ce-eol-banner"));
            assertThat(banner).as("Camunda's banner").isNotEmpty();
            assertThat(banner).noneMatch(WebElement::isDisplayed);
            browser.screenshot("70-tasklist-pre-scan");
            List<WebElement> complete = browser.driver.findElements(
                    By.xpath("//button[normalize-space(.)='Complete' or normalize-space(.)='Voltooien']"));
            assertThat(complete).as("Tasklist's complete button").isNotEmpty();
            // The button sits under Tasklist's footer bar at this window size: click it as a user who scrolled would.
            browser.driver.executeScript(
                    "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete.get(0));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (engine.getTaskService()
                                    .createTaskQuery()
                                    .taskId(triage.getId())
                                    .count()
                            > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            browser.screenshot("71-tasklist-after-complete");
        }
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(triage.getId())
                        .count())
                .as("pre-scan completed in Tasklist")
                .isZero();
        assertThat(engine.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .taskId(triage.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("lead");
        // The cycle moved on: the triage decided on the answers given in Tasklist.
        assertThat(engine.getRuntimeService().getVariable(instance, "publicationCategory"))
                .isEqualTo("C");
    }

    /**
     * Text that a project lead writes is shown to the reviewer as written, on Waarborg's task page and in Tasklist: an
     * element outside the viewer's allow-list, an HTML comment and a markdown link definition hid the rest of the text
     * when the form's text view read the value as markdown (probe 62). The form now shows it in an HTML view, which
     * escapes it.
     */
    @Test
    void thePrivacyOfficerReadsTheExceptionReasonsAsTheLeadWroteThem() throws Exception {
        String hidden = "Sorteert alleen op documentsoort.<x-note> Het model weegt ook nationaliteit mee.</x-note>"
                + "<!-- Niemand controleert de uitkomst. -->\n\n[1]: https://example.org \"Ook postcode telt mee.\"";
        String systemId =
                systems.register("Verborgen tekst", null, "Werk", "lead").id();
        String instance = cycles.startCycle(systemId, "lead").orElseThrow().getId();
        Map<String, Object> triage = new HashMap<>(neutralTriage());
        triage.put("isAiSystem", "YES");
        triage.put("annexIiiArea", "EMPLOYMENT");
        triage.put("exceptionNoSignificantRisk", "YES");
        triage.put("exceptionNarrowTask", "YES");
        triage.put("exceptionRegistered", "YES");
        triage.put("exceptionReasons", hidden);
        ApiSteps api = new ApiSteps(port);
        String fillIn = api.task("lead", systemId, "fill-in-triage");
        HttpResponse<String> filled = api.viaApi("lead", fillIn, triage);
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
        String review = api.task("fg", systemId, "review-exception");
        assertThat(engine.getRuntimeService().getVariable(instance, "exceptionReasons"))
                .isEqualTo(hidden);
        engine.getTaskService().claim(review, "fg");

        try (Browser browser = new Browser(port)) {
            browser.login("fg");
            browser.open("/taken/" + review);
            assertThat(formText(browser))
                    .as("the reasons on Waarborg's task page")
                    .contains("nationaliteit", "Niemand controleert", "Ook postcode telt mee");
            browser.open("/camunda/app/tasklist/default/#/?task=" + review);
            assertThat(formText(browser))
                    .as("the reasons in Tasklist")
                    .contains("nationaliteit", "Niemand controleert", "Ook postcode telt mee");
        }
    }

    /** The visible text of the form viewer, once it shows the start of the reasons. */
    private static String formText(Browser browser) {
        browser.waitFor(By.xpath("//*[contains(@class,'fjs-form')]//*[contains(., 'documentsoort')]"));
        return browser.settling()
                .until(d -> d.findElement(By.cssSelector(".fjs-form")).getText());
    }

    private static Map<String, Object> neutralTriage() {
        Map<String, Object> v = new HashMap<>(nl.waarborg.process.TriageAnswers.neutral());
        v.put("purpose", "Afspraken plannen aan de balie");
        return v;
    }
}
