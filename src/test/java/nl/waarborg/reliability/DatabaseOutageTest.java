package nl.waarborg.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database stops while clients write (pg_ctl stop -m fast, as in an outage or a fail-over) and starts again:
 * every request answers at once with 503 and Retry-After (problem+json on /api, Camunda's JSON on /engine-rest, the
 * Dutch "tijdelijk niet beschikbaar" page on the pages), health is DOWN, and once the database is back the same
 * running application answers again; nothing that was acknowledged is lost or doubled.
 */
@Tag("reliability")
class DatabaseOutageTest {

    /** The bound per request: the pool's connection timeout (2 s) plus the answer. */
    private static final long FAST_MILLIS = 3_000;

    private static final String DATABASE = "waarborg_outage";

    @TempDir
    Path directory;

    @Test
    void anOutageIsAnsweredWith503AtOnceAndWaarborgRecoversWithoutRestart() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.start(directory.resolve("pg"), DATABASE)) {
            ConfigurableApplicationContext app = start(postgres.settings(DATABASE));
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Http browser = Http.browser(port);
                assertThat(browser.formLogin("lead", "demo").statusCode()).isEqualTo(302);
                Http api = Http.api(port).as("lead", "demo");
                // Jersey starts /engine-rest on its first request (seconds): as in a running installation, before.
                assertThat(browser.get("/engine-rest/engine/outage/task", "application/json")
                                .statusCode())
                        .isEqualTo(200);

                SystemLoad load =
                        new SystemLoad("Storing", 3, client -> Http.api(port).as("lead", "demo"));
                for (int waited = 0; load.acknowledged.size() < 5 && waited < 300; waited++) {
                    ForkedWaarborg.sleep(100);
                }
                long acknowledgedBefore = load.acknowledged.size();
                assertThat(acknowledgedBefore)
                        .as("writes acknowledged before the outage")
                        .isPositive();
                postgres.stop();
                ForkedWaarborg.sleep(500);

                List<String> slow = new ArrayList<>();
                HttpResponse<String> basic = timed(slow, "api basic", () -> api.get("/api/systems"));
                assertUnavailable(basic, "application/problem+json");
                HttpResponse<String> session =
                        timed(slow, "api session", () -> browser.get("/api/systems", "application/json"));
                assertUnavailable(session, "application/problem+json");
                assertThat(session.body()).contains("temporarily unavailable");
                HttpResponse<String> engineRest = timed(
                        slow, "engine-rest", () -> browser.get("/engine-rest/engine/outage/task", "application/json"));
                // The session's account re-check (ADR 0027) reads the database before Camunda's REST does: the 503
                // comes
                // from the error controller as problem+json, as for HTTP Basic, whose password check comes first too.
                assertUnavailable(engineRest, "application/problem+json");
                HttpResponse<String> page = timed(slow, "page", () -> browser.get("/systemen", "text/html"));
                assertUnavailable(page, "text/html");
                assertThat(page.body()).contains("tijdelijk niet beschikbaar");
                HttpResponse<String> login =
                        timed(slow, "login", () -> Http.browser(port).postForm("/login", "username=fg&password=demo"));
                assertThat(login.statusCode()).isIn(403, 503); // without a CSRF token a 403 comes first
                HttpResponse<String> health =
                        timed(slow, "health", () -> Http.api(port).get("/actuator/health"));
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
                assertThat(slow)
                        .as("requests slower than %d ms during the outage", FAST_MILLIS)
                        .isEmpty();

                ForkedWaarborg.sleep(3_000);
                long duringOutage = load.statuses.values().stream()
                                .mapToLong(java.util.concurrent.atomic.AtomicLong::get)
                                .sum()
                        - load.count(201);
                postgres.start();
                long restarted = System.nanoTime();
                while (api.get("/api/systems").statusCode() != 200) {
                    assertThat((System.nanoTime() - restarted) / 1_000_000)
                            .as("recovery without restart")
                            .isLessThan(30_000);
                    ForkedWaarborg.sleep(200);
                }
                long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
                long acknowledgedAtRecovery = load.acknowledged.size();
                ForkedWaarborg.sleep(2_000);
                load.close();

                System.out.printf(
                        "[reliability] database outage: %d acknowledged before, %d failed requests during it (statuses"
                                + " %s, slowest failure %d ms), first 200 %d ms after the database was back, %d"
                                + " acknowledged after%n",
                        acknowledgedBefore,
                        duringOutage,
                        load.statuses,
                        load.slowestFailureMillis.get(),
                        recoveryMillis,
                        load.acknowledged.size() - acknowledgedAtRecovery);
                assertThat(load.statuses.keySet())
                        .as("during the outage writes fail with 503 only")
                        .containsOnly(201, 503);
                assertThat(load.slowestFailureMillis.get()).isLessThan(FAST_MILLIS);
                assertThat((long) load.acknowledged.size()).isGreaterThan(acknowledgedAtRecovery);
                assertThat(Http.api(port).get("/actuator/health").statusCode()).isEqualTo(200);
                assertEveryAcknowledgedSystemOnce(postgres, load.acknowledged);
            } finally {
                app.close();
            }
        }
    }

    static void assertUnavailable(HttpResponse<String> answer, String contentType) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(contentType);
    }

    private static HttpResponse<String> timed(List<String> slow, String what, Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> answer = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > FAST_MILLIS) {
            slow.add(what + ": " + millis + " ms");
        }
        return answer;
    }

    /** Every acknowledged registration is in the database exactly once (by id, and no second row of its name). */
    static void assertEveryAcknowledgedSystemOnce(StoppablePostgres postgres, Map<String, String> acknowledged)
            throws Exception {
        Map<String, Integer> rowsByName = new LinkedHashMap<>();
        try (Connection connection = postgres.connect(DATABASE);
                PreparedStatement query = connection.prepareStatement("SELECT id, name FROM wb_system");
                ResultSet rows = query.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
                rowsByName.merge(rows.getString(2), 1, Integer::sum);
            }
            assertThat(ids).as("acknowledged systems present").containsAll(acknowledged.keySet());
        }
        acknowledged
                .values()
                .forEach(name ->
                        assertThat(rowsByName.get(name)).as("rows of %s", name).isEqualTo(1));
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database) {
        Map<String, Object> settings = new LinkedHashMap<>(database);
        settings.put("server.port", 0);
        settings.put("camunda.bpm.webapp.enabled", false);
        settings.put("camunda.bpm.process-engine-name", "outage");
        settings.put("camunda.bpm.job-execution.enabled", true);
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(WaarborgApplication.class).run(args.toArray(String[]::new));
    }
}
