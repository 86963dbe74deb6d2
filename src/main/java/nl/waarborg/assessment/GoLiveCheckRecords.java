package nl.waarborg.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.shared.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The go-live checks done in each round of a system (table wb_go_live_check, ADR 0031): written when a check's task is
 * completed with its confirmation, read by {@link GoLiveCheck} before the system goes into use.
 */
@Service
public class GoLiveCheckRecords {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    GoLiveCheckRecords(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Records the check as done in the round with its evidence, and audits it; a check done again replaces it. */
    @Transactional
    public void recordDone(String systemId, int round, String check, String userId, Map<String, Object> evidence) {
        String json = CanonicalJson.write(evidence);
        Timestamp at = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        int updated = jdbc.sql("""
                UPDATE wb_go_live_check SET done_by = :u, done_at = :at, evidence = :e
                WHERE system_id = :s AND cycle_round = :r AND check_code = :c""")
                .param("u", userId)
                .param("at", at)
                .param("e", json)
                .param("s", systemId)
                .param("r", round)
                .param("c", check)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO wb_go_live_check (system_id, cycle_round, check_code, done_by, done_at, evidence)
                    VALUES (:s, :r, :c, :u, :at, :e)""")
                    .param("s", systemId)
                    .param("r", round)
                    .param("c", check)
                    .param("u", userId)
                    .param("at", at)
                    .param("e", json)
                    .update();
        }
        audit.record(AuditAction.GO_LIVE_CHECK_DONE, userId, systemId, Map.of("check", check, "round", round));
    }

    /** The codes of the checks done in the round. */
    public Set<String> done(String systemId, int round) {
        return new TreeSet<>(
                jdbc.sql("SELECT check_code FROM wb_go_live_check WHERE system_id = :s AND cycle_round = :r")
                        .param("s", systemId)
                        .param("r", round)
                        .query(String.class)
                        .list());
    }
}
