package nl.waarborg.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.support.Http;

/** Response times of one GET over real HTTP on the loopback: a bounded warm-up, then a bounded number of timed requests. */
final class Latency {

    private Latency() {}

    static Map<String, Object> measure(Http http, String path, int warmup, int requests, Duration limit) {
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] last = new HttpResponse[1];
        Map<String, Object> result = measure(path, () -> last[0] = ok(http, path), warmup, requests, limit);
        result.put(
                "totalCount",
                last[0] == null
                        ? null
                        : last[0].headers().firstValue("X-Total-Count").orElse(null));
        result.put("responseBytes", last[0] == null ? 0 : last[0].body().length());
        return result;
    }

    /** Any call, timed the same way (used in-process to separate the query from HTTP, security and JSON). */
    static Map<String, Object> measure(String label, Runnable call, int warmup, int requests, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) {
            call.run();
        }
        double[] millis = new double[requests];
        int n = 0;
        while (n < requests && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            call.run();
            millis[n++] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = Arrays.copyOf(millis, n);
        Arrays.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", label);
        result.put("requests", n);
        result.put("p50Ms", percentile(sorted, 50));
        result.put("p95Ms", percentile(sorted, 95));
        result.put("p99Ms", percentile(sorted, 99));
        result.put("maxMs", n == 0 ? 0 : round(sorted[n - 1]));
        return result;
    }

    private static HttpResponse<String> ok(Http http, String path) {
        HttpResponse<String> response = http.get(path, "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
