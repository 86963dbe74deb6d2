package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The README's "Eerste stappen" (issue 18, point 22) in a real browser on the demo portfolio: each role logs in, lands
 * where the README says and sees what it says there, checked with axe-core. With {@code -Dwaarborg.writeScreenshots}
 * the screenshots are also written to docs/img/, where the README shows them ({@code ReadmeFirstStepsTest} checks that
 * every image it names exists). Runs on H2 only.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "waarborg.demo.seed=true",
            // A context of its own: its engine must not take the name the other contexts' /engine-rest looks up.
            "camunda.bpm.process-engine-name=firststeps"
        })
@AutoConfigureObservability(tracing = false)
class FirstStepsBrowserTest extends BrowserTestSupport {

    static final String WRITE = "waarborg.writeScreenshots";
    static final Path IMAGES = Path.of("docs", "img");

    @Test
    void projectLeadSeesTheFiveDemoSystemsAndThePreScanInMyTasks() {
        browser.login("lead");
        assertThat(browser.heading()).isEqualTo("Mijn systemen");
        assertThat(main())
                .contains(
                        "Wmo-maatwerk toewijzen",
                        "Signalering onrechtmatige bijstand",
                        "Scanauto parkeerhandhaving",
                        "Chatbot klantcontact",
                        "Voorselectie sollicitaties");
        browser.waitFor(By.xpath("//a[normalize-space(.)='Systeem registreren']"));
        shot("eerste-stappen-projectleider");

        browser.click("Mijn taken");
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        browser.driver
                .findElement(By.xpath("//tr[contains(., 'Chatbot klantcontact')]//th/a"))
                .click();
        browser.waitFor(By.cssSelector(".fjs-form"));
        assertThat(browser.heading()).contains("Pre-scan");
        shot("eerste-stappen-projectleider-pre-scan");
    }

    @Test
    void privacyOfficerAdvisesInMyTasks() {
        reviewerSeesTheirStep(
                "fg", "Wmo-maatwerk toewijzen", "Advies functionaris gegevensbescherming", "eerste-stappen-fg");
    }

    @Test
    void ethicsCommitteeAdvisesInMyTasks() {
        reviewerSeesTheirStep(
                "ethics", "Signalering onrechtmatige bijstand", "Advies ethische commissie", "eerste-stappen-ethiek");
    }

    @Test
    void aldermanDecidesInMyTasks() {
        reviewerSeesTheirStep("alderman", "Scanauto parkeerhandhaving", "Besluit", "eerste-stappen-wethouder");
    }

    @Test
    void managerSeesWhatWaitsForApproval() {
        browser.login("manager");
        assertThat(browser.heading()).isEqualTo("Wacht op goedkeuring");
        assertThat(main())
                .contains("Wmo-maatwerk toewijzen", "Signalering onrechtmatige bijstand", "Scanauto parkeerhandhaving");
        shot("eerste-stappen-manager");
        browser.click("Systemen");
        assertThat(browser.heading()).isEqualTo("Systemen");
        assertThat(main()).contains("Chatbot klantcontact", "Voorselectie sollicitaties");
        shot("eerste-stappen-manager-systemen");
    }

    @Test
    void administratorManagesUsersAndStuckWork() {
        browser.login("admin");
        assertThat(browser.heading()).isEqualTo("Welkom, admin");
        browser.click("Beheer");
        assertThat(browser.heading()).isEqualTo("Beheer");
        assertThat(main()).contains("lead", "fg", "ethics", "alderman", "manager");
        shot("eerste-stappen-beheerder");
        browser.click("Vastgelopen werk");
        assertThat(browser.heading()).isEqualTo("Vastgelopen werk");
        shot("eerste-stappen-beheerder-vastgelopen-werk");
    }

    /**
     * A reviewer lands on "Mijn taken" (not Camunda Tasklist), opens the step of the demo system that waits, takes it
     * ("Oppakken") and sees the answers beside the form.
     */
    private void reviewerSeesTheirStep(String user, String system, String task, String image) {
        browser.login(user);
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        assertThat(browser.path()).startsWith("/taken");
        String row = browser.driver
                .findElement(By.xpath("//tr[contains(., '" + system + "')]"))
                .getText();
        assertThat(row).contains(task).containsPattern("\\((IAMA|DPIA)\\)");
        shot(image);
        browser.driver
                .findElement(By.xpath("//tr[contains(., '" + system + "')]//th/a"))
                .click();
        browser.waitForText(By.tagName("main"), system);
        assertThat(browser.heading()).contains(task);
        assertThat(main()).contains("Wat u beoordeelt", "Antwoorden");
        browser.click("Oppakken");
        browser.waitFor(By.cssSelector(".fjs-form"));
        assertThat(browser.heading()).contains(task);
        shot(image + "-taak");
    }

    private String main() {
        return browser.driver.findElement(By.tagName("main")).getText();
    }

    /** axe-core and a screenshot under target/screenshots/; with -Dwaarborg.writeScreenshots also to docs/img/. */
    private static void shot(String name) {
        browser.checkPage(name);
        if (System.getProperty(WRITE) == null) {
            return;
        }
        try {
            Files.createDirectories(IMAGES);
            Files.copy(
                    Path.of("target", "screenshots", name + ".png"),
                    IMAGES.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
