package nl.waarborg.web;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser life cycle shared by the browser test classes: one browser per class, opened on the application's random
 * port before the first test and closed after the last. Without Chromium the tests fail when the environment variable
 * {@code WAARBORG_BROWSER_TESTS=required} is set (as .ci/run does), and are skipped with a message otherwise.
 */
abstract class BrowserTestSupport {

    static Browser browser;

    @LocalServerPort
    int port;

    static final String REQUIRED = "WAARBORG_BROWSER_TESTS";

    @BeforeAll
    static void chromiumPresent() {
        if (Browser.available()) {
            return;
        }
        if ("required".equals(System.getenv(REQUIRED))) {
            fail(Browser.MISSING + " " + REQUIRED + "=required, so the browser tests may not be skipped.");
        }
        String skipped =
                "Browser tests skipped: " + Browser.MISSING + " Set " + REQUIRED + "=required to make this a failure.";
        System.err.println(skipped);
        abort(skipped);
    }

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port, language(), window());
        }
    }

    /** The browser's own language; Waarborg's pages speak Dutch whatever it is. */
    String language() {
        return "nl";
    }

    /** The browser's window: a desktop's unless a class tests at phone width. */
    org.openqa.selenium.Dimension window() {
        return Browser.DESKTOP;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
