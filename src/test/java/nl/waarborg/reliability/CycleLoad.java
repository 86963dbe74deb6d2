package nl.waarborg.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import nl.waarborg.lifecycle.FullLifecycleApiTest;
import nl.waarborg.support.Http;

/**
 * Clients that take systems through their assessment cycle over HTTP against several nodes, as people would: register,
 * start the cycle, then read the system's open step and complete it as the user whose step it is (pre-scan and IAMA
 * parts as the project lead, the three gates as privacy officer, ethics committee and alderman, then the action point).
 * Drivers run whole cycles; parkers stop each system at the privacy officer's gate, whose service-level timer a test
 * can make due. A request that finds no server (a killed node) has an unknown outcome: the client moves to the next
 * node, reads the system again and carries on from what it finds, so a completion is never sent twice blindly. Every
 * acknowledged write is recorded, with the statuses per node.
 */
final class CycleLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATE = "privacy-officer-advice";

    /** Acknowledged writes: registered systems (id to name), started cycles, completed tasks (id to activity). */
    final Map<String, String> systems = new ConcurrentHashMap<>();

    final Set<String> cycles = ConcurrentHashMap.newKeySet();
    final Map<String, String> completions = new ConcurrentHashMap<>();
    /** Systems whose alderman approval was acknowledged, and alderman completions whose outcome is unknown. */
    final Set<String> approvals = ConcurrentHashMap.newKeySet();

    final AtomicLong unknownApprovals = new AtomicLong();
    /** Systems a parker left waiting at the privacy officer's gate. */
    final Set<String> parked = ConcurrentHashMap.newKeySet();
    /** Answers per node and status ("b 204"); status 0 is no answer. Unexpected answers in full (the first 10). */
    final Map<String, AtomicLong> statuses = new ConcurrentSkipListMap<>();

    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private final List<ForkedWaarborg> nodes;
    private final List<String> names;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService clients;

    /** @param roles one entry per client: true for a driver, false for a parker; client i starts on node i mod n */
    CycleLoad(List<ForkedWaarborg> nodes, List<String> names, List<Boolean> roles) {
        this.nodes = nodes;
        this.names = names;
        clients = Executors.newFixedThreadPool(roles.size());
        for (int c = 0; c < roles.size(); c++) {
            Client client = new Client(c, c % nodes.size(), roles.get(c));
            clients.submit(client::run);
        }
    }

    long count(String nodeAndStatus) {
        AtomicLong n = statuses.get(nodeAndStatus);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        clients.shutdown();
        if (!clients.awaitTermination(90, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }

    private final class Client {
        private final int number;
        private final boolean driver;
        private int node;

        Client(int number, int node, boolean driver) {
            this.number = number;
            this.node = node;
            this.driver = driver;
        }

        void run() {
            for (int i = 0; !stopped.get(); i++) {
                try {
                    cycle((driver ? "Doorloop " : "Wacht ") + number + "-" + i);
                } catch (RuntimeException e) {
                    failures.add("client " + number + ": " + e);
                    ForkedWaarborg.sleep(250);
                }
            }
        }

        private void cycle(String name) {
            Answer created = call(
                    "lead",
                    h -> h.postJson(
                            "/api/systems",
                            "{\"name\":\"" + name + "\",\"description\":\"Last\",\"department\":\"Kluster\"}"));
            if (created.statusCode() != 201) {
                return; // no answer: unknown, the checker allows it at most once
            }
            String id = read(created).path("id").asText();
            systems.put(id, name);
            for (int step = 0; step < 40 && !stopped.get(); step++) {
                Answer answer = call("lead", h -> h.get("/api/systems/" + id));
                if (answer.statusCode() != 200) {
                    continue;
                }
                JsonNode system = read(answer);
                JsonNode open = system.path("cycle").path("openSteps");
                if (!system.path("cycle").path("running").asBoolean()) {
                    if (call("lead", h -> h.postJson("/api/systems/" + id + "/cycles", "{}"))
                                    .statusCode()
                            == 201) {
                        cycles.add(id);
                    }
                } else if (open.isEmpty()) {
                    if ("EVALUATE".equals(system.path("phase").asText())) {
                        return; // through the cycle, waiting for its review
                    }
                    ForkedWaarborg.sleep(100);
                } else {
                    String activity = open.get(0).path("activityId").asText();
                    if (!driver && GATE.equals(activity)) {
                        parked.add(id);
                        return;
                    }
                    complete(id, open.get(0).path("taskId").asText(), activity);
                }
            }
        }

        private void complete(String systemId, String taskId, String activity) {
            Map<String, Object> values;
            String user;
            switch (activity) {
                case "fill-in-triage" -> {
                    user = "lead";
                    values = FullLifecycleApiTest.triage();
                }
                case "choose-iama" -> {
                    user = "lead";
                    values = FullLifecycleApiTest.START_IAMA;
                }
                case GATE, "ethics-committee-advice", "alderman-decision" -> {
                    user = GATE.equals(activity) ? "fg" : activity.startsWith("ethics") ? "ethics" : "alderman";
                    values = "alderman".equals(user)
                            ? FullLifecycleApiTest.aldermanApproval("Akkoord na bespreking")
                            : Map.of("decision", "APPROVED", "motivation", "Akkoord na bespreking");
                }
                case "complete-action-point" -> {
                    user = "lead";
                    values = Map.of("actionPointResult", "Uitgevoerd");
                }
                default -> {
                    if (!activity.startsWith("fill-in-iama-part-")) {
                        throw new IllegalStateException("No answer for step " + activity);
                    }
                    user = "lead";
                    values = FullLifecycleApiTest.part(
                            Integer.parseInt(activity.substring(activity.length() - 1)), "Sneller beslissen");
                }
            }
            String body = write(values);
            int status = call(user, h -> h.postJson("/api/tasks/" + taskId + "/complete", body))
                    .statusCode();
            if (status == 204) {
                completions.put(taskId, systemId + " " + activity);
                if ("alderman-decision".equals(activity)) {
                    approvals.add(systemId);
                }
            } else if (status == 0 && "alderman-decision".equals(activity)) {
                unknownApprovals.incrementAndGet();
            }
        }

        /** One request to this client's node; no answer (status 0) moves the client to the next node. */
        private Answer call(String user, Function<Http, HttpResponse<String>> request) {
            int target = node;
            HttpResponse<String> answer;
            try {
                answer = request.apply(nodes.get(target).api(user));
            } catch (RuntimeException noServer) {
                statuses.computeIfAbsent(names.get(target) + " 0", k -> new AtomicLong())
                        .incrementAndGet();
                node = (target + 1) % nodes.size();
                ForkedWaarborg.sleep(100);
                return new Answer(0, "");
            }
            statuses.computeIfAbsent(names.get(target) + " " + answer.statusCode(), k -> new AtomicLong())
                    .incrementAndGet();
            if (answer.statusCode() / 100 != 2 && failures.size() < 10) {
                String body = answer.body();
                failures.add(names.get(target) + " " + answer.request().method() + " "
                        + answer.uri().getPath() + " " + answer.statusCode() + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            return new Answer(answer.statusCode(), answer.body());
        }
    }

    /** A node's answer; status 0 when there was none. */
    record Answer(int statusCode, String body) {}

    static JsonNode read(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + answer.body(), e);
        }
    }

    private static String write(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
