package nl.waarborg.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    void reported(String id, String systemId, String reportedBy, Instant at, String description) {
        jdbc.sql(
                        "INSERT INTO wb_incident (id, system_id, reported_by, reported_at, description) VALUES (?, ?, ?, ?, ?)")
                .params(id, systemId, reportedBy, Timestamp.from(at), description)
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
        return of(systemId).stream().anyMatch(Incident::useSuspended);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
