package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.demo.DemoPortfolio;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Waarborg's own pages at a phone's width (390 CSS pixels, issue 18 points 10 and 18), on the demo portfolio: each
 * main page as the role that works with it does not scroll sideways, shows its key parts within the screen, and
 * passes axe-core. The alderman's review pane does not scroll inside the page, and a dropdown that is merely opened
 * does not yet say that the field is required. Runs on H2 only.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class PhoneWidthBrowserTest extends BrowserTestSupport {

    static final String AT_ALDERMAN = "Scanauto parkeerhandhaving";
    static final String AT_FG = "Wmo-maatwerk toewijzen";
    static final String IN_REGISTER = "Chatbot klantcontact";
    static final String TWO_VERSIONS = "Leerlingenvervoer op de telefoon";

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    DemoDriver demo;

    @Autowired
    AuditTrail audit;

    @Autowired
    AssessmentService assessments;

    @Override
    Dimension window() {
        return Browser.PHONE;
    }

    /** The demo portfolio (idempotent by name) and a DPIA with two versions of its risks, for the diff. */
    /** The DPIA with two versions. */
    static String twoVersions;

    @BeforeEach
    void demoPortfolio() {
        new DemoPortfolio(systems, cycles, demo, audit).seed();
        systems.setPublicationCategory(system(IN_REGISTER).id(), "B");
        if (twoVersions == null) {
            String id = systems.register(TWO_VERSIONS, "Toewijzing van vervoer", "Onderwijs", "lead")
                    .id();
            for (String risk : List.of("Ouders krijgen een onjuiste afwijzing", "Ouders krijgen een trage afwijzing")) {
                AssessmentService.OpenedVersion v = assessments.openVersion(id, AssessmentType.DPIA, 1, null, "lead");
                assessments.saveSection(
                        v.assessmentId(),
                        v.number(),
                        "dpia-section-c",
                        Map.of(
                                "sectionCRisks",
                                List.of(Map.of(
                                        "riskId", "R1",
                                        "risk", risk,
                                        "origin", "Koppeling met de basisregistratie personen",
                                        "likelihood", "LOW",
                                        "impact", "HIGH",
                                        "level", "MEDIUM"))),
                        "lead");
                twoVersions = v.assessmentId();
            }
        }
        // Each test starts at a phone's width, whatever the one before it did.
        browser.resize(Browser.PHONE);
    }

    private SystemRecord system(String name) {
        return systems.list().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The page fits the phone's width and passes axe; its screenshot is saved as phone-{name}. */
    private void check(String name) {
        browser.waitFor(By.tagName("h1"));
        browser.assertFitsWidth(name);
        browser.checkPage("phone-" + name);
        browser.screenshotWholePage("phone-" + name);
    }

    private WebElement onScreen(By by, String what) {
        WebElement element = browser.waitFor(by);
        browser.assertOnScreen(element, what);
        return element;
    }

    @Test
    void theLeadsPages() {
        browser.open("/login");
        check("inloggen");
        browser.login("lead");
        assertThat(browser.heading()).isEqualTo("Mijn systemen");
        check("mijn-systemen");
        // The list as cards: each row's current step and who it waits on stay on screen, labelled (searched for, so
        // that other tests' systems in the same database do not push it to a later page).
        browser.open("/systemen?zoek=" + AT_ALDERMAN.replace(' ', '+'));
        browser.assertFitsWidth("mijn-systemen-gezocht");
        String row = "//tr[contains(., '" + AT_ALDERMAN + "')]";
        onScreen(By.xpath(row + "/td[3]"), "Huidige stap").getText();
        assertThat(onScreen(By.xpath(row + "/td[4]"), "Wacht op").getText()).isNotBlank();

        browser.open("/systemen/" + system(AT_ALDERMAN).id());
        check("systeem");
        onScreen(By.xpath("//main//a[normalize-space(.)='PDF']"), "PDF export");
        onScreen(By.xpath("//main//a[normalize-space(.)='JSON']"), "JSON export");

        browser.driver
                .findElement(By.xpath("//main//tbody//th/a[starts-with(normalize-space(.), 'Versie')]"))
                .click();
        check("versie");
        onScreen(By.xpath("//main//a[normalize-space(.)='PDF downloaden']"), "PDF downloaden");
        onScreen(By.xpath("//main//a[normalize-space(.)='JSON downloaden']"), "JSON downloaden");

        browser.open("/beoordelingen/" + twoVersions + "/verschil?van=1&tot=2");
        check("verschil");
        onScreen(By.cssSelector("main ins"), "an added word");

        browser.open("/systemen/" + system(IN_REGISTER).id() + "/algoritmeregister");
        check("algoritmeregister-vermelding");
        browser.open("/register");
        check("openbaar-algoritmeregister");
    }

    @Test
    void theAldermansTaskWithItsReviewPane() {
        browser.login("alderman");
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        check("mijn-taken-wethouder");
        openTask(AT_ALDERMAN);
        check("taak-wethouder");
        WebElement pane = browser.driver.findElement(By.cssSelector(".gate-content"));
        // On a phone the text to review is part of the page: no scrolling box inside the scrolling page.
        assertThat(innerScroll(pane))
                .as("the review pane's own scrolling at phone width")
                .isEqualTo("none");
        for (WebElement date : pane.findElements(By.cssSelector("td.nowrap"))) {
            browser.assertOnScreen(date, "a date in the review pane");
        }
        onScreen(By.id("task-submit"), "Afronden");
        assertThat(cutOffLabels()).as("form labels cut off at phone width").isEmpty();

        // A dropdown opened and left without a choice is not an error yet; "Afronden" without one is.
        WebElement decision = browser.driver.findElement(By.cssSelector(".fjs-form .fjs-input-group"));
        decision.click();
        browser.waitFor(By.cssSelector(".fjs-dropdownlist"));
        browser.driver.findElement(By.id("form-title")).click();
        browser.driver.findElement(By.tagName("h1")).click();
        // The list closes on leaving the field: form-js has rendered the field again after the blur.
        browser.settling()
                .until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector(".fjs-dropdownlist")));
        assertThat(browser.driver.findElement(By.cssSelector(".fjs-form")).getText())
                .doesNotContain("Dit veld is verplicht");
        browser.click("Afronden");
        browser.waitFor(By.id("form-error"));
        browser.waitForText(By.cssSelector(".fjs-form"), "Dit veld is verplicht.");

        // On a desktop the pane keeps its own scrolling, but never sideways, and its dates are whole.
        browser.resize(Browser.DESKTOP);
        browser.driver.executeScript("window.scrollTo(0, 0)");
        browser.screenshot("desktop-taak-wethouder");
        browser.assertFitsWidth("taak-wethouder-desktop");
        assertThat(innerScroll(pane))
                .as("the review pane at desktop width; wider than the pane: %s", wider(pane))
                .isIn("none", "vertical");
        for (WebElement date : pane.findElements(By.cssSelector("td.nowrap"))) {
            assertThat(within(date, pane)).as("a date inside the review pane").isTrue();
        }
        assertThat(cutOffLabels()).as("form labels cut off at desktop width").isEmpty();
    }

    @Test
    void thePrivacyOfficersTask() {
        browser.login("fg");
        check("mijn-taken-fg");
        openTask(AT_FG);
        check("taak-fg");
        assertThat(cutOffLabels()).as("form labels cut off at phone width").isEmpty();
    }

    @Test
    void theManagersPages() {
        browser.login("manager");
        assertThat(browser.heading()).isEqualTo("Wacht op goedkeuring");
        check("toezicht");
        onScreen(By.xpath("//main//a[normalize-space(.)='Downloaden als CSV']"), "CSV export");
        onScreen(By.xpath("//main//tr[contains(., '" + AT_ALDERMAN + "')]"), "a waiting system");
        browser.open("/systemen");
        check("systemen-overzicht");
        browser.open("/systemen?zoek=" + AT_FG.replace(' ', '+'));
        String row = "//tr[contains(., '" + AT_FG + "')]";
        onScreen(By.xpath(row + "/td[3]"), "Huidige stap");
        onScreen(By.xpath(row + "/td[4]"), "Wacht op");
        browser.click(AT_FG);
        check("systeem-voor-manager");
    }

    @Test
    void theAdministratorsPages() {
        browser.login("admin");
        check("overzicht-beheerder");
        browser.open("/beheer");
        check("beheer");
        browser.click("lead");
        browser.waitForText(By.tagName("h1"), "(lead)");
        check("beheer-gebruiker");
        browser.open("/beheer/werk");
        check("vastgelopen-werk");
        browser.open("/beheer/mail");
        check("beheer-mail");
        browser.open("/instellingen");
        check("mijn-instellingen");
    }

    /** Opens the user's first task of the system from "Mijn taken", picking it up if nobody has yet. */
    private void openTask(String systemName) {
        browser.open("/taken");
        browser.driver
                .findElement(By.xpath("//tr[contains(., '" + systemName + "')]/th/a"))
                .click();
        browser.waitFor(By.tagName("h1"));
        if (!browser.driver
                .findElements(By.xpath("//main//button[normalize-space(.)='Oppakken']"))
                .isEmpty()) {
            browser.click("Oppakken");
        }
        browser.waitFor(By.cssSelector(".fjs-form"));
    }

    /** Whether the element scrolls by itself: "none", "vertical", "horizontal" or "both". */
    private String innerScroll(WebElement element) {
        return (String) browser.driver.executeScript(
                "var e = arguments[0], v = e.scrollHeight > e.clientHeight + 1, h = e.scrollWidth > e.clientWidth + 1;"
                        + " return v && h ? 'both' : v ? 'vertical' : h ? 'horizontal' : 'none';",
                element);
    }

    /** The texts of the form's labels that do not fit their box (form-js hides what does not fit). */
    @SuppressWarnings("unchecked")
    private List<String> cutOffLabels() {
        return (List<String>) browser.driver.executeScript("var out = [];"
                + " document.querySelectorAll('.fjs-form-field-label').forEach(function (l) {"
                + " if (l.offsetWidth > 0 && l.scrollWidth > l.clientWidth + 1) { out.push(l.textContent.trim()); } });"
                + " return out;");
    }

    /** The parts of the element that stick out on its right. */
    private Object wider(WebElement element) {
        return browser.driver.executeScript(
                "var p = arguments[0], right = p.getBoundingClientRect().left + p.clientWidth, out = [];"
                        + " p.querySelectorAll('*').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + " if (r.width > 1 && r.right > right + 1 && out.length < 6) {"
                        + " out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right - right)"
                        + " + ' ' + e.textContent.trim().substring(0, 30)); } });"
                        + " return out.join('; ');",
                element);
    }

    private boolean within(WebElement inner, WebElement outer) {
        return (Boolean) browser.driver.executeScript(
                "var i = arguments[0].getBoundingClientRect(), o = arguments[1].getBoundingClientRect();"
                        + " return i.left >= o.left - 1 && i.right <= o.left + arguments[1].clientWidth + 1;",
                inner,
                outer);
    }
}
