package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static Map<String, Object> neutralTriage() {
        Map<String, Object> v = new HashMap<>(nl.waarborg.process.TriageAnswers.neutral());
        v.put("purpose", "Afspraken plannen aan de balie");
        return v;
    }
}
