package nl.waarborg.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.shared.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-scan (triage) of each round of a system's cycle: the answers, who gave them, and the outcome of the triage
 * decision. Owns the table wb_triage; the round count of a system ({@link #lastRound}) is read here and nowhere else.
 */
@Service
public class TriageRecords {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    TriageRecords(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The highest round any cycle of the system reached (0 when it never had one). */
    public int lastRound(String systemId) {
        Integer last = jdbc.sql("SELECT MAX(cycle_round) FROM wb_triage WHERE system_id = :s")
                .param("s", systemId)
                .query(Integer.class)
                .optional()
                .orElse(null);
        return last == null ? 0 : last;
    }

    @Transactional
    public void recordTriageInputs(String systemId, int round, Map<String, Object> inputs, String userId) {
        int updated = jdbc.sql("""
                UPDATE wb_triage SET inputs = :inputs, answered_by = :u, decided_at = :at WHERE system_id = :s AND cycle_round = :r""")
                .param("inputs", CanonicalJson.write(inputs))
                .param("u", userId)
                .param("at", Timestamp.from(now()))
                .param("s", systemId)
                .param("r", round)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO wb_triage (system_id, cycle_round, inputs, answered_by, decided_at) VALUES (:s, :r, :inputs, :u, :at)")
                    .param("s", systemId)
                    .param("r", round)
                    .param("inputs", CanonicalJson.write(inputs))
                    .param("u", userId)
                    .param("at", Timestamp.from(now()))
                    .update();
        }
        audit.record(AuditAction.TRIAGE_ANSWERED, userId, systemId, Map.of("round", round));
    }

    @Transactional
    public void recordTriageOutcome(String systemId, int round, Map<String, Object> outcome) {
        int updated = jdbc.sql("UPDATE wb_triage SET outcome = :o WHERE system_id = :s AND cycle_round = :r")
                .param("o", CanonicalJson.write(outcome))
                .param("s", systemId)
                .param("r", round)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO wb_triage (system_id, cycle_round, inputs, outcome, decided_at) VALUES (:s, :r, '{}', :o, :at)")
                    .param("s", systemId)
                    .param("r", round)
                    .param("o", CanonicalJson.write(outcome))
                    .param("at", Timestamp.from(now()))
                    .update();
        }
        audit.record(AuditAction.TRIAGE_DECIDED, null, systemId, Map.of("round", round, "outcome", outcome));
    }

    /** The triage of a round: {"inputs": {...}, "outcome": {...}}. */
    public Optional<Map<String, Object>> triageOf(String systemId, int round) {
        return jdbc.sql("SELECT inputs, outcome FROM wb_triage WHERE system_id = :s AND cycle_round = :r")
                .param("s", systemId)
                .param("r", round)
                .query((rs, i) -> {
                    Map<String, Object> triage = new LinkedHashMap<>();
                    triage.put("inputs", CanonicalJson.readMap(rs.getString("inputs")));
                    triage.put("outcome", CanonicalJson.readMap(rs.getString("outcome")));
                    return triage;
                })
                .optional();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
