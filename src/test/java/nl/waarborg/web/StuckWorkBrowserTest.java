package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The administrator's page "Vastgelopen werk" in a real browser, checked with axe-core: the lists, the forms, and a
 * refusal shown as a Dutch message on the page. Runs on H2 only.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class StuckWorkBrowserTest extends BrowserTestSupport {

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    ProcessEngine engine;

    @Test
    void theAdministratorOpensStuckWorkAndIsToldWhyAnActionIsRefused() {
        String systemId = systems.register("Vastgelopen browsertest", null, "Sociaal Domein", "lead")
                .id();
        cycles.startCycle(systemId, "lead");
        String triage = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .singleResult()
                .getId();

        browser.login("admin");
        browser.click("Vastgelopen werk");
        assertThat(browser.heading()).isEqualTo("Vastgelopen werk");
        browser.checkPage("12-vastgelopen-werk");

        // The pre-scan waits on the system's team: handing it to the privacy officer is refused, in Dutch.
        new Select(browser.driver.findElement(By.id("reassign-task"))).selectByValue(triage);
        browser.driver.findElement(By.id("reassign-user")).sendKeys("fg");
        browser.driver.findElement(By.id("reassign-reason")).sendKeys("Vervanging tijdens verlof");
        browser.click("Toewijzen");
        browser.waitForText(By.tagName("main"), "Deze persoon hoort niet bij de groep");
        browser.checkPage("13-vastgelopen-werk-fout");
    }
}
