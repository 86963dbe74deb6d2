package nl.waarborg.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail. Each event's hash covers its content and the previous event's hash, so a row
 * changed or removed behind the application's back breaks the chain at that row. Appends are serialised by
 * locking the single head row, which keeps the chain linear across threads and nodes.
 */
@Service
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends within the caller's transaction: the event exists exactly when the action it records committed. */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEvent record(String action, String userId, String systemId, Map<String, ?> details) {
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM wb_audit_head WHERE id = 1 FOR UPDATE")
                .query().singleRow();
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String previousHash = (String) head.get("last_hash");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String detailsJson = CanonicalJson.write(details == null ? Map.of() : details);
        AuditEvent event = new AuditEvent(seq, at, userId, action, systemId, detailsJson, previousHash, null);
        String hash = hashOf(event);
        jdbc.sql("""
                INSERT INTO wb_audit_event (seq, occurred_at, user_id, action, system_id, details, previous_hash, hash)
                VALUES (:seq, :at, :user, :action, :system, :details, :previous, :hash)""")
                .param("seq", seq).param("at", Timestamp.from(at)).param("user", userId).param("action", action)
                .param("system", systemId).param("details", detailsJson).param("previous", previousHash).param("hash", hash)
                .update();
        jdbc.sql("UPDATE wb_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1").param("seq", seq).param("hash", hash).update();
        return new AuditEvent(seq, at, userId, action, systemId, detailsJson, previousHash, hash);
    }

    /** For actions that fail (a refused login, a refused authorization): recorded even though the request failed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEvent recordIndependently(String action, String userId, String systemId, Map<String, ?> details) {
        return record(action, userId, systemId, details);
    }

    public List<AuditEvent> events(String systemId, int limit) {
        String where = systemId == null ? "" : "WHERE system_id = :system ";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT * FROM wb_audit_event " + where + "ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit);
        if (systemId != null) {
            spec = spec.param("system", systemId);
        }
        return spec.query(AuditTrail::map).list();
    }

    /** Recomputes the whole chain in order and names the first event whose hash or link does not hold. */
    @Transactional(readOnly = true)
    public Verification verify() {
        List<AuditEvent> all = jdbc.sql("SELECT * FROM wb_audit_event ORDER BY seq").query(AuditTrail::map).list();
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        for (AuditEvent event : all) {
            if (event.seq() != expectedSeq || !event.previousHash().equals(expectedPrevious) || !hashOf(event).equals(event.hash())) {
                return new Verification(false, all.size(), event.seq());
            }
            expectedPrevious = event.hash();
            expectedSeq++;
        }
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM wb_audit_head WHERE id = 1").query().singleRow();
        if (((Number) head.get("last_seq")).longValue() != all.size() || !expectedPrevious.equals(head.get("last_hash"))) {
            // Events were removed from the end of the chain.
            return new Verification(false, all.size(), (long) all.size() + 1);
        }
        return new Verification(true, all.size(), null);
    }

    static String hashOf(AuditEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("seq", event.seq());
        content.put("at", event.occurredAt().toString());
        content.put("user", event.userId());
        content.put("action", event.action());
        content.put("system", event.systemId());
        content.put("details", event.details());
        content.put("previous", event.previousHash());
        return CanonicalJson.sha256(CanonicalJson.write(content));
    }

    private static AuditEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
                rs.getString("action"), rs.getString("system_id"), rs.getString("details"), rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    public record AuditEvent(long seq, Instant occurredAt, String userId, String action, String systemId, String details,
                             String previousHash, String hash) {
    }

    public record Verification(boolean valid, long events, Long firstBrokenEventId) {
    }

}
