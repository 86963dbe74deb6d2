package nl.waarborg.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser life cycle shared by the browser test classes: skipped without Chromium, one browser per class, opened
 * on the application's random port before the first test and closed after the last.
 */
abstract class BrowserTestSupport {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumPresent() {
        assumeTrue(Browser.available(), Browser.MISSING);
    }

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new Browser(port);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
