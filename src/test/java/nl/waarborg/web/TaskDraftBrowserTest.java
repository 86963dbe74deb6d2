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
 * page (ADR 0045). And a changed form is kept as a draft by the page itself, without the click.
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

    @Autowired
    nl.waarborg.task.TaskDrafts drafts;

    @Autowired
    TaskDraftPages draftPages;

    @Test
    void aSavedDraftComesBackAfterANewLoginCompletesNothingAndCanBeDiscarded() {
        OpenStep triage = triageOpenedByLead("Concepttoets leerlingenvervoer");
        JsonNode form = Browser.readForm("triage");
        String text = "Halverwege: ritten plannen voor leerlingen";

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

    /** Without "Concept opslaan": a changed form is saved by itself (here every second; 30 by default). */
    @Test
    void aChangedFormIsKeptAsADraftWithoutAClickAndComesBackInTheNextSession() {
        int configured = draftPages.autosaveSeconds();
        draftPages.autosaveSeconds(1);
        try {
            keptWithoutAClick();
        } finally {
            draftPages.autosaveSeconds(configured);
        }
    }

    private void keptWithoutAClick() {
        OpenStep triage = triageOpenedByLead("Autosavetoets schoolroutes");
        JsonNode form = Browser.readForm("triage");
        String text = "Half geschreven doel dat niet verloren mag gaan";

        // Opening the page saves nothing: only a change does.
        assertThat(browser.driver.findElement(By.id("draft-saved")).isDisplayed())
                .isFalse();
        browser.type(form, "purpose", text);
        browser.waitForText(By.id("draft-status"), "automatisch als concept bewaard");
        browser.waitForText(By.id("draft-saved-on"), "Concept opgeslagen op ");
        // The typing may have been saved halfway first; the last change follows within a turn or two.
        browser.settling()
                .until(d -> text.equals(driver.as("lead", () -> drafts.read(triage.taskId()))
                        .map(draft -> draft.values().get("purpose"))
                        .orElse(null)));
        assertThat(engine.getTaskService().getVariable(triage.taskId(), "purpose"))
                .isNull();

        // The tab is closed without saving; the next session has the answer back.
        browser.login("lead");
        browser.open("/taken/" + triage.taskId());
        browser.waitForText(By.id("draft-status"), "Uw concept staat weer in het formulier");
        assertThat(purpose(form)).isEqualTo(text);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(triage.taskId())
                        .count())
                .isEqualTo(1);
    }

    /** A new system's triage task, open on the task page of the logged-in project lead. */
    private OpenStep triageOpenedByLead(String systemName) {
        SystemRecord system = systems.register(systemName, null, "Onderwijs", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        OpenStep triage = cycles.openSteps(system.id()).get(0);
        browser.login("lead");
        browser.open("/taken/" + triage.taskId());
        browser.waitFor(By.cssSelector(".fjs-form"));
        return triage;
    }

    private String purpose(JsonNode form) {
        return browser.fieldContainer(Browser.component(form.path("components"), "purpose"))
                .findElement(By.cssSelector("textarea"))
                .getAttribute("value");
    }
}
