package nl.waarborg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark with a tiny portfolio, in the normal test run, so that it cannot rot: it must finish, write
 * results.json and find no anomaly. No timings are asserted (those are for `mvn -Pbench verify`, docs/benchmark.md).
 */
class BenchmarkSmokeTest {

    @Test
    void theBenchmarkRunsEndToEndAndFindsNoAnomaly() throws Exception {
        Path output = Path.of("target", "bench-smoke");
        Files.deleteIfExists(output.resolve("results.json"));

        Benchmark.run(new Benchmark.Settings(26, 2, 2, 1, 1, 10, 2, 3, 1, 1, "", output));

        Path file = output.resolve("results.json");
        assertThat(file).exists();
        JsonNode results = new ObjectMapper().readTree(file.toFile());
        assertThat(results.at("/seed/systems").asInt()).isEqualTo(26);
        assertThat(results.at("/seed/openWaits").asLong()).isPositive();
        assertThat(results.at("/seed/bareEngines/bareEngine/instances").asInt()).isEqualTo(26);
        assertThat(results.at("/seed/bareEngines/bareEngineWithAuthorization/instances")
                        .asInt())
                .isEqualTo(26);
        assertThat(results.at("/throughput/waarborgOneNode/cycles").asLong()).isEqualTo(4);
        assertThat(results.at("/throughput/bareEngine/cycles").asLong()).isEqualTo(4);
        assertThat(results.at("/throughput/bareEngineWithAuthorization/cycles").asLong())
                .isEqualTo(4);
        assertThat(results.at("/scaleOut/twoNodes/cycles").asLong()).isEqualTo(4);
        assertThat(results.at("/scaleOut/dueTimers").asInt()).isEqualTo(3);
        assertThat(results.at("/scaleOut/dueTimersBothRuns").asInt()).isEqualTo(6);
        assertThat(results.at("/scaleOut/dueTimersAllRan").asBoolean()).isTrue();
        results.at("/scaleOut/anomalies")
                .fields()
                .forEachRemaining(check -> assertThat(check.getValue().asLong())
                        .as("anomaly check %s", check.getKey())
                        .isZero());
        assertThat(results.at("/lists/systemsDefaultPage/requests").asInt()).isEqualTo(10);
        assertThat(results.at("/lists/myTasksReviewer/totalCount").asLong()).isPositive();
        assertThat(results.at("/targets").size()).isEqualTo(6);
    }
}
