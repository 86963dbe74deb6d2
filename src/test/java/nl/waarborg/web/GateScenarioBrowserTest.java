package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole job in the browser: the lead registers a system and starts its cycle; the content parts are filled in
 * through TaskWork as the lead (to keep the test short); the FG advises, the manager sees the system waiting at the
 * ethics committee, the committee advises, the alderman approves, and the lead downloads the PDF.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class GateScenarioBrowserTest extends BrowserTestSupport {

    /** Pre-scan answers for an impactful algorithm without personal data: an IAMA and no DPIA. */
    static final Map<String, Object> NEEDS_IAMA = nl.waarborg.process.TriageAnswers.impactful();

    @Autowired
    DemoDriver driver;

    @Test
    void fromRegistrationToTheAldermansApprovalAndThePdf() throws Exception {
        String name = "Scenario toeslagen-signalering";
        browser.login("lead");
        browser.click("Systeem registreren");
        browser.driver.findElement(By.id("name")).sendKeys(name);
        browser.driver.findElement(By.id("department")).sendKeys("Werk en Inkomen");
        browser.click("Registreren");
        browser.waitForText(By.tagName("h1"), name);
        String systemPath = browser.path();
        String systemId = systemPath.substring(systemPath.lastIndexOf('/') + 1);
        browser.click("Beoordelingscyclus starten");
        browser.waitForText(By.tagName("body"), "De beoordelingscyclus is gestart.");

        List<OpenStep> open = driver.driveUntil(systemId, "privacy-officer-advice", NEEDS_IAMA);
        OpenSteps.reached(open, "privacy-officer-advice");

        decideAll("fg", name, "APPROVED", "Advies FG: de gegevensverwerking is proportioneel.", "20");

        browser.login("manager");
        assertThat(browser.heading()).isEqualTo("Wacht op goedkeuring");
        WebElement row = browser.waitFor(By.xpath("//tr[contains(., '" + name + "')]"));
        assertThat(row.getText()).contains("Advies ethische commissie");
        browser.checkPage("30-wacht-op-ethische-commissie");
        row.findElement(By.linkText(name)).click();
        browser.waitForText(By.tagName("h1"), name);
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Ethische commissie");
        browser.checkPage("31-systeem-voor-manager");
        // The way back leads to the manager's own overview, not to "Mijn systemen", which managers may not open.
        assertThat(browser.driver.findElement(By.cssSelector(".breadcrumb a")).getAttribute("href"))
                .endsWith("/toezicht");

        decideAll("ethics", name, "APPROVED", "De commissie ziet de publieke waarden voldoende geborgd.", "40");
        decideAll("alderman", name, "APPROVED", "Ik aanvaard de resterende risico's.", "50");

        browser.login("lead");
        browser.open(systemPath);
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Vastgesteld");
        browser.checkPage("60-systeem-vastgesteld");
        WebElement pdf =
                browser.driver.findElement(By.xpath("//tr[contains(., 'Vastgesteld')]//a[normalize-space(.)='PDF']"));
        HttpResponse<byte[]> download = downloadWithSession(pdf.getAttribute("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), 0, 5)).isEqualTo("%PDF-");
        // The archive copy names the steps, the advice and the decision in words and the signers by name.
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(download.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Advies functionaris gegevensbescherming")
                    .contains("Positief advies")
                    .contains("Akkoord")
                    .contains("Besluit wethouder")
                    .contains("(alderman), ")
                    .contains("Status Vastgesteld")
                    .doesNotContain("APPROVED")
                    .doesNotContain("alderman-decision")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }
        browser.driver
                .findElement(By.xpath("//tr[contains(., 'Vastgesteld')]//th/a"))
                .click();
        browser.waitFor(By.cssSelector("code"));
        // Every save of the parts is listed, its answers folded away until asked for.
        WebElement firstSave = browser.driver.findElement(By.cssSelector("details"));
        assertThat(firstSave.findElement(By.tagName("dl")).isDisplayed()).isFalse();
        firstSave.findElement(By.tagName("summary")).click();
        assertThat(firstSave.findElement(By.tagName("dl")).isDisplayed()).isTrue();
        browser.checkPage("61-versie");
        // Advice reads as advice and the alderman's decision as a decision.
        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains("Positief advies")
                .contains("Akkoord")
                .doesNotContain("goedgekeurd");

        // Implement: the lead carries out the action points of the approved version, each in its own form, which
        // shows what was agreed and who owns it; then the system moves on to Evaluate.
        browser.login("lead");
        browser.open("/taken");
        JsonNode actionForm = Browser.readForm("action-point");
        int done = 0;
        while (!browser.driver
                .findElements(By.xpath("//tr[contains(., '" + name + "')][contains(., 'Actiepunt')]//button"))
                .isEmpty()) {
            browser.driver
                    .findElement(By.xpath("//tr[contains(., '" + name + "')][contains(., 'Actiepunt')]//button"))
                    .click();
            browser.waitFor(By.cssSelector(".fjs-form"));
            String shown =
                    browser.driver.findElement(By.cssSelector(".fjs-form")).getText();
            assertThat(shown).contains("Wat:").contains("Eigenaar:").contains("Demo-antwoord");
            if (done == 0) {
                browser.checkPage("70-actiepunt");
            }
            browser.type(actionForm, "actionPointResult", "Uitgevoerd en vastgelegd in het projectdossier.");
            browser.click("Afronden");
            // The next action point opens directly (issue 18); the list is where this loop looks.
            browser.waitForPath("afgerond");
            browser.open("/taken");
            done++;
        }
        assertThat(done).as("action points of %s", name).isPositive();
        browser.open(systemPath);
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Evalueren");
    }

    /** The user claims and decides every task of the system open to them, in the Camunda Form on the task page. */
    private void decideAll(String user, String systemName, String decision, String motivation, String shotPrefix) {
        browser.login(user);
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        browser.checkPage(shotPrefix + "-mijn-taken-" + user);
        int decided = 0;
        while (!browser.driver
                .findElements(By.xpath("//tr[contains(., '" + systemName + "')]//button"))
                .isEmpty()) {
            browser.driver
                    .findElement(By.xpath("//tr[contains(., '" + systemName + "')]//button"))
                    .click();
            browser.waitFor(By.cssSelector(".fjs-form"));
            assertThat(browser.driver.findElement(By.id("content-title")).getText())
                    .isEqualTo("Wat u beoordeelt");
            // An empty dropdown asks in Dutch, not with form-js's own English "Select".
            // form-js may render the form twice: read the placeholders' texts once they have settled.
            List<String> placeholders = browser.settledTexts(By.cssSelector(".fjs-select-placeholder"));
            assertThat(placeholders)
                    .isNotEmpty()
                    .allSatisfy(text -> assertThat(text).isEqualTo("Maak een keuze"));
            assertThat(browser.driver.findElement(By.cssSelector(".fjs-form")).getText())
                    .doesNotContain("Select");
            if ("alderman".equals(user)) {
                // The alderman's form shows the advice given before, from the gates' summary variables.
                assertThat(browser.driver
                                .findElement(By.cssSelector(".fjs-form"))
                                .getText())
                        .contains("Advies FG: de gegevensverwerking is proportioneel.")
                        .contains("De commissie ziet de publieke waarden voldoende geborgd.")
                        // the advice in words, not the stored code
                        .contains("Advies functionaris gegevensbescherming: positief")
                        .contains("Advies ethische commissie: positief")
                        .doesNotContain("APPROVED")
                        .doesNotContain("Voorwaarden:");
            }
            if (decided == 0) {
                browser.checkPage(shotPrefix + "-poort-" + user);
            }
            String formUrl = browser.driver.findElement(By.id("task-form")).getAttribute("data-form-url");
            JsonNode form = Browser.readForm(formUrl.substring(formUrl.lastIndexOf('/') + 1));
            browser.choose(form, "decision", decision);
            browser.type(form, "motivation", motivation);
            if ("alderman".equals(user)) {
                // ADR 0035: who decides, and each residual risk accepted explicitly.
                browser.choose(form, "competentBody", "COLLEGE");
                for (org.openqa.selenium.WebElement box :
                        browser.driver.findElements(By.cssSelector(".fjs-form input[type=checkbox]"))) {
                    if (!box.isSelected()) {
                        box.click();
                    }
                }
            }
            browser.click("Afronden");
            // The user's next step of the system may open directly (issue 18); the list is where this loop looks.
            browser.waitForPath("afgerond");
            browser.open("/taken");
            decided++;
        }
        assertThat(decided).as("tasks of %s for %s", user, systemName).isPositive();
    }

    private HttpResponse<byte[]> downloadWithSession(String url) throws Exception {
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", "JSESSIONID=" + session)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
