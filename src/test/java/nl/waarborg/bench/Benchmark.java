package nl.waarborg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.oversight.OversightService;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Portfolio-scale benchmark on PostgreSQL 17 (embedded): seeds N systems through the engine, measures the oversight
 * over HTTP, the throughput of full IAMA cycles against a bare engine, and two nodes on one database with anomaly
 * checks. Prints a table and writes results.json. Run: {@code mvn -B -Pbench verify} (see docs/benchmark.md).
 */
public final class Benchmark {

    /** Settings, from system properties {@code bench.*} (see {@link #fromSystemProperties()}). */
    public record Settings(
            int systems,
            int threads,
            int cyclesPerThread,
            int warmupCycles,
            int rounds,
            int requests,
            int warmup,
            int dueTimers,
            int seedThreads,
            int seedBatch,
            String only,
            Path output) {

        /** {@code bench.only}: everything (empty), or only the seed and the read measurements at scale. */
        public static final String OVERSIGHT_ONLY = "oversight";

        /** {@code bench.only}: only the page timings on the demo data ({@link PageTimings}), no seed of N systems. */
        public static final String PAGES_ONLY = "pages";

        public Settings {
            if (!only.isEmpty() && !only.equals(OVERSIGHT_ONLY) && !only.equals(PAGES_ONLY)) {
                throw new IllegalArgumentException("bench.only must be empty, '" + OVERSIGHT_ONLY + "' or '"
                        + PAGES_ONLY + "', not '" + only + "'");
            }
            if (seedBatch < 1) {
                throw new IllegalArgumentException("bench.seed-batch must be at least 1, not " + seedBatch);
            }
        }

        /** Whether only the oversight and list measurements run (no throughput, no second node). */
        boolean oversightOnly() {
            return only.equals(OVERSIGHT_ONLY);
        }

        /** Whether only the page timings run. */
        boolean pagesOnly() {
            return only.equals(PAGES_ONLY);
        }

        public static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.systems", 10_000),
                    Integer.getInteger("bench.threads", 4),
                    Integer.getInteger("bench.cycles-per-thread", 50),
                    Integer.getInteger("bench.warmup-cycles", 10),
                    Integer.getInteger("bench.rounds", 5),
                    Integer.getInteger("bench.requests", 200),
                    Integer.getInteger("bench.warmup", 30),
                    Integer.getInteger("bench.due-timers", 100),
                    Integer.getInteger("bench.seed-threads", 2),
                    Integer.getInteger("bench.seed-batch", 1),
                    System.getProperty("bench.only", "").trim(),
                    Path.of(System.getProperty("bench.output", "target/bench")));
        }
    }

    static final Duration SEED_LIMIT = Duration.ofMinutes(Long.getLong("bench.seed-minutes", 30));
    static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    static final Duration HTTP_LIMIT = Duration.ofMinutes(2);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try {
            run(Settings.fromSystemProperties());
        } catch (Throwable t) {
            t.printStackTrace();
            exit = 1;
        }
        // Spring contexts and the embedded database leave non-daemon threads behind; they were closed above.
        System.exit(exit);
    }

    /** Runs every part of the benchmark and returns what results.json holds. */
    public static Map<String, Object> run(Settings settings) throws Exception {
        int run = RUNS.incrementAndGet();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("takenAt", Instant.now().toString());
        results.put("machine", machine());
        results.put("settings", settings);
        StatementProfile.configure();
        if (settings.pagesOnly()) {
            return pages(results, settings, run);
        }
        Map<String, Object> mainDb =
                database("bench_main_" + ProcessHandle.current().pid() + "_" + run);

        WaarborgNode first = WaarborgNode.start("benchnode" + run + "a", mainDb, Map.of());
        WaarborgNode second = null;
        try {
            // 1. Seed
            long t0 = System.nanoTime();
            int seeded = new Seeder(first)
                    .seed(settings.systems(), settings.seedThreads(), settings.seedBatch(), SEED_LIMIT);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            JdbcClient jdbc = first.bean(JdbcClient.class);
            Map<String, Object> seed = new LinkedHashMap<>();
            seed.put("systems", seeded);
            seed.put("seconds", Latency.round(seedSeconds));
            seed.put("systemsPerSecond", Latency.round(seeded / seedSeconds));
            seed.put(
                    "openWaits",
                    jdbc.sql("SELECT COUNT(*) FROM wb_open_wait")
                            .query(Long.class)
                            .single());
            seed.put(
                    "waitsPerGate",
                    jdbc
                            .sql("SELECT gate, COUNT(*) AS n FROM wb_open_wait GROUP BY gate ORDER BY gate")
                            .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                            .list()
                            .stream()
                            .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
            seed.put(
                    "systemsPerPhase",
                    jdbc
                            .sql("SELECT phase, COUNT(*) FROM wb_system GROUP BY phase ORDER BY phase")
                            .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                            .list()
                            .stream()
                            .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
            results.put("seed", seed);
            System.out.printf("[bench] seeded %,d systems in %.1f s%n", seeded, seedSeconds);
            analyze(jdbc);

            // 2. Oversight over HTTP
            Http manager = Http.api(first.port()).as("manager", "demo");
            String department = URLEncoder.encode(Seeder.department(6), StandardCharsets.UTF_8);
            Map<String, Object> oversight = new LinkedHashMap<>();
            oversight.put(
                    "blockedDefaultPage",
                    Latency.measure(
                            manager, "/api/oversight/blocked", settings.warmup(), settings.requests(), HTTP_LIMIT));
            oversight.put(
                    "blockedDepartment",
                    Latency.measure(
                            manager,
                            "/api/oversight/blocked?department=" + department,
                            settings.warmup(),
                            settings.requests(),
                            HTTP_LIMIT));
            oversight.put(
                    "blockedScreenPage",
                    Latency.measure(
                            manager,
                            "/api/oversight/blocked?limit=50",
                            settings.warmup(),
                            settings.requests(),
                            HTTP_LIMIT));
            oversight.put(
                    "statistics",
                    Latency.measure(
                            manager, "/api/oversight/statistics", settings.warmup(), settings.requests(), HTTP_LIMIT));
            oversight.put(
                    "managerPage",
                    Latency.measure(manager, "/toezicht", settings.warmup(), settings.requests(), HTTP_LIMIT));
            // The same page in-process (service only: queries and mapping, no HTTP, security or JSON)
            OversightService service = first.bean(OversightService.class);
            String plainDepartment = Seeder.department(6);
            oversight.put(
                    "serviceDefaultPage",
                    Latency.measure(
                            "service: blocked page + count",
                            () -> {
                                service.blocked(null, null, 100, 0);
                                service.countBlocked(null, null);
                            },
                            settings.warmup(),
                            settings.requests(),
                            HTTP_LIMIT));
            oversight.put(
                    "serviceDepartment",
                    Latency.measure(
                            "service: department page + count",
                            () -> {
                                service.blocked(plainDepartment, null, 100, 0);
                                service.countBlocked(plainDepartment, null);
                            },
                            settings.warmup(),
                            settings.requests(),
                            HTTP_LIMIT));
            results.put("oversight", oversight);
            results.put("lists", Lists.measure(first.port(), settings));
            results.put("databaseMegabytes", databaseMegabytes(jdbc));
            if (settings.oversightOnly()) {
                return finish(results, settings);
            }

            // 3 and 4. Throughput and scale-out, in `rounds` rounds of four runs each: the bare engine without and with
            // authorization checks, Waarborg with all clients on node A, Waarborg with the clients spread over A and B.
            // Every engine and both nodes start before the first round and stay up, so each run has the same background
            // (job executors, pools) and, after the first round, warm code and connections; each figure is the median
            // over the rounds. Every run carries the same job load: dueTimers service-level timers made due now.
            second = WaarborgNode.start("benchnode" + run + "b", mainDb, Map.of());
            Map<String, Object> bareDb =
                    database("bench_bare_" + ProcessHandle.current().pid() + "_" + run);
            Map<String, Object> bareAuthDb =
                    database("bench_bareauth_" + ProcessHandle.current().pid() + "_" + run);
            ProcessEngine bareEngine = BareEngine.start("benchbare" + run, bareDb, false);
            ProcessEngine bareAuthEngine = BareEngine.start("benchbareauth" + run, bareAuthDb, true);
            // The yardsticks hold a portfolio of the same size, so that every configuration runs against tables of
            // the same order (until 2026-11-24 they ran on empty databases; docs/benchmark.md, fix 7).
            Map<String, Object> bareSeed = new LinkedHashMap<>();
            for (Map.Entry<String, ProcessEngine> e : Map.of(
                            "bareEngine", bareEngine, "bareEngineWithAuthorization", bareAuthEngine)
                    .entrySet()) {
                long s0 = System.nanoTime();
                int instances = BareEngine.seed(e.getValue(), settings.systems(), settings.seedThreads(), SEED_LIMIT);
                bareSeed.put(
                        e.getKey(),
                        Map.of("instances", instances, "seconds", Latency.round((System.nanoTime() - s0) / 1e9)));
            }
            seed.put("bareEngines", bareSeed);
            System.out.printf("[bench] seeded the bare engines: %s%n", bareSeed);
            List<String> dueJobs = new ArrayList<>();
            WaarborgNode nodeB = second;
            Map<String, Run> configurations = new LinkedHashMap<>();
            // The yardsticks carry the same job load as Waarborg: the same number of their seeded gate timers made due
            // before each run (their escalation does nothing there; Waarborg's writes the audit trail). Until fix 8
            // only
            // the Waarborg runs had this work, which counted against Waarborg in the ratio.
            List<String> bareDueJobs = new ArrayList<>();
            configurations.put(
                    "bareEngine",
                    r -> withDueTimers(
                            List.of(bareEngine),
                            settings,
                            bareDueJobs,
                            () -> driveBare(bareEngine, "bare" + r, false, settings, jdbc)));
            configurations.put(
                    "bareEngineWithAuthorization",
                    r -> withDueTimers(
                            List.of(bareAuthEngine),
                            settings,
                            bareDueJobs,
                            () -> driveBare(bareAuthEngine, "bareauth" + r, true, settings, jdbc)));
            configurations.put(
                    "waarborgOneNode",
                    r -> withDueTimers(
                            List.of(first.engine(), nodeB.engine()),
                            settings,
                            dueJobs,
                            () -> driveWaarborg(List.of(first), settings, "one " + r)));
            configurations.put(
                    "waarborgTwoNodes",
                    r -> withDueTimers(
                            List.of(first.engine(), nodeB.engine()),
                            settings,
                            dueJobs,
                            () -> driveWaarborg(List.of(first, nodeB), settings, "two " + r)));
            Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
            int bareTimersMadeDue;
            configurations.keySet().forEach(name -> runs.put(name, new ArrayList<>()));
            try {
                for (int round = 1; round <= settings.rounds(); round++) {
                    List<String> order = new ArrayList<>(configurations.keySet());
                    if (round % 2 == 0) {
                        // Every other round in reverse, so that drift during the rounds (tables growing, autovacuum)
                        // does
                        // not always fall on the same configuration.
                        Collections.reverse(order);
                    }
                    for (String name : order) {
                        runs.get(name).add(configurations.get(name).run("r" + round));
                    }
                }
                bareTimersMadeDue = bareDueJobs.size();
            } finally {
                bareEngine.close();
                bareAuthEngine.close();
            }
            Map<String, Object> oneNode = median(runs.get("waarborgOneNode"));
            Map<String, Object> twoNodes = median(runs.get("waarborgTwoNodes"));
            Map<String, Object> bare = median(runs.get("bareEngine"));
            Map<String, Object> bareAuthorized = median(runs.get("bareEngineWithAuthorization"));
            Map<String, Object> throughput = new LinkedHashMap<>();
            throughput.put("waarborgOneNode", oneNode);
            throughput.put("bareEngine", bare);
            throughput.put("bareEngineWithAuthorization", bareAuthorized);
            // Ratios are taken within each round (the runs of one round saw the same database size and machine state)
            // and
            // the median of those is the figure; the ratio of the separate medians is kept for comparison.
            throughput.put("ratio", medianRatio(runs.get("waarborgOneNode"), runs.get("bareEngine")));
            throughput.put(
                    "ratioToBareWithAuthorization",
                    medianRatio(runs.get("waarborgOneNode"), runs.get("bareEngineWithAuthorization")));
            throughput.put(
                    "authorizationRatio", medianRatio(runs.get("bareEngineWithAuthorization"), runs.get("bareEngine")));
            throughput.put(
                    "ratioOfMedians",
                    Latency.round((double) oneNode.get("cyclesPerSecond") / (double) bare.get("cyclesPerSecond")));
            throughput.put("dueTimersPerRun", settings.dueTimers());
            throughput.put("bareEnginesDueTimers", bareTimersMadeDue);
            throughput.put("rounds", runs);
            results.put("throughput", throughput);

            boolean allRan = awaitJobs(first.engine().getManagementService(), dueJobs, Duration.ofMinutes(2));
            long cycles = runs.get("waarborgOneNode").stream()
                            .mapToLong(m -> (long) m.get("cycles"))
                            .sum()
                    + runs.get("waarborgTwoNodes").stream()
                            .mapToLong(m -> (long) m.get("cycles"))
                            .sum()
                    + 2L * settings.rounds() * settings.threads() * settings.warmupCycles();
            Map<String, Long> anomalies = Anomalies.check(jdbc, cycles, dueJobs);
            boolean auditValid = first.bean(AuditTrail.class).verify().valid();
            anomalies.put("auditChainBroken", auditValid ? 0L : 1L);
            long jobConflicts = jdbc.sql(
                            "SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1 AND job_exception_msg_ LIKE '%ptimistic%'")
                    .query(Long.class)
                    .single();
            Map<String, Object> scale = new LinkedHashMap<>();
            scale.put("oneNode", oneNode);
            scale.put("twoNodes", twoNodes);
            scale.put("speedup", medianRatio(runs.get("waarborgTwoNodes"), runs.get("waarborgOneNode")));
            scale.put(
                    "speedupOfMedians",
                    Latency.round((double) twoNodes.get("cyclesPerSecond") / (double) oneNode.get("cyclesPerSecond")));
            scale.put("dueTimers", settings.dueTimers());
            scale.put("dueTimersBothRuns", dueJobs.size());
            scale.put("dueTimersAllRan", allRan);
            scale.put("jobConflicts", jobConflicts);
            scale.put("anomalies", anomalies);
            results.put("scaleOut", scale);
        } finally {
            if (second != null) {
                second.close();
            }
            first.close();
        }
        return finish(results, settings);
    }

    /**
     * The page timings alone: one node on a fresh database with the demo portfolio (as {@code mvn spring-boot:run}
     * makes it), every page timed as the role that opens it.
     */
    private static Map<String, Object> pages(Map<String, Object> results, Settings settings, int run) throws Exception {
        Map<String, Object> db =
                database("bench_pages_" + ProcessHandle.current().pid() + "_" + run);
        try (WaarborgNode node = WaarborgNode.start("benchpages" + run, db, Map.of("waarborg.demo.seed", true))) {
            results.put("pages", PageTimings.measure(node, settings));
        }
        return finish(results, settings);
    }

    /** Adds the verdicts, writes results.json and prints the table. */
    private static Map<String, Object> finish(Map<String, Object> results, Settings settings) throws IOException {
        results.put("targets", targets(results, settings));
        Files.createDirectories(settings.output());
        Path file = settings.output().resolve("results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
        System.out.println(Report.table(results));
        System.out.println("[bench] wrote " + file.toAbsolutePath());
        return results;
    }

    /**
     * Clients on Waarborg: thread t works on node t mod nodes; each system runs two rounds, so versions go 1..2.
     * Warm-up cycles run on systems of their own, one round each.
     */
    static Map<String, Object> driveWaarborg(List<WaarborgNode> nodes, Settings settings, String label)
            throws Exception {
        int pool = Math.max(1, (settings.cyclesPerThread() + 2) / 2);
        String[][] systems = new String[settings.threads()][pool + settings.warmupCycles()];
        SystemRegistry registry = nodes.get(0).bean(SystemRegistry.class);
        for (int t = 0; t < settings.threads(); t++) {
            for (int s = 0; s < pool + settings.warmupCycles(); s++) {
                systems[t][s] = registry.register(
                                "Doorloop " + label + " " + t + "-" + s, "Benchmark", Seeder.department(t), "lead")
                        .id();
            }
        }
        List<ProcessEngine> engines = nodes.stream().map(WaarborgNode::engine).toList();
        JdbcClient jdbc = nodes.get(0).bean(JdbcClient.class);
        return drive(
                engines, settings, jdbc, "waarborg-" + label.replace(' ', '-'), (engine, thread, index, counters) -> {
                    // negative indexes are warm-up cycles, each on a system of its own
                    String system = index < 0 ? systems[thread][pool - 1 - index] : systems[thread][index % pool];
                    IamaCycles.waarborg(engine, system, index < 0 ? 1 : index / pool + 1, counters);
                });
    }

    /** The bare engine, driven like Waarborg. */
    static Map<String, Object> driveBare(
            ProcessEngine engine, String label, boolean authorization, Settings settings, JdbcClient statements)
            throws Exception {
        return drive(
                List.of(engine),
                settings,
                statements,
                label + (authorization ? "-bare-engine-with-authorization" : "-bare-engine"),
                (e, thread, index, counters) ->
                        IamaCycles.bare(e, label + "-" + thread + "-" + index, authorization, counters));
    }

    /**
     * A run with dueTimers of the engine's seeded gate timers made due just before it; the run's result says how many
     * of them were still open when its clients finished (the executors had not reached them yet).
     */
    static Map<String, Object> withDueTimers(
            List<ProcessEngine> engines, Settings settings, List<String> allDue, Run.Body run) throws Exception {
        ManagementService management = engines.get(0).getManagementService();
        List<String> due = makeTimersDue(management, settings.dueTimers());
        allDue.addAll(due);
        // A changed due date does not wake an idle job executor (it may sleep up to a minute): tell each node's
        // executor, so the timers run during this run and not during the next configuration's.
        engines.forEach(e -> ((ProcessEngineConfigurationImpl) e.getProcessEngineConfiguration())
                .getJobExecutor()
                .jobWasAdded());
        Map<String, Object> result = run.run();
        result.put("dueTimers", due.size());
        result.put(
                "dueTimersOpenAtEnd",
                due.isEmpty()
                        ? 0L
                        : management
                                .createJobQuery()
                                .jobIds(new java.util.HashSet<>(due))
                                .count());
        // Whatever is left finishes before the next run starts, so no run carries another one's jobs.
        result.put("dueTimersDoneBeforeNextRun", awaitJobs(management, due, Duration.ofMinutes(2)));
        return result;
    }

    /** The median over the rounds of (cycles/s of a in round r) / (cycles/s of b in round r). */
    static double medianRatio(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(
                    (double) a.get(i).get("cyclesPerSecond") / (double) b.get(i).get("cyclesPerSecond"));
        }
        Collections.sort(ratios);
        int n = ratios.size();
        return Latency.round(n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2);
    }

    /** The run with the median cycles per second (the lower middle one for an even number of runs). */
    static Map<String, Object> median(List<Map<String, Object>> runs) {
        List<Map<String, Object>> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(m -> (double) m.get("cyclesPerSecond")));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** One throughput run of a configuration in the given round ("r1", "r2", ...). */
    interface Run {
        Map<String, Object> run(String round) throws Exception;

        interface Body {
            Map<String, Object> run() throws Exception;
        }
    }

    interface Cycle {
        void run(ProcessEngine engine, int thread, int index, IamaCycles.Counters counters);
    }

    /**
     * warmupCycles untimed cycles per thread (so the JIT has compiled the shared engine code before either side is
     * timed), then cyclesPerThread timed cycles per thread, all threads started together.
     */
    static Map<String, Object> drive(
            List<ProcessEngine> engines, Settings settings, JdbcClient statements, String phase, Cycle cycle)
            throws Exception {
        int threads = settings.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        IamaCycles.Counters warm = new IamaCycles.Counters();
        IamaCycles.Counters counters = new IamaCycles.Counters();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        AtomicLong clientCpuNanos = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            ProcessEngine engine = engines.get(t % engines.size());
            futures.add(pool.submit(() -> {
                for (int w = 1; w <= settings.warmupCycles(); w++) {
                    cycle.run(engine, thread, -w, warm);
                }
                ready.countDown();
                go.await();
                long cpu0 = CpuMeter.threadCpuNanos();
                for (int i = 0; i < settings.cyclesPerThread() && System.nanoTime() < deadline; i++) {
                    cycle.run(engine, thread, i, counters);
                }
                clientCpuNanos.addAndGet(CpuMeter.threadCpuNanos() - cpu0);
                return null;
            }));
        }
        ready.await(RUN_LIMIT.toMinutes(), TimeUnit.MINUTES);
        StatementProfile.reset(statements);
        CpuMeter cpu = CpuMeter.start();
        long start = System.nanoTime();
        go.countDown();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuSeconds = cpu.elapsed();
        StatementProfile.write(statements, settings.output(), phase, Math.max(1, counters.cycles.get()));
        long completions = counters.completions.get();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("nodes", engines.size());
        result.put("threads", threads);
        result.put("cycles", counters.cycles.get());
        result.put("completions", completions);
        result.put("seconds", Latency.round(seconds));
        result.put("cyclesPerSecond", Latency.round(counters.cycles.get() / seconds));
        result.put("completionsPerSecond", Latency.round(completions / seconds));
        long cycles = Math.max(1, counters.cycles.get());
        result.put("jvmCpuMsPerCycle", Latency.round(1000 * cpuSeconds[0] / cycles));
        result.put("postgresCpuMsPerCycle", cpuSeconds[1] < 0 ? null : Latency.round(1000 * cpuSeconds[1] / cycles));
        result.put("clientCpuMsPerCycle", Latency.round(clientCpuNanos.get() / 1e6 / cycles));
        result.put("conflicts", counters.conflicts.get() + warm.conflicts.get());
        result.put(
                "conflictsPer1000Completions",
                Latency.round(1000.0
                        * (counters.conflicts.get() + warm.conflicts.get())
                        / Math.max(1, completions + warm.completions.get())));
        return result;
    }

    /**
     * Makes up to n gate service-level timers of seeded waits due now: background work for the job executors during a
     * run (in the two-node run both nodes' executors compete for them).
     */
    static List<String> makeTimersDue(ManagementService management, int n) {
        List<String> ids = new ArrayList<>();
        Date now = new Date(System.currentTimeMillis() - 1000);
        // Only timers not yet due: those made due for an earlier run may still be waiting for a job executor.
        for (Job job : management
                .createJobQuery()
                .timers()
                .activityId("privacy-officer-advice-overdue")
                .duedateHigherThan(new Date())
                .listPage(0, n)) {
            management.setJobDuedate(job.getId(), now);
            ids.add(job.getId());
        }
        return ids;
    }

    static boolean awaitJobs(ManagementService management, List<String> ids, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long open = ids.isEmpty()
                    ? 0
                    : management
                            .createJobQuery()
                            .jobIds(new java.util.HashSet<>(ids))
                            .count();
            if (open == 0) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    static Map<String, Object> targets(Map<String, Object> results, Settings settings) {
        Map<String, Object> targets = new LinkedHashMap<>();
        if (settings.pagesOnly()) {
            targets.put("pagesP95Under300ms", PageTimings.target((Map<?, ?>) results.get("pages")));
            return targets;
        }
        Map<?, ?> oversight = (Map<?, ?>) results.get("oversight");
        Map<?, ?> throughput = (Map<?, ?>) results.get("throughput");
        Map<?, ?> scale = (Map<?, ?>) results.get("scaleOut");
        double p95 = oversight == null
                ? Double.NaN
                : (double) ((Map<?, ?>) oversight.get("blockedDefaultPage")).get("p95Ms");
        double p95Department =
                oversight == null ? Double.NaN : (double) ((Map<?, ?>) oversight.get("blockedDepartment")).get("p95Ms");
        targets.put(
                "oversightP95Under50ms",
                verdict(
                        Math.max(p95, p95Department) < 50,
                        String.format(
                                        "p95 %.1f ms (default page), %.1f ms (department) at %,d systems",
                                        p95, p95Department, settings.systems())
                                + (settings.systems() < 10_000 ? "; the target is set for 10,000 systems" : "")));
        Lists.targets(results, settings, targets);
        if (settings.oversightOnly()) {
            return targets;
        }
        double ratio = throughput == null ? Double.NaN : (double) throughput.get("ratio");
        targets.put("throughputAtLeast08xBare", verdict(ratio >= 0.8, String.format("%.2f x bare engine", ratio)));
        if (scale != null) {
            long anomalies = ((Map<?, ?>) scale.get("anomalies"))
                    .values().stream().mapToLong(v -> (Long) v).sum();
            double speedup = (double) scale.get("speedup");
            targets.put("twoNodesZeroAnomalies", verdict(anomalies == 0, anomalies + " anomalies"));
            targets.put("twoNodesNotSlowerThanOne", verdict(speedup >= 1.0, String.format("%.2f x one node", speedup)));
        }
        return targets;
    }

    static Map<String, Object> verdict(boolean pass, String figure) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("result", pass ? "PASS" : "FAIL");
        v.put("figure", figure);
        return v;
    }

    /** A fresh database on the embedded PostgreSQL 17 server, as Spring datasource properties. */
    static Map<String, Object> database(String name) throws SQLException {
        EmbeddedPostgres server = TestDatabases.server();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", server.getJdbcUrl("postgres", name));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        return properties;
    }

    /** The size of the benchmark's database after the seed. */
    static long databaseMegabytes(JdbcClient jdbc) {
        return jdbc.sql("SELECT pg_database_size(current_database()) / (1024 * 1024)")
                .query(Long.class)
                .single();
    }

    /** Fresh planner statistics after the bulk seed, as autovacuum would give a long-running database. */
    static void analyze(JdbcClient jdbc) {
        jdbc.sql("ANALYZE").update();
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memoryGb", Latency.round(memoryGb()));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("database", "PostgreSQL 17 (embedded, io.zonky), same host");
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double memoryGb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)
                    .findFirst()
                    .orElse(0.0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
