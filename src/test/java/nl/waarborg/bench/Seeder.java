package nl.waarborg.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.system.SystemRecord.Phase;
import nl.waarborg.system.SystemRecord.Status;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a portfolio through the application's services and the engine API (no SQL): every system is registered,
 * and its cycle is placed at one of the positions below, so that the portfolio has waits on every gate and systems
 * in every phase. Where the cycle calls an IAMA or DPIA, the called process starts at its start event (so the
 * bridge opens a version) and is then moved to the wanted task (so the gate listener and the wait tracker run).
 */
final class Seeder {

    /** Where a seeded system's cycle stands; chosen round-robin, so every position occurs at any N ≥ 13. */
    enum Position {
        TRIAGE(null, null),
        IAMA_PART(true, "fill-in-iama-part-3"),
        IAMA_PRIVACY_OFFICER(true, "privacy-officer-advice"),
        IAMA_ETHICS(true, "ethics-committee-advice"),
        IAMA_ALDERMAN(true, "alderman-decision"),
        DPIA_SECTION(false, "fill-in-dpia-section-b"),
        DPIA_PRIVACY_OFFICER(false, "privacy-officer-advice"),
        DPIA_DPA_CONSULTATION(false, "dpa-consultation-submit"),
        DPIA_ALDERMAN(false, "alderman-decision"),
        BOTH_AT_GATES(null, "privacy-officer-advice"),
        IMPLEMENT_GO_LIVE(null, null),
        EVALUATE(null, null),
        STOPPED(null, null);

        final Boolean iama;
        final String task;

        Position(Boolean iama, String task) {
            this.iama = iama;
            this.task = task;
        }
    }

    static final int DEPARTMENTS = 20;

    private final SystemRegistry systems;
    private final TriageRecords triageService;
    private final ProcessEngine engine;
    private final TransactionTemplate transaction;

    Seeder(WaarborgNode node) {
        this.systems = node.bean(SystemRegistry.class);
        this.triageService = node.bean(TriageRecords.class);
        this.engine = node.engine();
        this.transaction = new TransactionTemplate(node.bean(PlatformTransactionManager.class));
    }

    static String department(int i) {
        return "Afdeling " + (i % DEPARTMENTS + 1);
    }

    /**
     * Seeds n systems with the given number of threads; gives up (and says so) after the time limit. With a batch
     * above 1, each thread seeds that many systems in one Spring transaction: the services and engine commands are the
     * same and write the same rows (the engine and Waarborg's services join the surrounding transaction), only the
     * commits are fewer. For the 100,000-system run (docs/benchmark.md).
     */
    int seed(int n, int threads, int batch, Duration limit) throws Exception {
        if (batch <= 1) {
            return inParallel(n, threads, limit, "systems", this::seedOne);
        }
        AtomicInteger seeded = new AtomicInteger();
        inParallel((n + batch - 1) / batch, threads, limit, "batches of " + batch + " systems", b -> {
            int to = Math.min(n, (b + 1) * batch);
            transaction.executeWithoutResult(status -> {
                for (int i = b * batch; i < to; i++) {
                    seedOne(i);
                }
            });
            seeded.addAndGet(to - b * batch);
        });
        return seeded.get();
    }

    /** Calls seedOne for 0..n-1 on the given number of threads, until done or the time limit; returns how many ran. */
    static int inParallel(int n, int threads, Duration limit, String what, IntConsumer seedOne) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n && System.nanoTime() < deadline) {
                        seedOne.accept(i);
                        int count = done.incrementAndGet();
                        if (count % 1000 == 0) {
                            System.out.printf("[bench] seeded %,d of %,d %s%n", count, n, what);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return done.get();
    }

    void seedOne(int i) {
        Position position = Position.values()[i % Position.values().length];
        String id = systems.register(String.format("Algoritme %05d", i), "Benchmark-systeem", department(i), "lead")
                .id();
        RuntimeService runtime = engine.getRuntimeService();
        engine.getIdentityService().clearAuthentication();
        switch (position) {
            case TRIAGE -> runtime.startProcessInstanceByKey("assessment-cycle", id);
            case IMPLEMENT_GO_LIVE, EVALUATE -> {
                // A system goes live only when its triage's required assessments are signed (ADR 0014): seed a triage
                // that requires none, so the phase check lets the seeded cycle into Implement.
                Map<String, Object> v = triageOutcome(false, false);
                triageService.recordTriageOutcome(
                        id, 1, Map.of("triageStop", false, "iamaRequired", false, "dpiaRequired", false));
                v.put("highRiskAi", position == Position.IMPLEMENT_GO_LIVE);
                runtime.createProcessInstanceByKey("assessment-cycle")
                        .businessKey(id)
                        .setVariables(v)
                        .startBeforeActivity("prepare-implementation")
                        .execute();
            }
            case STOPPED -> {
                Map<String, Object> v = triageOutcome(false, false);
                v.put("triageStop", true);
                v.put("triageStopReason", "Verboden praktijk (AI-verordening art. 5)");
                runtime.createProcessInstanceByKey("assessment-cycle")
                        .businessKey(id)
                        .setVariables(v)
                        .startBeforeActivity("cycle-stopped")
                        .execute();
            }
            default -> {
                boolean iama = position.iama == null || position.iama;
                boolean dpia = position.iama == null || !position.iama;
                ProcessInstance cycle = runtime.createProcessInstanceByKey("assessment-cycle")
                        .businessKey(id)
                        .setVariables(triageOutcome(iama, dpia))
                        .startBeforeActivity("assessments-split")
                        .execute();
                systems.moveTo(id, Phase.DEVELOP, Status.IN_ASSESSMENT, null);
                for (ProcessInstance child : runtime.createProcessInstanceQuery()
                        .superProcessInstanceId(cycle.getId())
                        .list()) {
                    String key = child.getProcessDefinitionId()
                            .substring(0, child.getProcessDefinitionId().indexOf(':'));
                    String first = "iama".equals(key) ? "fill-in-iama-part-1" : "fill-in-dpia-section-a";
                    String target = position.task;
                    if (!target.equals(first)) {
                        runtime.createProcessInstanceModification(child.getId())
                                .cancelAllForActivity(first)
                                .startBeforeActivity(target)
                                .execute();
                    }
                }
            }
        }
    }

    /** The triage outputs the cycle reads after its decision table, as if the triage had been answered. */
    static Map<String, Object> triageOutcome(boolean iama, boolean dpia) {
        Map<String, Object> v = new HashMap<>();
        v.put("round", 1);
        v.put("triageStop", false);
        v.put("iamaRequired", iama);
        v.put("iamaAdvice", iama ? "REQUIRED" : "NOT_REQUIRED");
        v.put("dpiaRequired", dpia);
        v.put("dpiaRecommended", dpia);
        // What the cycle's split reads after the triage's follow-up (ADR 0030): the required assessments run.
        v.put("iamaRuns", iama);
        v.put("dpiaRuns", dpia);
        v.put("publicationCategory", iama ? "A" : "B");
        v.put("highRiskAi", false);
        return v;
    }
}
