package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 18, point 11: "Concept opslaan" keeps a half-written answer on the server without completing the task, and
 * the task page puts it back after a new login, says when it was saved, and throws it away after a confirmation on the
 * page (ADR 0045).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class TaskDraftBrowserTest extends BrowserTestSupport {

    @Autowired
    DemoDriver driver;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    ProcessEngine engine;

    @Test
    void aSavedDraftComesBackAfterANewLoginCompletesNothingAndCanBeDiscarded() {
        SystemRecord system = systems.register("Concepttoets leerlingenvervoer", null, "Onderwijs", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        OpenStep triage = cycles.openSteps(system.id()).get(0);
        JsonNode form = Browser.readForm("triage");
        String text = "Halverwege: ritten plannen voor leerlingen";

        browser.login("lead");
        browser.open("/taken/" + triage.taskId());
        browser.waitFor(By.cssSelector(".fjs-form"));
        browser.type(form, "purpose", text);
        browser.click("Concept opslaan");
        browser.waitForText(By.id("draft-status"), "Uw concept is opgeslagen");
        browser.waitForText(By.id("draft-saved-on"), "Concept opgeslagen op ");
        browser.checkPage("90-concept-opgeslagen");

        // Not a completion: the task is still open and the engine holds no answer.
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(triage.taskId())
                        .count())
                .isEqualTo(1);
        assertThat(engine.getTaskService().getVariable(triage.taskId(), "purpose"))
                .isNull();

        // A new session (login clears the cookies): the page puts the draft back and says so.
        browser.login("lead");
        browser.open("/taken/" + triage.taskId());
        browser.waitForText(By.id("draft-status"), "Uw concept staat weer in het formulier");
        assertThat(purpose(form)).isEqualTo(text);
        assertThat(browser.waitFor(By.id("draft-saved-on")).getText()).startsWith("Concept opgeslagen op ");
        browser.checkPage("91-concept-teruggezet");

        // "Concept verwijderen" opens a confirmation on the page itself; only "Ja, concept verwijderen" discards.
        browser.waitFor(By.cssSelector(".draft-discard summary")).click();
        browser.waitFor(By.id("draft-discard-confirm")).click();
        browser.waitForText(By.cssSelector(".flash"), "Uw concept is verwijderd");
        browser.settling().until(ExpectedConditions.invisibilityOfElementLocated(By.id("form-loading")));
        assertThat(purpose(form)).isEmpty();
        assertThat(browser.driver.findElement(By.id("draft-saved")).isDisplayed())
                .isFalse();
        assertThat(browser.driver.findElement(By.id("draft-status")).isDisplayed())
                .isFalse();
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(triage.taskId())
                        .count())
                .isEqualTo(1);
        browser.checkPage("92-concept-verwijderd");
    }

    private String purpose(JsonNode form) {
        return browser.fieldContainer(Browser.component(form.path("components"), "purpose"))
                .findElement(By.cssSelector("textarea"))
                .getAttribute("value");
    }
}
