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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A half-written answer is kept without "Concept opslaan": the task page saves a changed form as a draft by itself
 * (here every second; 30 by default), says so, and the draft comes back in the next session. Nothing is completed.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "waarborg.drafts.autosave-seconds=1")
@AutoConfigureObservability(tracing = false)
class TaskDraftAutosaveBrowserTest extends BrowserTestSupport {

    @Autowired
    DemoDriver driver;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    ProcessEngine engine;

    @Test
    void aChangedFormIsKeptAsADraftWithoutAClickAndComesBackInTheNextSession() {
        SystemRecord system = systems.register("Autosavetoets schoolroutes", null, "Onderwijs", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        OpenStep triage = cycles.openSteps(system.id()).get(0);
        JsonNode form = Browser.readForm("triage");
        String text = "Half geschreven doel dat niet verloren mag gaan";

        browser.login("lead");
        browser.open("/taken/" + triage.taskId());
        browser.waitFor(By.cssSelector(".fjs-form"));
        // Opening the page saves nothing: only a change does.
        assertThat(browser.driver.findElement(By.id("draft-saved")).isDisplayed())
                .isFalse();
        browser.type(form, "purpose", text);
        browser.waitForText(By.id("draft-status"), "automatisch als concept bewaard");
        browser.waitForText(By.id("draft-saved-on"), "Concept opgeslagen op ");
        assertThat(engine.getTaskService().getVariable(triage.taskId(), "purpose"))
                .isNull();

        // The tab is closed without saving; the next session has the answer back.
        browser.login("lead");
        browser.open("/taken/" + triage.taskId());
        browser.waitForText(By.id("draft-status"), "Uw concept staat weer in het formulier");
        assertThat(browser.fieldContainer(Browser.component(form.path("components"), "purpose"))
                        .findElement(By.cssSelector("textarea"))
                        .getAttribute("value"))
                .isEqualTo(text);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(triage.taskId())
                        .count())
                .isEqualTo(1);
    }
}
