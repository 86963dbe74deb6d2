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
 * costs a little time on every statement.
 */
final class StatementProfile {

    static final boolean ENABLED = Boolean.getBoolean("bench.statements");

    private StatementProfile() {
    }

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
                ORDER BY s.total_exec_time DESC LIMIT 60""").query().listOfRows();
        StringBuilder out = new StringBuilder(String.format("%-10s %10s %12s  %s%n", "calls/cyc", "rows/cyc", "ms/cycle", "statement"));
        double calls = 0;
        for (Map<String, Object> row : rows) {
            double perCycle = ((Number) row.get("calls")).doubleValue() / cycles;
            calls += perCycle;
            out.append(String.format("%-10.2f %10.2f %12.3f  %s%n", perCycle, ((Number) row.get("rows")).doubleValue() / cycles,
                    ((Number) row.get("total_exec_time")).doubleValue() / cycles,
                    row.get("query").toString().replaceAll("\\s+", " ")));
        }
        out.insert(0, String.format("%s: %.1f statements per cycle in the top 60%n", phase, calls));
        Files.createDirectories(output);
        Files.writeString(output.resolve("statements-" + phase + ".txt"), out);
    }
}
