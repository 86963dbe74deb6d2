package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.waarborg.support.TestIdentityProvider;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Single sign-on in a real browser: Waarborg's login page, the provider's own login page, back at Waarborg as the
 * privacy officer the provider's group maps to; Camunda Tasklist opens without a login of its own; logging out ends
 * the session at the provider too, so the next single sign-on asks for the password again.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class SingleSignOnBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    Browser browser;

    @BeforeAll
    static void chromiumPresent() {
        BrowserTestSupport.chromiumPresent();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void loginAtTheProvider(TestIdentityProvider.Person person) {
        browser.waitFor(By.id("username")).sendKeys(person.username());
        browser.driver.findElement(By.id("password")).sendKeys(person.password());
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void logsInAtTheProviderOpensTasklistAndLogsOutThere() {
        TestIdentityProvider provider = TestIdentityProvider.start();
        String waarborg = "http://127.0.0.1:" + port;
        provider.allowPostLogoutRedirect(waarborg + "/login?logout");
        String id = "fenna." + UUID.randomUUID().toString().substring(0, 8);
        TestIdentityProvider.Person person = provider.person(id, "Fenna", "de Gegevens", List.of("fg-team"));
        browser = new Browser(waarborg);

        browser.open("/");
        browser.waitForPath("/login");
        browser.checkPage("80-inloggen-sso");
        browser.driver.findElement(By.id("sso-login")).click();
        browser.waitForPath(provider.issuer() + "/login");
        browser.screenshot("81-provider-login");
        loginAtTheProvider(person);

        browser.waitForPath(waarborg + "/taken");
        assertThat(browser.heading()).isEqualTo("Mijn taken");
        assertThat(browser.driver.findElement(By.cssSelector("header .user")).getText())
                .isEqualTo(id);
        assertThat(identity.createGroupQuery().groupMember(id).list().stream()
                        .map(Group::getId)
                        .toList())
                .containsExactly("privacy-officer");
        browser.checkPage("82-taken-na-sso");

        // Camunda's Tasklist takes the same login: no login form of its own, the shared task filter is there.
        browser.open("/camunda/app/tasklist/default/");
        browser.waitForText(By.tagName("body"), "Mijn taken");
        assertThat(browser.driver.findElements(By.cssSelector("input[type=password]")))
                .isEmpty();
        browser.screenshot("83-tasklist-na-sso");

        browser.open("/taken");
        browser.click("Uitloggen");
        browser.waitForPath(waarborg + "/login?logout");
        assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("U bent uitgelogd");

        // The provider's session ended too: single sign-on asks for the password again.
        browser.driver.findElement(By.id("sso-login")).click();
        browser.waitForPath(provider.issuer() + "/login");
        assertThat(browser.driver.findElement(By.id("password")).isDisplayed()).isTrue();
    }
}
