package nl.waarborg.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which systems wait on which gate, since when, and whether it is overdue. Reads the indexed wait table that the
 * engine keeps up to date (WaitTracker), joined with the register: no scan of process variables.
 */
@Service
public class OversightService {

    private final JdbcClient jdbc;

    public OversightService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record BlockedItem(
            String systemId,
            String systemName,
            String department,
            String assessmentType,
            String gate,
            String candidateGroup,
            String taskId,
            Instant waitingSince,
            Instant dueAt,
            boolean overdue) {}

    /** Figures per gate and assessment (a go-live check or incident step has none), with the group it waits on. */
    public record GateStatistics(
            String gate,
            String assessmentType,
            String candidateGroup,
            long count,
            long overdue,
            double averageWaitingDays) {}

    /** A choice of the gate filter: a gate, or a gate of one assessment ("privacy-officer-advice@DPIA"). */
    public record GateChoice(String gate, String assessmentType) {
        public String value() {
            return assessmentType == null ? gate : gate + TYPE_SEPARATOR + assessmentType;
        }
    }

    /** Separates the gate from the assessment type in a filter value. */
    public static final String TYPE_SEPARATOR = "@";

    public List<BlockedItem> blocked(String department, String gate) {
        return blocked(department, gate, Integer.MAX_VALUE, 0);
    }

    /**
     * One page, longest waiting first; the order is stable (waiting since, then task id). Without a department filter
     * the page is taken from the wait table alone, in the order of its index, and only the page's rows are joined with
     * the register: the cost of a page does not grow with the portfolio.
     */
    public List<BlockedItem> blocked(String department, String gate, int limit, int offset) {
        String order = " ORDER BY w.waiting_since, w.task_id";
        String page = limit == Integer.MAX_VALUE ? "" : " LIMIT :limit OFFSET :offset";
        String columns = """
                SELECT w.system_id, s.name, s.department, w.assessment_type, w.gate, w.candidate_group, w.task_id,
                       w.waiting_since, w.due_at""";
        JdbcClient.StatementSpec spec;
        if (hasText(department)) {
            spec = filtered(
                    columns + " FROM wb_open_wait w JOIN wb_system s ON s.id = w.system_id WHERE 1 = 1",
                    department,
                    gate,
                    order + page);
        } else {
            spec = filtered(
                    columns + " FROM (SELECT * FROM wb_open_wait w WHERE 1 = 1",
                    null,
                    gate,
                    order + page + ") w JOIN wb_system s ON s.id = w.system_id" + order);
        }
        if (limit != Integer.MAX_VALUE) {
            spec = spec.param("limit", limit).param("offset", offset);
        }
        Instant now = Instant.now();
        return spec.query((rs, i) -> {
                    Timestamp due = rs.getTimestamp("due_at");
                    Instant dueAt = due == null ? null : due.toInstant();
                    return new BlockedItem(
                            rs.getString("system_id"),
                            rs.getString("name"),
                            rs.getString("department"),
                            rs.getString("assessment_type"),
                            rs.getString("gate"),
                            rs.getString("candidate_group"),
                            rs.getString("task_id"),
                            rs.getTimestamp("waiting_since").toInstant(),
                            dueAt,
                            dueAt != null && dueAt.isBefore(now));
                })
                .list();
    }

    /** How many waits match; the register is only read when the department is filtered on. */
    public long countBlocked(String department, String gate) {
        String from = hasText(department)
                ? "SELECT COUNT(*) FROM wb_open_wait w JOIN wb_system s ON s.id = w.system_id WHERE 1 = 1"
                : "SELECT COUNT(*) FROM wb_open_wait w WHERE 1 = 1";
        return filtered(from, department, gate, "").query(Long.class).single();
    }

    /** Count, overdue count and average waiting days per gate, computed by the database (one grouped query). */
    public List<GateStatistics> statistics(String department, String gate) {
        Instant now = Instant.now();
        JdbcClient.StatementSpec spec = filtered(
                        """
                SELECT w.gate, w.assessment_type, w.candidate_group, COUNT(*) AS waiting,
                       SUM(CASE WHEN w.due_at < :now THEN 1 ELSE 0 END) AS overdue,
                       AVG(EXTRACT(EPOCH FROM w.waiting_since)) AS since
                FROM wb_open_wait w JOIN wb_system s ON s.id = w.system_id WHERE 1 = 1""",
                        department,
                        gate,
                        " GROUP BY w.gate, w.assessment_type, w.candidate_group"
                                + " ORDER BY w.gate, w.assessment_type, w.candidate_group")
                .param("now", Timestamp.from(now));
        double nowSeconds = now.toEpochMilli() / 1000.0;
        return spec.query((rs, i) -> new GateStatistics(
                        rs.getString("gate"),
                        rs.getString("assessment_type"),
                        rs.getString("candidate_group"),
                        rs.getLong("waiting"),
                        rs.getLong("overdue"),
                        Math.max(0, (nowSeconds - rs.getDouble("since")) / 86_400)))
                .list();
    }

    /** The gates, per assessment, that something waits on now, for filter choices. */
    public List<GateChoice> gatesInUse() {
        return jdbc.sql("SELECT DISTINCT gate, assessment_type FROM wb_open_wait ORDER BY gate, assessment_type")
                .query((rs, i) -> new GateChoice(rs.getString(1), rs.getString(2)))
                .list();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private JdbcClient.StatementSpec filtered(String select, String department, String gate, String tail) {
        StringBuilder sql = new StringBuilder(select);
        Map<String, Object> params = new LinkedHashMap<>();
        if (hasText(department)) {
            sql.append(" AND s.department = :department");
            params.put("department", department);
        }
        if (hasText(gate)) {
            int separator = gate.indexOf(TYPE_SEPARATOR);
            sql.append(" AND w.gate = :gate");
            params.put("gate", separator < 0 ? gate : gate.substring(0, separator));
            if (separator >= 0) {
                sql.append(" AND w.assessment_type = :type");
                params.put("type", gate.substring(separator + 1));
            }
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.append(tail).toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }
}
