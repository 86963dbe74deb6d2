package nl.waarborg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With -Dbench.statements=true: which SQL statements one throughput phase ran, per cycle, from pg_stat_statements
 * (calls, rows, total time), written to statements-PHASE.txt beside results.json. Off by default: the extension
 * costs a little time on every statement, and more with planning times tracked (as here), so runs with it on are
 * for finding costs, not for the headline figures.
 */
final class StatementProfile {

    static final boolean ENABLED = Boolean.getBoolean("bench.statements");

    private StatementProfile() {}

    /** Loads the extension into the embedded server; must run before the server starts. */
    static void configure() {
        if (ENABLED) {
            System.setProperty(TestDatabases.STATEMENT_STATISTICS, "true");
        }
    }

    static void reset(JdbcClient jdbc) {
        if (ENABLED) {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
        }
    }

    static void write(JdbcClient jdbc, Path output, String phase, long cycles) throws IOException {
        if (!ENABLED) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT s.calls, s.rows, s.total_exec_time, s.query FROM pg_stat_statements s
                ORDER BY s.total_exec_time DESC LIMIT 150""").query().listOfRows();
        StringBuilder out = new StringBuilder(
                String.format("%-10s %10s %12s  %s%n", "calls/cyc", "rows/cyc", "ms/cycle", "statement"));
        double calls = 0;
        for (Map<String, Object> row : rows) {
            double perCycle = ((Number) row.get("calls")).doubleValue() / cycles;
            calls += perCycle;
            out.append(String.format(
                    "%-10.2f %10.2f %12.3f  %s%n",
                    perCycle,
                    ((Number) row.get("rows")).doubleValue() / cycles,
                    ((Number) row.get("total_exec_time")).doubleValue() / cycles,
                    row.get("query").toString().replaceAll("\\s+", " ")));
        }
        // All statements of the server (every database: the phase's engine and the idle ones' job acquisition), with
        // the
        // time spent planning them, and the write-ahead log the statements wrote (counted as each ends).
        Map<String, Object> all = jdbc.sql("""
                SELECT SUM(calls) AS calls, SUM(total_exec_time) AS exec, SUM(total_plan_time) AS plan,
                       SUM(wal_records) AS wal_records, SUM(wal_bytes) AS wal_bytes
                FROM pg_stat_statements""").query().singleRow();
        out.insert(
                0,
                String.format(
                        "%s: %.1f statements per cycle in the top 150; all statements: %.1f per cycle, %.2f ms executing"
                                + " and %.2f ms planning per cycle; WAL %.0f records, %.0f kB per cycle%n",
                        phase,
                        calls,
                        number(all.get("calls")) / cycles,
                        number(all.get("exec")) / cycles,
                        number(all.get("plan")) / cycles,
                        number(all.get("wal_records")) / cycles,
                        number(all.get("wal_bytes")) / 1024 / cycles));
        Files.createDirectories(output);
        Files.writeString(output.resolve("statements-" + phase + ".txt"), out);
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
