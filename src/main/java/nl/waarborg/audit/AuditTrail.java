package nl.waarborg.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.PendingAppends.PendingEvent;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit trail. Each event's hash covers its content and the previous event's hash, so a row
 * changed or removed behind the application's back breaks the chain at that row. Appends are serialised by
 * locking the single head row, which keeps the chain linear across threads and nodes; they happen at the end of the
 * recording transaction so that the lock is short (docs/benchmark.md).
 */
@Service
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final EvidenceKeys keys;

    public AuditTrail(JdbcClient jdbc, EvidenceKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /**
     * Records an event in the caller's transaction: the event exists exactly when the action it records committed.
     * The append itself (locking the head row, chaining, inserting) is deferred to just before that transaction
     * commits, after the engine has flushed its own statements, so the head row, which serialises every writer on every
     * node, is held only for the appends and the commit instead of for the whole engine command.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String userId, String systemId, Map<String, ?> details) {
        add(new PendingEvent(now(), userId, action.name(), systemId, copy(details), false));
    }

    /**
     * Records an operation a user performed through the engine (its user operation log) in the caller's transaction:
     * as an ENGINE_OPERATION event of its own, unless the same transaction records one of Waarborg's own events by the
     * same user (a gate decision for a task completion, say); that event then carries it in its details under
     * {@code engineOperations}, so an action stays one row (ADR 0020).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEngineOperation(String userId, String systemId, Map<String, ?> operation) {
        add(new PendingEvent(now(), userId, AuditAction.ENGINE_OPERATION.name(), systemId, copy(operation), true));
    }

    private void add(PendingEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(PendingAppends.merged(List.of(event)));
            return;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingAppends pending && pending.owner() == this) {
                pending.add(event);
                return;
            }
        }
        PendingAppends pending = new PendingAppends(this, this::append);
        pending.add(event);
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> copy(Map<String, ?> details) {
        return details == null ? new LinkedHashMap<>() : new LinkedHashMap<>(details);
    }

    /** Appends the events in order under the head row lock; runs inside the transaction, just before it commits. */
    private void append(List<PendingEvent> events) {
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM wb_audit_head WHERE id = 1 FOR UPDATE")
                .query()
                .singleRow();
        long seq = ((Number) head.get("last_seq")).longValue();
        String previousHash = (String) head.get("last_hash");
        for (PendingEvent pending : events) {
            seq++;
            AuditEvent event = new AuditEvent(
                    seq,
                    pending.at(),
                    pending.userId(),
                    pending.action(),
                    pending.systemId(),
                    CanonicalJson.write(pending.details()),
                    previousHash,
                    null,
                    null);
            EvidenceKeys.KeyedHash keyed = keys.hash(contentOf(event));
            String hash = keyed.hash();
            jdbc.sql("""
                    INSERT INTO wb_audit_event (seq, occurred_at, user_id, action, system_id, details, previous_hash, hash, hash_key_id)
                    VALUES (:seq, :at, :user, :action, :system, :details, :previous, :hash, :key)""")
                    .param("seq", seq)
                    .param("at", Timestamp.from(pending.at()))
                    .param("user", pending.userId())
                    .param("action", pending.action())
                    .param("system", pending.systemId())
                    .param("details", event.details())
                    .param("previous", previousHash)
                    .param("hash", hash)
                    .param("key", keyed.keyId())
                    .update();
            previousHash = hash;
        }
        jdbc.sql("UPDATE wb_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq)
                .param("hash", previousHash)
                .update();
    }

    /** For actions that fail (a refused login, a refused authorization): recorded even though the request failed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditAction action, String userId, String systemId, Map<String, ?> details) {
        record(action, userId, systemId, details);
    }

    /** The newest events of one kind, e.g. GATE_OVERDUE for the manager's dashboard. */
    public List<AuditEvent> recent(AuditAction action, int limit) {
        return jdbc.sql("SELECT * FROM wb_audit_event WHERE action = :action ORDER BY seq DESC LIMIT :limit")
                .param("action", action.name())
                .param("limit", limit)
                .query(AuditTrail::map)
                .list();
    }

    public List<AuditEvent> events(String systemId, int limit) {
        return events(systemId, limit, 0);
    }

    /** A page of the trail, newest first (of one system, if given). */
    public List<AuditEvent> events(String systemId, int limit, int offset) {
        return bySystem("SELECT * FROM wb_audit_event ", systemId, "ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditTrail::map)
                .list();
    }

    /** How many events {@link #events} pages through. */
    public long count(String systemId) {
        return bySystem("SELECT COUNT(*) FROM wb_audit_event ", systemId, "")
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec bySystem(String select, String systemId, String tail) {
        return systemId == null
                ? jdbc.sql(select + tail)
                : jdbc.sql(select + "WHERE system_id = :system " + tail).param("system", systemId);
    }

    /**
     * Recomputes the chain in order up to the head and names the first event whose keyed hash or link does not hold.
     * Legacy plain hashes (no key id) verify as before, but only before the first keyed event: an event after it
     * without a key id was downgraded behind the application's back (ADR 0018).
     *
     * <p>While others append, it verifies one consistent state: the head is read first, and the events up to it, which
     * committed with it (an append writes its events and the head in one transaction). Events appended after the head
     * was read are not part of that state; they are left for the next verification instead of being reported as a
     * break (issue 22, A2). Afterwards, an event beyond a head read later still is one no append wrote: a break. Each
     * statement must see what has committed (READ COMMITTED, the default): in a snapshot taken per table (H2's
     * REPEATABLE READ) the second head read would miss appends that the last event read shows.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        Head head = head();
        List<AuditEvent> all = jdbc.sql("SELECT * FROM wb_audit_event WHERE seq <= :last ORDER BY seq")
                .param("last", head.lastSeq())
                .query(AuditTrail::map)
                .list();
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        boolean keyed = false;
        for (AuditEvent event : all) {
            keyed |= event.hashKeyId() != null;
            if (event.seq() != expectedSeq
                    || !event.previousHash().equals(expectedPrevious)
                    || (keyed && event.hashKeyId() == null)
                    || !keys.matches(event.hashKeyId(), contentOf(event), event.hash())) {
                return new Verification(false, all.size(), event.seq());
            }
            expectedPrevious = event.hash();
            expectedSeq++;
        }
        if (head.lastSeq() != all.size() || !expectedPrevious.equals(head.lastHash())) {
            // Events were removed from the end of the chain.
            return new Verification(false, all.size(), (long) all.size() + 1);
        }
        long beyond = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM wb_audit_event")
                .query(Long.class)
                .single();
        if (beyond > head().lastSeq()) {
            // An event that no append counted in the head (one read after it, so every append it saw is in it).
            return new Verification(false, all.size(), head.lastSeq() + 1);
        }
        return new Verification(true, all.size(), null);
    }

    private Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM wb_audit_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .single();
    }

    private record Head(long lastSeq, String lastHash) {}

    /** The canonical text an event's hash covers (without its key: ADR 0018). */
    public static String contentOf(AuditEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("seq", event.seq());
        content.put("at", event.occurredAt().toString());
        content.put("user", event.userId());
        content.put("action", event.action());
        content.put("system", event.systemId());
        content.put("details", event.details());
        content.put("previous", event.previousHash());
        return CanonicalJson.write(content);
    }

    private static AuditEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEvent(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("user_id"),
                rs.getString("action"),
                rs.getString("system_id"),
                rs.getString("details"),
                rs.getString("previous_hash"),
                rs.getString("hash"),
                rs.getString("hash_key_id"));
    }

    public record AuditEvent(
            long seq,
            Instant occurredAt,
            String userId,
            String action,
            String systemId,
            String details,
            String previousHash,
            String hash,
            String hashKeyId) {}

    public record Verification(boolean valid, long events, Long firstBrokenEventId) {}
}
