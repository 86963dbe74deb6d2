package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Implement, in the browser: after the approval of a high-risk AI system (driven there through TaskWork), the lead
 * confirms the five go-live checks on Waarborg's task page. The form's own checks speak Dutch (a required box, the
 * six-month minimum for logs) and the system goes into use after the last check.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class GoLiveBrowserTest extends BrowserTestSupport {

    /** Pre-scan answers for a high-risk AI system (Annex III, essential services, profiling): IAMA, then go-live checks. */
    static final Map<String, Object> HIGH_RISK_AI = Map.of(
            "isAiSystem",
            "YES",
            "annexIiiArea",
            "ESSENTIAL_SERVICES",
            "profilesPersons",
            "YES",
            "processesPersonalData",
            "YES",
            "edpbEvaluationScoring",
            "YES");

    /** Task name on "Mijn taken" → what the lead enters: the confirmation box and the other fields (key, value). */
    static final Map<String, String[]> CHECKS = Map.of(
            "Registreren in EU-databank",
                    new String[] {"go-live-eu-database", "euDatabaseRegistered", "euDatabaseReference", "EU-2026-0042"},
            "FRIA melden bij markttoezichthouder",
                    new String[] {"go-live-fria-notification", "friaNotified", "friaNotificationReference", "MT-2026-17"
                    },
            "Publiceren in Algoritmeregister",
                    new String[] {
                        "go-live-algorithm-register",
                        "registerEntryPublished",
                        "registerEntryLink",
                        "https://algoritmes.overheid.nl/nl/algoritme/demo"
                    },
            "Betrokkenen informeren",
                    new String[] {
                        "go-live-persons-informed",
                        "personsInformed",
                        "personsInformedHow",
                        "Brief bij de beschikking",
                        "personsInformedWhen",
                        "Bij de ontvangstbevestiging van de aanvraag",
                        "personsInformedEvidence",
                        "Voorbeeldbrief 2027-01"
                    });

    @Autowired
    DemoDriver driver;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Test
    void theLeadConfirmsTheGoLiveChecksAndTheSystemGoesIntoUse() {
        String name = "Go-live kredietbeoordeling";
        SystemRecord system = systems.register(name, null, "Werk en Inkomen", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        List<OpenStep> open = driver.driveUntil(system.id(), "go-live-log-retention", HIGH_RISK_AI);
        OpenSteps.reached(open, "go-live-log-retention");
        assertThat(open)
                .extracting(OpenStep::activityId)
                .contains(
                        "go-live-eu-database",
                        "go-live-fria-notification",
                        "go-live-algorithm-register",
                        "go-live-persons-informed",
                        "go-live-log-retention");

        browser.login("lead");

        // Logs: the form refuses in Dutch until the box is ticked and at least six months are entered.
        claim(name, "Logbewaring (min. 6 maanden) inrichten");
        JsonNode logForm = Browser.readForm("go-live-log-retention");
        browser.click("Afronden");
        browser.waitForText(By.cssSelector(".fjs-form"), "Dit veld is verplicht.");
        String refused = browser.driver.findElement(By.cssSelector(".fjs-form")).getText();
        assertThat(refused).doesNotContain("Field is required");
        assertThat(browser.driver.findElement(By.id("form-error")).getText())
                .contains("Niet alle velden zijn goed ingevuld");
        tick(logForm, "logsRetained");
        browser.type(logForm, "logRetentionMonths", "3");
        browser.click("Afronden");
        browser.waitForText(By.cssSelector(".fjs-form"), "Vul een waarde van minstens 6 in.");
        browser.checkPage("80-go-live-logbewaring-geweigerd");
        WebElement months = browser.fieldContainer(Browser.component(logForm.path("components"), "logRetentionMonths"))
                .findElement(By.cssSelector("input"));
        months.clear();
        months.sendKeys("12");
        browser.click("Afronden");
        browser.waitForPath("afgerond"); // the list, or the next step (issue 18)

        // A picked-up task shows who has it by name in the list, too.
        claim(name, "Betrokkenen informeren");
        browser.open("/taken");
        assertThat(browser.driver
                        .findElement(
                                By.xpath("//tr[contains(., '" + name + "')][contains(., 'Betrokkenen informeren')]"))
                        .getText())
                .contains("Lotte de Projectleider (lead)");

        CHECKS.forEach((taskName, check) -> {
            claim(name, taskName);
            JsonNode form = Browser.readForm(check[0]);
            tick(form, check[1]);
            for (int i = 2; i < check.length; i += 2) {
                browser.type(form, check[i], check[i + 1]);
            }
            browser.click("Afronden");
            browser.waitForPath("afgerond"); // the list, or the next step (issue 18)
        });

        // Then the deployer's duties (AI Act Art. 26(1), (2), (4), and (9) as the DPIA ran; ADR 0036, 0043), each a
        // task with its own form.
        List<OpenStep> duties = cycles.openSteps(system.id());
        assertThat(duties)
                .extracting(OpenStep::activityId)
                .containsOnly("go-live-duty")
                .hasSize(4);
        driver.driveUntil(
                system.id(),
                "none",
                Map.of(
                        "instructionsFollowed",
                        true,
                        "oversightAssigned",
                        true,
                        "inputDataChecked",
                        true,
                        "providerInformationUsed",
                        true));
        browser.open("/taken");
        assertThat(browser.driver.findElements(By.xpath("//tr[contains(., '" + name + "')]")))
                .as("open tasks of %s", name)
                .isEmpty();

        browser.open("/systemen/" + system.id());
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Evalueren");
        assertThat(cycles.openSteps(system.id()))
                .extracting(OpenStep::activityId)
                .doesNotContain("go-live-log-retention");
    }

    /** From "Mijn taken", picks up the system's task with this name and waits for its form. */
    private void claim(String systemName, String taskName) {
        browser.open("/taken");
        WebElement row = browser.driver.findElement(
                By.xpath("//tr[contains(., '" + systemName + "')][contains(., '" + taskName + "')]"));
        List<WebElement> pickUp = row.findElements(By.tagName("button"));
        // Not picked up yet: "Oppakken"; already ours: "Openen".
        (pickUp.isEmpty() ? row.findElement(By.linkText("Openen")) : pickUp.get(0)).click();
        browser.waitFor(By.cssSelector(".fjs-form"));
        assertThat(browser.heading()).contains(taskName);
        // who handles it, by name
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Lotte de Projectleider (lead)");
    }

    private void tick(JsonNode form, String key) {
        browser.fieldContainer(Browser.component(form.path("components"), key))
                .findElement(By.cssSelector("input[type=checkbox]"))
                .click();
    }
}
