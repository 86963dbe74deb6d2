package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Dates in Waarborg's task forms are Dutch even in an American-English browser (issue 18 points 2 and 13): typed and
 * shown as dd-mm-jjjj, a date picker with Dutch months and Monday first, a non-existent date refused with a Dutch
 * message that keeps the typed text, and the value stored as ISO. form-js's English list texts are Dutch too.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class DutchDatesBrowserTest extends BrowserTestSupport {

    @Autowired
    DemoDriver driver;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    ProcessEngine engine;

    @Override
    String language() {
        // The browser that showed mm/dd/yyyy and turned 15-06-2027 into 6 March 2028.
        return "en-US";
    }

    @Test
    void aTypedDutchDateIsSavedAsThatDayAndThePickerIsDutch() {
        SystemRecord system = systems.register("Datumtoets parkeervergunning", null, "Mobiliteit", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        List<OpenStep> open = driver.driveUntil(system.id(), "fill-in-iama-part-1", GoLiveBrowserTest.HIGH_RISK_AI);
        OpenSteps.reached(open, "fill-in-iama-part-1");
        OpenStep part1 = open.stream()
                .filter(s -> s.activityId().equals("fill-in-iama-part-1"))
                .findFirst()
                .orElseThrow();
        String instance = engine.getTaskService()
                .createTaskQuery()
                .taskId(part1.taskId())
                .singleResult()
                .getProcessInstanceId();

        browser.login("lead");
        browser.open("/taken/" + part1.taskId()); // a content step opens without "Oppakken" (ADR 0042)
        browser.waitFor(By.cssSelector(".fjs-form"));
        JsonNode form = Browser.readForm("iama-part-1");
        browser.type(form, "part1Reason", "Wachttijden aan de balie");
        browser.type(form, "part1Goal", "Sneller een vergunning");
        browser.type(form, "part1LegalBasis", "Wegenverkeerswet en APV");
        browser.type(form, "part1Responsibilities", "Team Parkeren");

        browser.click("Nieuwe rij toevoegen");
        WebElement date = browser.waitFor(By.cssSelector(".fjs-datepicker input"));
        assertThat(date.getAttribute("placeholder")).isEqualTo("dd-mm-jjjj");

        // A day that does not exist is refused in Dutch, keeps its text and keeps the task from being completed.
        date.sendKeys("31-02-2027", Keys.TAB);
        browser.waitForText(By.cssSelector(".wb-date-error"), "De datum 31-02-2027 bestaat niet");
        assertThat(date.getAttribute("value")).isEqualTo("31-02-2027");
        browser.click("Afronden");
        assertThat(browser.path()).startsWith("/taken/" + part1.taskId());

        // American order is not guessed at: the user is told how to write the date.
        date.clear();
        date.sendKeys("06/15/2027", Keys.TAB);
        browser.waitForText(By.cssSelector(".wb-date-error"), "Typ de datum als dd-mm-jjjj");
        assertThat(date.getAttribute("value")).isEqualTo("06/15/2027");

        // Before the field's earliest date (a due date is planned, disallowPassedDates: today): refused with that date
        // named.
        java.time.format.DateTimeFormatter dutch = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        date.clear();
        date.sendKeys(today.minusDays(1).format(dutch), Keys.TAB);
        browser.waitForText(By.cssSelector(".wb-date-error"), "ligt vóór " + today.format(dutch));
        java.time.LocalDate due = today.plusMonths(6);

        // The picker: Dutch month names, Monday first.
        date.clear();
        date.sendKeys(due.format(dutch), Keys.TAB);
        assertThat(browser.driver.findElements(By.cssSelector(".wb-date-error")))
                .isEmpty();
        date.click();
        browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
        assertThat(browser.settledTexts(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")))
                .first()
                .asString()
                .isEqualToIgnoringWhitespace("ma");
        assertThat(browser.driver
                        .findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-monthDropdown-months"))
                        .getText())
                .contains("januari", "juni", "december");
        browser.checkPage("85-datum-kiezer-nederlands");
        date.sendKeys(Keys.ESCAPE);
        assertThat(date.getAttribute("value")).isEqualTo(due.format(dutch));

        String page = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(page).doesNotContain("Add new", "Search", "mm/dd/yyyy");

        browser.click("Afronden");
        browser.waitForPath("afgerond"); // the list, or the next step (ADR 0042)
        Object saved = engine.getRuntimeService().getVariable(instance, "part1ActionPoints");
        assertThat(String.valueOf(saved)).contains(due.toString());
    }
}
