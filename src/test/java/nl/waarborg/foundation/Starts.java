package nl.waarborg.foundation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.support.TestDatabaseInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application the way `mvn spring-boot:run` does, but with settings passed as command-line
 * arguments (these outrank application.yaml, unlike default properties). Every start gets its own engine
 * name so that it never meets the engine of another context in the same JVM, a random port and no Camunda webapps.
 */
final class Starts {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Map<String, Object> settings = new LinkedHashMap<>();

    private Starts(String purpose) {
        settings.put("server.port", 0);
        // Without Camunda's webapps: their bootstrap keeps the Cockpit/Tasklist/Admin runtime in static fields and
        // sets them to null when a servlet context stops, which would break the webapps of the test context that
        // the @WaarborgIntegrationTest classes share in this JVM. These starts test data and identity, not the webapps.
        settings.put("camunda.bpm.webapp.enabled", false);
        // Outside the demo profile an evidence key is required (ADR 0018); a test that checks that clears it.
        settings.put("waarborg.evidence.key", "test-evidence-key-0123456789abcdef0123456789");
        // Camunda ignores engine names with a hyphen (and falls back to "default"): letters and digits only.
        settings.put(
                "camunda.bpm.process-engine-name",
                "foundation" + purpose.replaceAll("[^A-Za-z0-9]", "") + COUNTER.incrementAndGet());
    }

    static Starts of(String purpose) {
        return new Starts(purpose);
    }

    /** Use this database for the start (and keep it: the test initializer then leaves the datasource alone). */
    Starts database(Map<String, Object> datasource) {
        settings.putAll(datasource);
        settings.put(TestDatabaseInitializer.KEEP_DATASOURCE, true);
        return this;
    }

    Starts with(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    String engineName() {
        return String.valueOf(settings.get("camunda.bpm.process-engine-name"));
    }

    ConfigurableApplicationContext run() {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(WaarborgApplication.class).run(args.toArray(String[]::new));
    }

    /** Runs a start that must fail, closing the context should it come up after all, and returns the failure. */
    Throwable runExpectingFailure() {
        ConfigurableApplicationContext context = null;
        try {
            context = run();
        } catch (RuntimeException e) {
            return e;
        } finally {
            if (context != null) {
                context.close();
            }
        }
        throw new AssertionError("The application started although it should have refused to");
    }

    /** Every message in a cause chain, one per line, so a test can look for the setting a failure names. */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getClass().getName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return text.toString();
    }
}
