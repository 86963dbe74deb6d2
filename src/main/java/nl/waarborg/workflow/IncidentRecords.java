package nl.waarborg.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The incidents of a system (table wb_incident): classification, suspension and resumption of use, closing. */
@Service
public class IncidentRecords {

    /** One incident as the system's page shows it. */
    public record Incident(
            String id,
            String systemId,
            String reportedBy,
            Instant reportedAt,
            Instant awareSince,
            String description,
            String seriousness,
            String breachRisk,
            boolean useSuspended,
            Instant suspendedAt,
            Instant resumedAt,
            Instant closedAt) {}

    private final JdbcClient jdbc;

    IncidentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void reported(String id, String systemId, String reportedBy, Instant at, Instant awareSince, String description) {
        jdbc.sql("INSERT INTO wb_incident (id, system_id, reported_by, reported_at, aware_since, description)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, systemId, reportedBy, Timestamp.from(at), Timestamp.from(awareSince), description)
                .update();
    }

    void classified(String id, String seriousness, String breachRisk) {
        jdbc.sql("UPDATE wb_incident SET seriousness = ?, breach_risk = ? WHERE id = ?")
                .params(seriousness, breachRisk, id)
                .update();
    }

    void suspended(String id, Instant at) {
        jdbc.sql("UPDATE wb_incident SET use_suspended = TRUE, suspended_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void resumed(String id, Instant at) {
        jdbc.sql("UPDATE wb_incident SET use_suspended = FALSE, resumed_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void closed(String id, Instant at) {
        jdbc.sql("UPDATE wb_incident SET closed_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    /** The incidents of a system, newest first. */
    public List<Incident> of(String systemId) {
        return jdbc.sql("SELECT * FROM wb_incident WHERE system_id = ? ORDER BY reported_at DESC, id")
                .param(systemId)
                .query((rs, n) -> new Incident(
                        rs.getString("id"),
                        rs.getString("system_id"),
                        rs.getString("reported_by"),
                        instant(rs.getTimestamp("reported_at")),
                        instant(rs.getTimestamp("aware_since")),
                        rs.getString("description"),
                        rs.getString("seriousness"),
                        rs.getString("breach_risk"),
                        rs.getBoolean("use_suspended"),
                        instant(rs.getTimestamp("suspended_at")),
                        instant(rs.getTimestamp("resumed_at")),
                        instant(rs.getTimestamp("closed_at"))))
                .list();
    }

    /** Whether the use of the system is suspended by an incident now. */
    public boolean useSuspended(String systemId) {
        return !suspendedAmong(List.of(systemId)).isEmpty();
    }

    /**
     * Which of these systems have their use suspended by an incident now: the one place every view (system page, the
     * register page, /api/systems list and detail) reads it, one query per page. A suspension is not a
     * {@code SystemRecord.Status}: the status keeps saying where the lifecycle is (the go-live invariant holds on it);
     * the suspension is shown next to it until the incident process records the resumption.
     */
    public Set<String> suspendedAmong(Collection<String> systemIds) {
        if (systemIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(
                        "SELECT DISTINCT system_id FROM wb_incident WHERE use_suspended = TRUE AND system_id IN (:ids)")
                .param("ids", systemIds)
                .query(String.class)
                .list());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
