package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The main pages in a real browser, each checked with axe-core and saved as a screenshot: login, a lead registering
 * a system (with a refused first attempt), starting its cycle and completing the pre-scan in the Camunda Form, the
 * manager's and the administrator's pages (Beheer with a notice of an account under attack), and the switch to
 * English. Runs on H2 only.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class BrowserPagesTest extends BrowserTestSupport {

    @Autowired
    SystemRegistry systems;

    @Autowired
    nl.waarborg.assessment.TriageRecords triage;

    @Test
    void registerEntryPageAndThePublicRegister() {
        String id = systems.register("Browser Algoritmeregister", "Wijst aanvragen toe.", "Werk", "lead")
                .id();
        systems.setPublicationCategory(id, "B");
        browser.login("lead");
        browser.open("/systemen/" + id + "/algoritmeregister");
        assertThat(browser.heading()).isEqualTo("Vermelding in het Algoritmeregister");
        browser.checkPage("20-algoritmeregister-vermelding");
        // The public register needs no login; it is checked with axe like every other page.
        browser.open("/register");
        assertThat(browser.heading()).isEqualTo("Algoritmeregister");
        browser.checkPage("21-openbaar-algoritmeregister");
    }

    @Test
    void euRegistrationPageWithARefusedField() {
        String id = systems.register("Browser EU-registratie", "Beoordeelt aanvragen.", "Werk", "lead")
                .id();
        systems.setPublicationCategory(id, "A");
        triage.recordTriageOutcome(
                id,
                1,
                java.util.Map.of(
                        "highRiskAi", true, "aiActRole", "DEPLOYER", "euRegistration", "EU", "friaRequired", true));
        browser.login("lead");
        browser.open("/systemen/" + id);
        browser.click("Registratie in de EU-databank");
        assertThat(browser.heading()).isEqualTo("Registratie in de EU-databank");
        browser.checkPage("22-eu-registratie");
        // Saved without the required data: the server's refusal, shown in the error summary.
        browser.click("Opslaan als nieuwe versie");
        WebElement summary = browser.waitFor(By.id("error-summary"));
        assertThat(summary.getText()).contains("Adres van de gemeente");
        browser.checkPage("23-eu-registratie-fout");
    }

    @Test
    void leadRegistersASystemStartsItsCycleAndCompletesThePreScan() {
        browser.open("/login");
        browser.checkPage("01-inloggen");
        browser.login("lead");
        assertThat(browser.heading()).isEqualTo("Mijn systemen");
        browser.checkPage("02-mijn-systemen");

        browser.click("Systeem registreren");
        browser.click("Registreren");
        WebElement summary = browser.waitFor(By.id("error-summary"));
        assertThat(summary.getText()).contains("Vul de naam van het systeem in.");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        browser.checkPage("03-registreren-fouten");

        browser.driver.findElement(By.id("name")).sendKeys("Browser <b>test</b> Wmo-toewijzing");
        browser.driver.findElement(By.id("department")).sendKeys("Sociaal Domein");
        browser.click("Registreren");
        browser.waitForText(By.tagName("h1"), "Wmo-toewijzing");
        assertThat(browser.heading()).isEqualTo("Browser <b>test</b> Wmo-toewijzing");
        // The outcome message is part of the page's main content (axe "region"), announced as a status.
        assertThat(browser.driver
                        .findElement(By.cssSelector("main > .flash [role=status], main > .flash[role=status]"))
                        .isDisplayed())
                .isTrue();
        browser.checkPage("04-systeem");

        browser.click("Beoordelingscyclus starten");
        browser.waitForText(By.cssSelector("main"), "Pre-scan invullen");
        browser.click("Mijn taken");
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        browser.checkPage("05-mijn-taken");

        browser.driver
                .findElement(By.xpath("//tr[contains(., 'Wmo-toewijzing')]//button"))
                .click();
        browser.waitFor(By.cssSelector(".fjs-form"));
        browser.waitFor(By.cssSelector(".fjs-powered-by"));
        browser.checkPage("06-taak-pre-scan");

        // Completing without the required field: form-js refuses in the browser and the page says so.
        browser.click("Afronden");
        browser.waitFor(By.id("form-error"));
        browser.driver
                .findElement(By.cssSelector(".fjs-form textarea"))
                .sendKeys("Passende ondersteuning sneller toewijzen");
        // Every question of the pre-scan needs an answer (issue 16): the neutral one here.
        JsonNode triageForm = Browser.readForm("triage");
        nl.waarborg.process.TriageAnswers.neutral().forEach((key, value) -> {
            if (!"purpose".equals(key)) {
                browser.choose(triageForm, key, value.toString());
            }
        });
        browser.click("Afronden");
        browser.waitForPath("afgerond"); // the list, or the next step (issue 18)
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("afgerond");
    }

    @Test
    void managerAdministratorAndEnglish() {
        browser.login("manager");
        assertThat(browser.heading()).isEqualTo("Wacht op goedkeuring");
        browser.checkPage("10-wacht-op-goedkeuring");

        browser.login("admin");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Camunda Cockpit");
        browser.checkPage("11-overzicht-beheerder");

        // Waarborg's own administration, with the notice of an account under attack.
        for (int i = 0; i < 5; i++) {
            nl.waarborg.support.Http.api(port).as("doelwit", "fout").get("/api/tasks");
        }
        browser.click("Beheer");
        assertThat(browser.heading()).isEqualTo("Beheer");
        assertThat(browser.driver.findElement(By.id("aanvallen")).getText()).contains("doelwit");
        browser.checkPage("12-beheer");
        browser.click("lead");
        browser.waitForText(By.tagName("h1"), "(lead)");
        browser.checkPage("13-beheer-gebruiker");
        browser.click("Terug naar Beheer");
        browser.click("Gebruiker toevoegen");
        browser.checkPage("14-beheer-nieuwe-gebruiker");
        browser.open("/beheer/mail");
        assertThat(browser.heading()).isEqualTo("E-mail");
        browser.checkPage("15-beheer-mail");
        browser.click("Mijn instellingen");
        assertThat(browser.heading()).isEqualTo("Mijn instellingen");
        browser.checkPage("16-mijn-instellingen");
        browser.open("/");

        browser.click("English");
        assertThat(browser.heading()).startsWith("Welcome");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("en");
        browser.click("Nederlands");
        assertThat(browser.heading()).startsWith("Welkom");
    }
}
