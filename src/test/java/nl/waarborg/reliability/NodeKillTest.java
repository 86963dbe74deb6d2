package nl.waarborg.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.bench.Anomalies;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Waarborg nodes (JVMs of their own) on one PostgreSQL while clients take systems through their cycles on both;
 * one node is killed with kill -9 while it runs gate-deadline jobs and has writes in flight. Then: the survivor runs
 * the dead node's jobs once their locks expire (within the configured lock time plus the acquisition's longest wait),
 * and a checker finds no acknowledged write lost, nothing done twice, no half-frozen version and a valid audit chain.
 * While every job thread of both nodes is busy in a job that cannot finish, reads on both nodes still get connections
 * and answer (jobs cannot starve requests). Figures: docs/reliability.md.
 */
@Tag("reliability")
class NodeKillTest {

    private static final String DATABASE = "waarborg_cluster";
    /** Shorter than the default 45 s and 10 s, so the test runs fast; the bound is taken from these settings. */
    private static final long LOCK_MILLIS = 10_000;

    private static final long MAX_WAIT_MILLIS = 5_000;
    /** The dead node's jobs must be done within this after the kill: lock time, longest wait, and room to run them. */
    private static final long PICK_UP_BOUND_MILLIS = LOCK_MILLIS + MAX_WAIT_MILLIS + 10_000;

    private static final int PARKED = 14;
    private static final long READ_BOUND_MILLIS = 3_000;

    @TempDir
    Path directory;

    @Test
    void aKilledNodeLosesNothingAcknowledgedAndItsJobsRunOnTheSurvivor() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.start(directory.resolve("pg"), DATABASE);
                ForkedWaarborg a = node(postgres, "a");
                ForkedWaarborg b = node(postgres, "b")) {
            List<ForkedWaarborg> nodes = List.of(a, b);
            // Closed in reverse: the audit head is released before the clients are stopped, also when a check fails.
            try (CycleLoad load = new CycleLoad(nodes, List.of("a", "b"), List.of(true, true, false, false, true));
                    ClusterDatabase db = new ClusterDatabase(postgres, DATABASE)) {
                run(db, nodes, load, postgres);
            }
        }
    }

    private void run(ClusterDatabase db, List<ForkedWaarborg> nodes, CycleLoad load, StoppablePostgres postgres)
            throws Exception {
        awaitThat(240_000, () -> load.parked.size() >= PARKED && !load.approvals.isEmpty(), "load under way");

        // Every audited transaction now waits just before its commit, the gate-deadline jobs among them.
        db.holdAuditHead();
        List<String> due = db.makeGateTimersDue(new ArrayList<>(load.parked));
        Map<String, String> owners = new LinkedHashMap<>();
        awaitThat(3 * MAX_WAIT_MILLIS + 10_000, () -> {
            owners.putAll(db.lockOwnersByNode(due));
            return !owners.isEmpty();
        });
        assertThat(owners)
                .as("nodes running due jobs; jobs: %s", db.describe(due))
                .isNotEmpty();
        // Give the other node's acquisition its longest wait to take jobs too, then measure reads on both.
        ForkedWaarborg.sleep(MAX_WAIT_MILLIS);
        owners.putAll(db.lockOwnersByNode(due));
        Map<String, Object> starvation = readsWhileJobsHang(db, nodes, due);

        // The victim is a node that is running jobs (a, when both are).
        int victim = owners.containsKey("waarborg-a") ? 0 : 1;
        String survivorName = victim == 0 ? "b" : "a";
        ForkedWaarborg survivor = nodes.get(1 - victim);
        List<String> victimsJobs = db.openJobs(due, owners.get("waarborg-" + (victim == 0 ? "a" : "b")));
        assertThat(victimsJobs).as("jobs locked by the node to be killed").isNotEmpty();
        long acknowledgedBefore = load.completions.size();
        long killedAt = System.nanoTime();
        nodes.get(victim).kill();
        db.releaseAuditHead();
        awaitThat(PICK_UP_BOUND_MILLIS, () -> db.openJobs(victimsJobs, null).isEmpty(), "dead node's jobs run");
        long pickUpMillis = (System.nanoTime() - killedAt) / 1_000_000;
        awaitThat(60_000, () -> db.openJobs(due, null).isEmpty(), "all due jobs run");
        long survivorBefore = load.count(survivorName + " 204");
        ForkedWaarborg.sleep(3_000);
        load.close();

        System.out.printf(
                "[reliability] node kill: %d due jobs, nodes running them %s (%d locked by the killed node, run by"
                        + " the survivor %d ms after the kill, bound %d ms); reads while every job thread hung: %s; %d systems,"
                        + " %d cycles, %d completions (%d before the kill), %d approvals, %d approvals unknown;"
                        + " statuses %s%n",
                due.size(),
                owners.keySet(),
                victimsJobs.size(),
                pickUpMillis,
                PICK_UP_BOUND_MILLIS,
                starvation,
                load.systems.size(),
                load.cycles.size(),
                load.completions.size(),
                acknowledgedBefore,
                load.approvals.size(),
                load.unknownApprovals.get(),
                load.statuses);
        for (String job : victimsJobs) {
            assertThat(db.successfulRuns(job)).as("runs of job %s", job).containsExactly("node-" + survivorName);
        }
        assertThat(load.failures).as("answers other than 2xx").isEmpty();
        assertThat(load.count(survivorName + " 0"))
                .as("requests the survivor did not answer")
                .isZero();
        assertThat(load.count(survivorName + " 204"))
                .as("survivor keeps serving")
                .isGreaterThan(survivorBefore);
        JdbcClient jdbc = JdbcClient.create(postgres.dataSource(DATABASE));
        new KillChecker(jdbc, survivor, load).check();
        assertThat(Anomalies.integrity(jdbc, due))
                .allSatisfy((check, found) -> assertThat(found).as(check).isZero());
    }

    /**
     * Reads on every node while each node's job threads hang in jobs and more due jobs wait: each must answer 200 within
     * the bound (a starved pool would answer 503 after its 2 s connection timeout).
     */
    private Map<String, Object> readsWhileJobsHang(ClusterDatabase db, List<ForkedWaarborg> nodes, List<String> due)
            throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dueNotTaken", db.dueUnlocked(due));
        for (int n = 0; n < nodes.size(); n++) {
            String name = n == 0 ? "a" : "b";
            figures.put("waitingConnections " + name, db.waitingConnections("waarborg-" + name));
            long slowest = 0;
            for (int i = 0; i < 5; i++) {
                for (String[] read : new String[][] {
                    {"fg", "/api/tasks?limit=100"}, {"lead", "/api/systems"}, {"manager", "/api/oversight/blocked"}
                }) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = nodes.get(n).api(read[0]).get(read[1]);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    slowest = Math.max(slowest, millis);
                    assertThat(answer.statusCode()).as(name + " " + read[1]).isEqualTo(200);
                    assertThat(millis).as(name + " " + read[1]).isLessThan(READ_BOUND_MILLIS);
                }
            }
            assertThat(Http.api(nodes.get(n).port()).get("/actuator/health").statusCode())
                    .isEqualTo(200);
            figures.put("slowestReadMs " + name, slowest);
        }
        return figures;
    }

    private ForkedWaarborg node(StoppablePostgres postgres, String name) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(postgres.settings(DATABASE));
        settings.remove(TestDatabaseInitializer.KEEP_DATASOURCE); // ForkedWaarborg sets it
        settings.put(
                "spring.datasource.url", settings.get("spring.datasource.url") + "&ApplicationName=waarborg-" + name);
        settings.put("camunda.bpm.job-execution.enabled", true); // the tests' config/application.yaml turns it off
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS);
        settings.put("camunda.bpm.job-execution.max-wait", MAX_WAIT_MILLIS);
        settings.put("camunda.bpm.generic-properties.properties.hostname", "node-" + name);
        return ForkedWaarborg.start("cluster-" + name, Files.createDirectories(directory.resolve(name)), settings);
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits until the condition holds or the time is up (the caller asserts what it needs). */
    static boolean awaitThat(long millis, Condition condition) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            ForkedWaarborg.sleep(250);
        }
        return true;
    }

    static void awaitThat(long millis, Condition condition, String what) throws Exception {
        assertThat(awaitThat(millis, condition))
                .as("%s within %d ms", what, millis)
                .isTrue();
    }
}
