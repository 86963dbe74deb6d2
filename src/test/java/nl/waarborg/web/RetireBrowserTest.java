package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.waarborg.demo.DemoDriver;
import nl.waarborg.system.SystemRecord.Phase;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 18, point 9, in a real browser with axe-core: retiring sits apart from "Nieuwe ronde starten", needs a reason,
 * and retires only after the confirmation page. Runs on H2 only.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class RetireBrowserTest extends BrowserTestSupport {

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    DemoDriver driver;

    @Test
    void theOwnerConfirmsBeforeASystemIsTakenOutOfUse() {
        String systemId = systems.register("Buiten gebruik browsertest", null, "Sociaal Domein", "lead")
                .id();
        driver.as("lead", () -> cycles.startCycle(systemId, "lead"));
        driver.driveUntil(systemId, "-", nl.waarborg.process.TriageAnswers.neutral());
        assertThat(systems.get(systemId).phase()).isEqualTo(Phase.EVALUATE);

        browser.login("lead");
        browser.open("/systemen/" + systemId);
        // The retire button is not in the new round's form, but in a section of its own.
        assertThat(browser.driver
                        .findElement(By.xpath("//form[.//button[normalize-space(.)='Nieuwe ronde starten']]"))
                        .getText())
                .doesNotContain("Buiten gebruik stellen");
        assertThat(browser.driver
                        .findElement(By.cssSelector("section.irreversible button"))
                        .getText())
                .isEqualTo("Buiten gebruik stellen…");
        browser.driver.findElement(By.id("retire-reason")).sendKeys("Vervangen door een landelijke voorziening");
        browser.click("Buiten gebruik stellen…");

        browser.waitForText(By.tagName("h1"), "Systeem buiten gebruik stellen?");
        assertThat(browser.driver.findElement(By.id("retire-confirm-reason")).getText())
                .isEqualTo("Vervangen door een landelijke voorziening");
        browser.checkPage("retire-confirm");
        assertThat(systems.get(systemId).phase())
                .as("not before the confirmation")
                .isEqualTo(Phase.EVALUATE);

        browser.click("Ja, definitief buiten gebruik stellen");
        browser.waitForText(By.tagName("main"), "Het systeem is buiten gebruik gesteld.");
        assertThat(systems.get(systemId).phase()).isEqualTo(Phase.RETIRED);
    }
}
