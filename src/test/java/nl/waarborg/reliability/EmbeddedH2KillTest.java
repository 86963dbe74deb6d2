package nl.waarborg.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default embedded H2 database (the URL of application.yaml, under ./data of the working directory) keeps every
 * write it acknowledged when the JVM is killed with kill -9 right after an acknowledgement: Waarborg runs in a JVM of
 * its own, clients register systems until one is acknowledged after the target, the node is killed at once, started
 * again on the same files, and every acknowledged system must be there, once.
 */
@Tag("reliability")
class EmbeddedH2KillTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 120;

    @TempDir
    Path workingDirectory;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> name
        AtomicBoolean killed = new AtomicBoolean();
        ForkedWaarborg first = ForkedWaarborg.start("h2-kill-before", workingDirectory, Map.of());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    Http lead = first.api("lead");
                    for (int i = 0; !killed.get(); i++) {
                        String name = "Kill " + client + "-" + i;
                        try {
                            HttpResponse<String> created = lead.postJson(
                                    "/api/systems",
                                    "{\"name\":\"" + name
                                            + "\",\"description\":\"Duurzaamheid\",\"department\":\"Test\"}");
                            if (created.statusCode() == 201) {
                                Matcher id = ID.matcher(created.body());
                                assertThat(id.find()).isTrue();
                                acknowledged.put(id.group(1), name);
                                // Killed the moment the target is acknowledged: this write and those just before it
                                // are the ones a delayed write to disk would lose.
                                if (acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL
                                        && killed.compareAndSet(false, true)) {
                                    first.kill();
                                }
                            }
                        } catch (RuntimeException connectionLost) {
                            return; // the node is gone: this request was never acknowledged
                        }
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.kill();
            clients.shutdownNow();
        }
        assertThat(killed).isTrue();

        try (ForkedWaarborg second = ForkedWaarborg.start("h2-kill-after", workingDirectory, Map.of())) {
            Http lead = second.api("lead");
            List<String> lost = acknowledged.keySet().stream()
                    .filter(id -> lead.get("/api/systems/" + id).statusCode() != 200)
                    .toList();
            assertThat(lost)
                    .as("acknowledged registrations missing after kill -9 (of %d)", acknowledged.size())
                    .isEmpty();
            HttpResponse<String> all = lead.get("/api/systems?limit=1000");
            assertThat(all.statusCode()).isEqualTo(200);
            for (String name : acknowledged.values()) {
                assertThat(all.body().split(Pattern.quote("\"" + name + "\""), -1).length - 1)
                        .as("system %s registered once", name)
                        .isEqualTo(1);
            }
        }
    }
}
