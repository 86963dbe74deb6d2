package nl.waarborg.reliability;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.support.Http;

/**
 * Clients that register systems as fast as they are answered, until stopped: every 201 is an acknowledged write
 * (id and name recorded), every other answer is counted by status, with the slowest failure. A client whose request
 * finds no server (a killed node) counts it as status 0 and carries on.
 */
final class SystemLoad implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final Map<Integer, AtomicLong> statuses = new ConcurrentSkipListMap<>();
    final AtomicLong slowestFailureMillis = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService clients;

    /** @param client gives client number i its HTTP client (as a project lead) */
    SystemLoad(String label, int clientCount, IntFunction<Http> client) {
        clients = Executors.newFixedThreadPool(clientCount);
        for (int c = 0; c < clientCount; c++) {
            int number = c;
            clients.submit(() -> run(label + " " + number + "-", client.apply(number)));
        }
    }

    private void run(String prefix, Http http) {
        for (int i = 0; !stopped.get(); i++) {
            String name = prefix + i;
            long start = System.nanoTime();
            int status;
            try {
                HttpResponse<String> answer = http.postJson(
                        "/api/systems",
                        "{\"name\":\"" + name + "\",\"description\":\"Belasting\",\"department\":\"Test\"}");
                status = answer.statusCode();
                if (status == 201) {
                    Matcher id = ID.matcher(answer.body());
                    if (id.find()) {
                        acknowledged.put(id.group(1), name);
                    }
                }
            } catch (RuntimeException noServer) {
                status = 0;
            }
            if (status != 201) {
                slowestFailureMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                ForkedWaarborg.sleep(250); // a client that retries, but not in a tight loop
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
    }

    long count(int status) {
        AtomicLong count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }
}
