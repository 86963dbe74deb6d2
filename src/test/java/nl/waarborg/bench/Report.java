package nl.waarborg.bench;

import java.util.Map;

/** The table the benchmark prints. */
final class Report {

    private Report() {}

    static String table(Map<String, Object> results) {
        StringBuilder out = new StringBuilder("\n=== Waarborg benchmark ===\n");
        Map<?, ?> machine = (Map<?, ?>) results.get("machine");
        out.append(String.format(
                "machine: %s cores, %s, %s GB; %s%n",
                machine.get("cores"), machine.get("cpu"), machine.get("memoryGb"), machine.get("database")));
        Map<?, ?> seed = (Map<?, ?>) results.get("seed");
        if (seed != null) {
            out.append(String.format(
                    "seed: %,d systems in %s s (%s systems/s), %,d open waits%n",
                    (Integer) seed.get("systems"), seed.get("seconds"), seed.get("systemsPerSecond"), (Long)
                            seed.get("openWaits")));
            if (seed.get("bareEngines") instanceof Map<?, ?> bare) {
                bare.forEach((engine, figures) -> out.append(String.format("seed of %s: %s%n", engine, figures)));
            }
        }
        latencies(out, "oversight (HTTP, ms)", (Map<?, ?>) results.get("oversight"));
        latencies(out, "lists (HTTP, ms)", (Map<?, ?>) results.get("lists"));
        if (results.get("pages") instanceof Map<?, ?> pages) {
            out.append(PageTimings.table(pages));
        }
        Map<?, ?> throughput = (Map<?, ?>) results.get("throughput");
        Map<?, ?> scale = (Map<?, ?>) results.get("scaleOut");
        if (throughput != null) {
            out.append(String.format(
                    "%n%-28s %6s %7s %7s %8s %10s %12s %10s %14s %14s %15s%n",
                    "IAMA cycles",
                    "nodes",
                    "threads",
                    "cycles",
                    "seconds",
                    "cycles/s",
                    "completions/s",
                    "conf/1000",
                    "JVM CPU ms/cy",
                    "PG CPU ms/cy",
                    "client CPU ms/cy"));
            row(out, "Waarborg, one node", (Map<?, ?>) throughput.get("waarborgOneNode"));
            row(out, "bare engine", (Map<?, ?>) throughput.get("bareEngine"));
            row(out, "bare engine, authorization", (Map<?, ?>) throughput.get("bareEngineWithAuthorization"));
            if (scale != null) {
                row(out, "Waarborg, two nodes", (Map<?, ?>) scale.get("twoNodes"));
            }
            Map<?, ?> rounds = (Map<?, ?>) throughput.get("rounds");
            if (rounds != null) {
                out.append("cycles/s per round (the table shows each configuration's median run):");
                rounds.forEach((name, list) -> out.append(' ')
                        .append(name)
                        .append(' ')
                        .append(((java.util.List<?>) list)
                                .stream()
                                        .map(m -> String.valueOf(((Map<?, ?>) m).get("cyclesPerSecond")))
                                        .toList()));
                out.append("\nclient-thread CPU ms per cycle per round:");
                rounds.forEach((name, list) -> out.append(' ')
                        .append(name)
                        .append(' ')
                        .append(((java.util.List<?>) list)
                                .stream()
                                        .map(m -> String.valueOf(((Map<?, ?>) m).get("clientCpuMsPerCycle")))
                                        .toList()));
                out.append('\n');
            }
            out.append(String.format(
                    "ratio Waarborg / bare engine, median of the rounds' ratios: %s (target; ratio of the medians %s);"
                            + " / bare engine with authorization checks: %s%n",
                    throughput.get("ratio"),
                    throughput.get("ratioOfMedians"),
                    throughput.get("ratioToBareWithAuthorization")));
            out.append(String.format(
                    "of which: authorization checks (bare engine with / without them) %s, Waarborg's bridge"
                            + " (Waarborg / bare engine with checks) %s%n",
                    throughput.get("authorizationRatio"), throughput.get("ratioToBareWithAuthorization")));
        }
        if (scale != null) {
            out.append(String.format(
                    "two nodes / one node, median of the rounds' ratios: %s (ratio of the medians %s); timers due now:"
                            + " %s per run, %s in all (all ran: %s); job conflicts: %s%n",
                    scale.get("speedup"),
                    scale.get("speedupOfMedians"),
                    scale.get("dueTimers"),
                    scale.get("dueTimersBothRuns"),
                    scale.get("dueTimersAllRan"),
                    scale.get("jobConflicts")));
            out.append("anomalies: ").append(scale.get("anomalies")).append('\n');
        }
        Map<?, ?> targets = (Map<?, ?>) results.get("targets");
        out.append('\n');
        targets.forEach((name, value) -> {
            Map<?, ?> v = (Map<?, ?>) value;
            out.append(String.format("%-4s %-28s %s%n", v.get("result"), name, v.get("figure")));
        });
        return out.toString();
    }

    private static void latencies(StringBuilder out, String title, Map<?, ?> measured) {
        if (measured == null) {
            return;
        }
        out.append(
                String.format("%n%-48s %9s %9s %9s %9s %8s %10s%n", title, "p50", "p95", "p99", "max", "n", "bytes"));
        measured.forEach((name, value) -> {
            Map<?, ?> m = (Map<?, ?>) value;
            out.append(String.format(
                    "%-48s %9s %9s %9s %9s %8s %10s%n",
                    truncate(String.valueOf(m.get("path"))),
                    m.get("p50Ms"),
                    m.get("p95Ms"),
                    m.get("p99Ms"),
                    m.get("maxMs"),
                    m.get("requests"),
                    m.get("responseBytes")));
        });
    }

    private static void row(StringBuilder out, String name, Map<?, ?> m) {
        out.append(String.format(
                "%-28s %6s %7s %7s %8s %10s %12s %10s %14s %14s %15s%n",
                name,
                m.get("nodes"),
                m.get("threads"),
                m.get("cycles"),
                m.get("seconds"),
                m.get("cyclesPerSecond"),
                m.get("completionsPerSecond"),
                m.get("conflictsPer1000Completions"),
                m.get("jvmCpuMsPerCycle"),
                m.get("postgresCpuMsPerCycle"),
                m.get("clientCpuMsPerCycle")));
    }

    private static String truncate(String s) {
        return s.length() <= 48 ? s : s.substring(0, 45) + "...";
    }
}
