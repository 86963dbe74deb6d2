package nl.waarborg.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.support.Http;

/**
 * The lists people open most, over HTTP at the portfolio's size (issue 22): the register's default page
 * ({@code GET /api/systems}, 100 systems) as a project lead, and "Mijn taken" ({@code GET /api/tasks}, 100 tasks) as the
 * privacy officer, a reviewer whose group has a share of every open gate. Target: p95 under 100 ms each.
 */
final class Lists {

    static final double TARGET_P95_MS = 100;

    private Lists() {}

    static Map<String, Object> measure(int port, Benchmark.Settings settings) {
        Map<String, Object> lists = new LinkedHashMap<>();
        lists.put(
                "systemsDefaultPage",
                Latency.measure(
                        Http.api(port).as("lead", "demo"),
                        "/api/systems",
                        settings.warmup(),
                        settings.requests(),
                        Benchmark.HTTP_LIMIT));
        lists.put(
                "myTasksReviewer",
                Latency.measure(
                        Http.api(port).as("fg", "demo"),
                        "/api/tasks",
                        settings.warmup(),
                        settings.requests(),
                        Benchmark.HTTP_LIMIT));
        return lists;
    }

    /** The two targets, PASS or FAIL, added to the benchmark's targets. */
    static void targets(Map<String, Object> results, Benchmark.Settings settings, Map<String, Object> targets) {
        Map<?, ?> lists = (Map<?, ?>) results.get("lists");
        target(targets, "systemsListP95Under100ms", lists, "systemsDefaultPage", settings);
        target(targets, "myTasksP95Under100ms", lists, "myTasksReviewer", settings);
    }

    private static void target(
            Map<String, Object> targets, String name, Map<?, ?> lists, String key, Benchmark.Settings settings) {
        double p95 = lists == null ? Double.NaN : (double) ((Map<?, ?>) lists.get(key)).get("p95Ms");
        Object total = lists == null ? null : ((Map<?, ?>) lists.get(key)).get("totalCount");
        targets.put(
                name,
                Benchmark.verdict(
                        p95 < TARGET_P95_MS,
                        String.format("p95 %.1f ms, default page of %s at %,d systems", p95, total, settings.systems())
                                + (settings.systems() < 10_000 ? "; the target is set for 10,000 systems" : "")));
    }
}
