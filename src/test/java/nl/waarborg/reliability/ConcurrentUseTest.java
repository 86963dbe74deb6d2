package nl.waarborg.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Users complete tasks while others list them and verify the audit trail (issue 22, A1 and A2): every list answers 2xx
 * whatever is completed during the call, and the audit verification never reports a break that is not there. Each
 * test runs {@code waarborg.reliability.seconds} (default 20 and half that) on H2 and again on PostgreSQL.
 */
@WaarborgIntegrationTest
@Tag("reliability")
class ConcurrentUseTest {

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("waarborg.reliability.seconds", 20));
    /** Open gates kept waiting during the run. */
    private static final int POOL = 24;

    private static final String APPROVE = "{\"decision\":\"APPROVED\",\"motivation\":\"Akkoord\"}";

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ProcessEngine engine;

    private final ObjectMapper json = new ObjectMapper();

    /** What the users saw: status counts per kind of call, and the first few failures in full. */
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    @Autowired
    IdentityService identity;

    /** A project lead of this test's own, so that its many systems stay out of other tests' lists. */
    private String owner;

    /** The gate probes started, deleted at the end: no open gates are left for the tests after this one. */
    private final Queue<String> instances = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void owner() {
        owner = "druk-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.saveWithDemoPassword(identity, identity.newUser(owner));
        identity.createMembership(owner, "project-lead");
    }

    @AfterEach
    void deleteOpenProbes() {
        for (String instance : instances) {
            if (engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count()
                    > 0) {
                engine.getRuntimeService().deleteProcessInstance(instance, "test over");
            }
        }
    }

    @Test
    void listsAnswerWhileOthersCompleteTheirTasks() throws Exception {
        Http fg = Http.api(port).as("fg", "demo");
        Http lead = Http.api(port).as(owner, "demo");
        Http manager = Http.api(port).as("manager", "demo");
        // Open gates that the lists show and the privacy officers decide on: each list call has rows completed under
        // it.
        Queue<String> open = new ConcurrentLinkedQueue<>();
        List<Runnable> setUp = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            setUp.add(() -> {
                for (int n = 0; n < POOL / 4; n++) {
                    open.add(newGate());
                }
            });
        }
        runAll(setUp);
        long deadline = System.nanoTime() + RUN.toNanos();
        List<Runnable> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(() -> {
                while (System.nanoTime() < deadline) {
                    String task = open.poll();
                    if (task != null) {
                        record("complete", fg.postJson("/api/tasks/" + task + "/complete", APPROVE), false);
                    }
                    open.add(newGate());
                }
            });
        }
        List<Consumer<Long>> lists = List.of(
                n -> record("GET /api/tasks", fg.get("/api/tasks?limit=1000", "application/json"), true),
                n -> record("GET /taken", fg.get("/taken"), true),
                n -> record("GET /systemen", lead.get("/systemen"), true),
                n -> record(
                        n % 2 == 0 ? "GET /api/systems" : "GET /toezicht",
                        n % 2 == 0 ? lead.get("/api/systems", "application/json") : manager.get("/toezicht"),
                        true));
        for (Consumer<Long> list : lists) {
            users.add(() -> {
                for (long n = 0; System.nanoTime() < deadline; n++) {
                    list.accept(n);
                }
            });
        }
        runAll(users);

        System.out.printf("[reliability] %s, %d s, 8 users: %s%n", TestDatabases.name(), RUN.toSeconds(), answers);
        assertThat(count("complete 204")).as("completions during the run").isPositive();
        assertThat(failures)
                .as("non-2xx answers on lists; all answers: %s", answers)
                .isEmpty();
    }

    @Test
    void auditVerificationDuringWritesFindsNoBreak() throws Exception {
        Http lead = Http.api(port).as(owner, "demo");
        Http manager = Http.api(port).as("manager", "demo");
        long deadline = System.nanoTime() + RUN.toNanos() / 2;
        List<Runnable> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Each registration appends to the audit chain.
            users.add(() -> {
                while (System.nanoTime() < deadline) {
                    record(
                            "register",
                            lead.postJson("/api/systems", "{\"name\":\"0 keten\",\"department\":\"Drukte\"}"),
                            false);
                }
            });
        }
        for (int i = 0; i < 2; i++) {
            users.add(() -> {
                while (System.nanoTime() < deadline) {
                    HttpResponse<String> verified = manager.get("/api/audit/verify", "application/json");
                    record("GET /api/audit/verify", verified, true);
                    if (verified.statusCode() == 200
                            && !read(verified).path("valid").asBoolean()) {
                        fail("verify", verified);
                    }
                }
            });
        }
        runAll(users);

        System.out.printf("[reliability] %s, audit: %s%n", TestDatabases.name(), answers);
        assertThat(count("register 201")).as("registrations during the run").isPositive();
        assertThat(count("GET /api/audit/verify 200")).as("verifications").isPositive();
        assertThat(failures).as("answers: %s", answers).isEmpty();
        assertThat(read(manager.get("/api/audit/verify", "application/json"))
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    private String newGate() {
        String system = systems.register("0 gelijktijdig " + System.nanoTime(), null, "Drukte", owner)
                .id();
        GateProbe.Probe probe = GateProbe.start(engine, assessments, system, v -> {});
        instances.add(probe.instanceId());
        return probe.taskId();
    }

    private void record(String call, HttpResponse<String> response, boolean mustSucceed) {
        answers.computeIfAbsent(call + " " + response.statusCode(), k -> new AtomicInteger())
                .incrementAndGet();
        if (mustSucceed && response.statusCode() / 100 != 2) {
            fail(call, response);
        }
    }

    private void fail(String call, HttpResponse<String> response) {
        if (failures.size() < 5) {
            String body = response.body();
            failures.add(call + " " + response.statusCode() + ": " + body.substring(0, Math.min(400, body.length())));
        } else {
            failures.add(call + " " + response.statusCode());
        }
    }

    private long count(String key) {
        AtomicInteger n = answers.get(key);
        return n == null ? 0 : n.get();
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runAll(List<Runnable> users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            users.forEach(u -> running.add(pool.submit(u)));
            for (Future<?> f : running) {
                f.get(); // a user that threw fails the test with its exception
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
