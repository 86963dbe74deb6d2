package nl.waarborg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page-timing run ({@code mvn -B -Pbench verify -Dbench.only=pages}) with a handful of requests per page, in the
 * normal test run: it prints its table, and every page must answer 200 on the demo data. No timing is asserted (the
 * target p95 &lt; 300 ms is judged by the bench run, docs/benchmark.md).
 */
class PageTimingsSmokeTest {

    @Test
    void everyPageAnswersOnTheDemoData() throws Exception {
        Path output = Path.of("target", "bench-pages-smoke");
        Files.deleteIfExists(output.resolve("results.json"));

        Benchmark.run(new Benchmark.Settings(0, 1, 1, 0, 1, 3, 1, 0, 1, 1, Benchmark.Settings.PAGES_ONLY, output));

        JsonNode pages = new ObjectMapper()
                .readTree(output.resolve("results.json").toFile())
                .path("pages");
        List<String> names = new ArrayList<>();
        pages.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .contains(
                        "home (admin)",
                        "Mijn taken (fg)",
                        "task page (fg, advice)",
                        "system page (lead)",
                        "/systemen (manager)",
                        "/toezicht (manager)",
                        "version page (fg)",
                        "diff 1 to 2 (alderman)",
                        "PDF export (alderman)",
                        "public register",
                        "algoritmeregister entry (lead)",
                        "Beheer (admin)",
                        "Beheer: stuck work (admin)");
        pages.fields().forEachRemaining(page -> {
            assertThat(page.getValue().path("status").asInt())
                    .as("status of %s", page.getKey())
                    .isEqualTo(200);
            assertThat(page.getValue().path("requests").asInt())
                    .as("timed requests of %s", page.getKey())
                    .isEqualTo(3);
        });
    }
}
