package nl.waarborg.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.shared.EvidenceKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints (ADR 0020): every {@code waarborg.audit.checkpoint-interval} (default one hour) and on request,
 * the head of the audit chain and every frozen version's hash, signed with the evidence key, kept here for the latest
 * export and recorded in the trail (CHECKPOINT_CREATED). The municipality stores the exported files elsewhere; whoever
 * later rewrites the database, even with the key, cannot change a file already stored there, and CheckpointVerify
 * compares a file with the database.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final EvidenceKeys keys;
    private final TransactionTemplate transaction;
    private final int keep;

    Checkpoints(
            JdbcClient jdbc,
            AuditTrail audit,
            EvidenceKeys keys,
            PlatformTransactionManager transactions,
            @Value("${waarborg.audit.checkpoint-keep:48}") int keep) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
        this.keep = Math.max(1, keep);
    }

    /** A new checkpoint, made by {@code userId} (null: on schedule); answers its document. */
    public String create(String userId) {
        return transaction.execute(status -> {
            Map<String, Object> head = CheckpointDocument.head(jdbc);
            head.put("chainValid", audit.verify().valid());
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("format", CheckpointDocument.FORMAT);
            document.put("id", id);
            document.put("createdAt", now.toString());
            document.put("createdBy", userId == null ? "schedule" : userId);
            document.put("audit", head);
            document.put("versions", CheckpointDocument.frozenVersions(jdbc));
            String signed = CheckpointDocument.sign(keys, document);
            jdbc.sql(
                            "INSERT INTO wb_audit_checkpoint (id, created_at, last_seq, document) VALUES (:id, :at, :seq, :doc)")
                    .param("id", id)
                    .param("at", Timestamp.from(now))
                    .param("seq", head.get("lastSeq"))
                    .param("doc", signed)
                    .update();
            jdbc.sql("DELETE FROM wb_audit_checkpoint WHERE id NOT IN (SELECT id FROM"
                            + " (SELECT id FROM wb_audit_checkpoint ORDER BY created_at DESC LIMIT :keep) newest)")
                    .param("keep", keep)
                    .update();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("checkpointId", id);
            details.put("lastSeq", head.get("lastSeq"));
            details.put("versions", ((java.util.List<?>) document.get("versions")).size());
            details.put("chainValid", head.get("chainValid"));
            audit.record(AuditAction.CHECKPOINT_CREATED, userId, null, details);
            if (!Boolean.TRUE.equals(head.get("chainValid"))) {
                log.error(
                        "Checkpoint {} was made over an audit chain that does not verify: see GET /api/audit/verify",
                        id);
            }
            return signed;
        });
    }

    /** The newest checkpoint's document, if there is one. */
    public Optional<String> latest() {
        return jdbc.sql("SELECT document FROM wb_audit_checkpoint ORDER BY created_at DESC LIMIT 1")
                .query(String.class)
                .optional();
    }

    @Scheduled(
            fixedDelayString = "${waarborg.audit.checkpoint-interval:PT1H}",
            initialDelayString = "${waarborg.audit.checkpoint-interval:PT1H}")
    public void onSchedule() {
        try {
            create(null);
        } catch (RuntimeException e) {
            log.error("The scheduled audit checkpoint failed", e);
        }
    }
}
