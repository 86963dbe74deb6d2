package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.io.ClassPathResource;

/**
 * Debian's headless chromium driven by Selenium, for the browser tests: log in, find things by their visible text,
 * check a page with axe-core and save a screenshot under target/screenshots/. Selenium Manager never runs: the
 * driver and browser binaries are given explicitly.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = CHROMIUM + " or " + CHROMEDRIVER + " is missing."
            + " Install them with: apt-get install -y chromium chromium-driver (.ci/run does this).";
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(int port) {
        this("http://localhost:" + port);
    }

    /** A browser for Waarborg at this address (single sign-on tests use 127.0.0.1, the provider localhost). */
    Browser(String baseUrl) {
        this(baseUrl, "nl");
    }

    /** A browser whose own language (and so its date order and Intl defaults) is this one, e.g. "en-US". */
    Browser(String baseUrl, String language) {
        this(baseUrl, language, DESKTOP);
    }

    /** The desktop window of every browser test, and a phone's width (an iPhone 12 to 15: 390 CSS pixels). */
    static final org.openqa.selenium.Dimension DESKTOP = new org.openqa.selenium.Dimension(1280, 1000);

    static final org.openqa.selenium.Dimension PHONE = new org.openqa.selenium.Dimension(390, 844);

    /** A browser with a window of this size (its viewport: headless Chromium has no window frame). */
    Browser(String baseUrl, String language, org.openqa.selenium.Dimension window) {
        this.baseUrl = baseUrl;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            profile = Files.createTempDirectory("waarborg-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + window.getWidth() + "," + window.getHeight(),
                "--lang=" + language,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        WebElement submit = driver.findElement(By.cssSelector("main button[type=submit]"));
        submit.click();
        // The login page has an h1 of its own: wait until it is gone before waiting for the next page's. Chrome may
        // report the old button as "not in the document" (an unknown error) rather than as stale: both mean it left.
        settling().until(d -> {
            try {
                submit.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        waitFor(By.tagName("h1"));
    }

    String heading() {
        return settling().until(d -> d.findElement(By.tagName("h1")).getText());
    }

    /**
     * A wait of 30 seconds that reads again when the page re-renders an element while it is read. Chrome reports such
     * an element either as stale or as "does not belong to the document" (an unknown error): both mean read again.
     */
    WebDriverWait settling() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    WebElement waitFor(By by) {
        return settling().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The texts of the matching elements, read again when the page re-renders them while they are read. */
    List<String> settledTexts(By by) {
        return settling()
                .until(d -> d.findElements(by).stream()
                        .map(org.openqa.selenium.WebElement::getText)
                        .toList());
    }

    void waitForPath(String fragment) {
        settling().until(ExpectedConditions.urlContains(fragment));
    }

    void waitForText(By by, String text) {
        settling().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void click(String linkOrButtonText) {
        List<WebElement> candidates = driver.findElements(By.xpath("//a[normalize-space(.)='" + linkOrButtonText + "']"
                + " | //button[normalize-space(.)='" + linkOrButtonText + "']"));
        assertThat(candidates)
                .as("link or button '%s' on %s", linkOrButtonText, path())
                .isNotEmpty();
        candidates.get(0).click();
    }

    /** A Camunda Form from forms/ on the class path, to find its fields by key and label. */
    static JsonNode readForm(String id) {
        try (InputStream in = new ClassPathResource("forms/" + id + ".form").getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The component with this key, anywhere in the form. */
    static JsonNode component(JsonNode components, String key) {
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
            if (c.has("components")) {
                JsonNode nested = component(c.path("components"), key);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** The rendered form field of a component, found by its label. */
    WebElement fieldContainer(JsonNode field) {
        assertThat(field).as("form field").isNotNull();
        String label = field.path("label").asText();
        // The innermost field with that label: groups are form fields too and come first in document order.
        List<WebElement> fields = driver.findElements(By.xpath("//div[contains(@class,'fjs-form-field')]"
                + "[.//label[starts-with(normalize-space(.), \"" + label + "\")]]"));
        assertThat(fields).as("form field '%s'", label).isNotEmpty();
        return fields.get(fields.size() - 1);
    }

    /** Chooses the option with this value in the select or radio field with this key. */
    void choose(JsonNode form, String key, String value) {
        JsonNode field = Browser.component(form.path("components"), key);
        String option = value;
        for (JsonNode v : field.path("values")) {
            if (value.equals(v.path("value").asText())) {
                option = v.path("label").asText();
            }
        }
        WebElement container = fieldContainer(field);
        if ("select".equals(field.path("type").asText())) {
            container.findElement(By.cssSelector(".fjs-input-group")).click();
            String item = option;
            waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + item + "']"))
                    .click();
        } else {
            container
                    .findElement(By.xpath(".//label[normalize-space(.)='" + option + "']"))
                    .click();
        }
    }

    /** Types into the field with this key. */
    void type(JsonNode form, String key, String text) {
        fieldContainer(component(form.path("components"), key))
                .findElement(By.cssSelector("textarea, input"))
                .sendKeys(text);
    }

    /** Gives the window (in headless Chromium: the viewport) this size, e.g. to look at one page on a desktop too. */
    void resize(org.openqa.selenium.Dimension window) {
        driver.manage().window().setSize(window);
        settling()
                .until(d -> Long.valueOf(window.getWidth())
                        .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return window.innerWidth")));
    }

    /**
     * The page does not scroll sideways: the document is no wider than the viewport (without its scroll bar) and no
     * visible element sticks out on the left or right. Parts that are meant to be invisible (visually hidden texts, the
     * skip link until it has the focus) do not count.
     */
    void assertFitsWidth(String name) {
        @SuppressWarnings("unchecked")
        List<Object> measured = (List<Object>) driver.executeScript("""
                var doc = document.documentElement, width = doc.clientWidth, out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  if (e.closest('.visually-hidden, .skip-link, script, style')) { return; }
                  var r = e.getBoundingClientRect();
                  if (r.width <= 1 || r.height <= 1 || getComputedStyle(e).visibility === 'hidden') { return; }
                  if (r.right > width + 1 || r.left < -1) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
                  }
                });
                return [doc.scrollWidth, width, window.innerWidth, out.slice(0, 8).join('; ')];
                """);
        assertThat(((Number) measured.get(0)).longValue())
                .as(
                        "%s (%s): page width %s in a viewport of %s (window %s); sticking out: %s",
                        name, path(), measured.get(0), measured.get(1), measured.get(2), measured.get(3))
                .isLessThanOrEqualTo(((Number) measured.get(1)).longValue());
        assertThat((String) measured.get(3))
                .as("%s (%s): elements outside the viewport", name, path())
                .isEmpty();
    }

    /** The element is shown and lies within the viewport's width (it may be further down the page). */
    void assertOnScreen(WebElement element, String what) {
        assertThat(element.isDisplayed()).as("%s on %s is shown", what, path()).isTrue();
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) driver.executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                        + " return [r.left, r.right, document.documentElement.clientWidth];",
                element);
        assertThat(box.get(0).doubleValue())
                .as("%s on %s: left edge", what, path())
                .isGreaterThanOrEqualTo(-1);
        assertThat(box.get(1).doubleValue())
                .as("%s on %s: right edge within %s", what, path(), box.get(2))
                .isLessThanOrEqualTo(box.get(2).doubleValue() + 1);
    }

    /** axe-core on the current page: no serious or critical violation of WCAG 2.1 A/AA; and a screenshot. */
    void checkPage(String name) {
        screenshot(name);
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(driver);
        List<Rule> severe = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(severe)
                .as("axe-core on %s (%s): %s", name, path(), describe(severe))
                .isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(r -> r.getId() + " [" + r.getImpact() + "] " + r.getHelp() + " at "
                        + r.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .limit(3)
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, not only of what the window shows (for pages at phone width). */
    void screenshotWholePage(String name) {
        Object size = driver.executeScript(
                "return [document.documentElement.scrollWidth," + " document.documentElement.scrollHeight];");
        List<?> wh = (List<?>) size;
        java.util.Map<String, Object> clip = java.util.Map.of(
                "x",
                0,
                "y",
                0,
                "width",
                wh.get(0),
                "height",
                Math.min(((Number) wh.get(1)).longValue(), 16000L),
                "scale",
                1);
        java.util.Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                java.util.Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
