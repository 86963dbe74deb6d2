package nl.waarborg.oversight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    public record BlockedItem(String systemId, String systemName, String department, String assessmentType, String gate,
                              String candidateGroup, String taskId, Instant waitingSince, Instant dueAt, boolean overdue) {
    }

    public record GateStatistics(String gate, long count, long overdue, double averageWaitingDays) {
    }

    public List<BlockedItem> blocked(String department, String gate) {
        return blocked(department, gate, Integer.MAX_VALUE, 0);
    }

    /** One page, longest waiting first; the order is stable (waiting since, then task id). */
    public List<BlockedItem> blocked(String department, String gate, int limit, int offset) {
        StringBuilder sql = new StringBuilder("""
                SELECT w.system_id, s.name, s.department, w.assessment_type, w.gate, w.candidate_group, w.task_id,
                       w.waiting_since, w.due_at
                FROM wb_open_wait w JOIN wb_system s ON s.id = w.system_id WHERE 1 = 1""");
        Map<String, Object> params = new LinkedHashMap<>();
        if (department != null && !department.isBlank()) {
            sql.append(" AND s.department = :department");
            params.put("department", department);
        }
        if (gate != null && !gate.isBlank()) {
            sql.append(" AND w.gate = :gate");
            params.put("gate", gate);
        }
        sql.append(" ORDER BY w.waiting_since, w.task_id");
        if (limit != Integer.MAX_VALUE) {
            sql.append(" LIMIT :limit OFFSET :offset");
            params.put("limit", limit);
            params.put("offset", offset);
        }
        Instant now = Instant.now();
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, i) -> {
            Timestamp due = rs.getTimestamp("due_at");
            Instant dueAt = due == null ? null : due.toInstant();
            return new BlockedItem(rs.getString("system_id"), rs.getString("name"), rs.getString("department"),
                    rs.getString("assessment_type"), rs.getString("gate"), rs.getString("candidate_group"), rs.getString("task_id"),
                    rs.getTimestamp("waiting_since").toInstant(), dueAt, dueAt != null && dueAt.isBefore(now));
        }).list();
    }

    public long countBlocked(String department, String gate) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM wb_open_wait w JOIN wb_system s ON s.id = w.system_id WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (department != null && !department.isBlank()) {
            sql.append(" AND s.department = :department");
            params.put("department", department);
        }
        if (gate != null && !gate.isBlank()) {
            sql.append(" AND w.gate = :gate");
            params.put("gate", gate);
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).single();
    }

    /** Count, overdue count and average waiting time per gate, from one list so the figures agree with it. */
    public List<GateStatistics> statistics(List<BlockedItem> items) {
        Map<String, List<BlockedItem>> byGate = new LinkedHashMap<>();
        items.forEach(i -> byGate.computeIfAbsent(i.gate(), g -> new ArrayList<>()).add(i));
        Instant now = Instant.now();
        List<GateStatistics> result = new ArrayList<>();
        byGate.forEach((gate, list) -> result.add(new GateStatistics(gate, list.size(), list.stream().filter(BlockedItem::overdue).count(),
                list.stream().mapToDouble(i -> Duration.between(i.waitingSince(), now).toMinutes() / (60.0 * 24)).average().orElse(0))));
        return result;
    }
}
