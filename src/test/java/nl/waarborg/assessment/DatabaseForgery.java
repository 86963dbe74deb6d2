package nl.waarborg.assessment;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.audit.AuditTrail.AuditEvent;
import nl.waarborg.shared.EvidenceKeys;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a forger with write access to the database does (issue 15, finding 2: edit a frozen answer, recompute the
 * version's hash, re-chain the audit trail and its head), and how the tests put it back afterwards. Run it with the
 * guards off (VersionLifecycleTest.withGuardsOff).
 */
final class DatabaseForgery {

    /** How the forger computes a hash: answers {keyId, hash} for the text. */
    interface Hasher {
        String[] hash(String keyId, String text, boolean auditEvent);
    }

    private final JdbcTemplate jdbc;
    private final AssessmentReads reads;
    private final AssessmentStore store;
    private final AuditTrail audit;
    private final EvidenceKeys keys;

    DatabaseForgery(
            JdbcTemplate jdbc, AssessmentReads reads, AssessmentStore store, AuditTrail audit, EvidenceKeys keys) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.store = store;
        this.audit = audit;
        this.keys = keys;
    }

    /**
     * Edits the frozen answer (the text {@code real} becomes {@code replacement}) and recomputes everything from there the
     * way the forger can: the version's hash, and the audit chain from the frozen event on and its head.
     */
    void forge(
            Hasher forgery, String assessmentId, VersionRow original, long frozenSeq, String real, String replacement) {
        Assessment assessment = reads.assessment(assessmentId).orElseThrow();
        String answers = original.answersJson().replace(real, replacement);
        VersionRow edited = new VersionRow(
                original.id(),
                assessmentId,
                1,
                original.status(),
                original.cycleRound(),
                answers,
                original.triageJson(),
                original.processInstanceId(),
                null,
                null,
                original.previousHash(),
                original.createdAt(),
                original.frozenAt());
        String[] versionHash = forgery.hash(
                original.hashKeyId(),
                VersionHashes.content(assessment, edited, store.signatures(original.id()), original.previousHash()),
                false);
        jdbc.update(
                "UPDATE wb_assessment_version SET answers = ?, content_hash = ?, hash_key_id = ? WHERE id = ?",
                answers,
                versionHash[1],
                versionHash[0],
                original.id());

        // The forger reads the source: the text an event's hash covers is no secret, the key is.
        rechain(frozenSeq, e -> e.details().replace(original.contentHash(), versionHash[1]), forgery);
    }

    /**
     * Puts the real answer back and re-chains with the real key from the frozen event on, including the events that
     * the checks above appended to the forged chain (logins, exports), so that the shared test context stays valid.
     */
    void restore(VersionRow original, List<AuditEvent> trail, long frozenSeq) {
        jdbc.update(
                "UPDATE wb_assessment_version SET answers = ?, content_hash = ?, hash_key_id = ? WHERE id = ?",
                original.answersJson(),
                original.contentHash(),
                original.hashKeyId(),
                original.id());
        Map<Long, String> originalDetails = new HashMap<>();
        trail.forEach(e -> originalDetails.put(e.seq(), e.details()));
        rechain(frozenSeq, e -> originalDetails.getOrDefault(e.seq(), e.details()), (keyId, text, auditEvent) -> {
            EvidenceKeys.KeyedHash hash = keys.hash(text);
            return new String[] {hash.keyId(), hash.hash()};
        });
    }

    /** Rewrites the chain from {@code fromSeq} on, with the details given and the hashes the hasher computes, and the head. */
    private void rechain(long fromSeq, Function<AuditEvent, String> detailsOf, Hasher hasher) {
        String previous = AuditTrail.GENESIS;
        long last = 0;
        for (AuditEvent event : chain()) {
            last = event.seq();
            if (event.seq() < fromSeq) {
                previous = event.hash();
                continue;
            }
            String details = detailsOf.apply(event);
            AuditEvent rewritten = new AuditEvent(
                    event.seq(),
                    event.occurredAt(),
                    event.userId(),
                    event.action(),
                    event.systemId(),
                    details,
                    previous,
                    null,
                    null);
            String[] hash = hasher.hash(event.hashKeyId(), AuditTrail.contentOf(rewritten), true);
            jdbc.update(
                    "UPDATE wb_audit_event SET details = ?, previous_hash = ?, hash = ?, hash_key_id = ? WHERE seq = ?",
                    details,
                    previous,
                    hash[1],
                    hash[0],
                    event.seq());
            previous = hash[1];
        }
        jdbc.update("UPDATE wb_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last, previous);
    }

    List<AuditEvent> chain() {
        return audit.events(null, 100_000).stream()
                .sorted(Comparator.comparingLong(AuditEvent::seq))
                .toList();
    }
}
