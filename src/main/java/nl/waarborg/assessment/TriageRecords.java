package nl.waarborg.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Keeps the triage outcome of a round; in a later round an assessment that an earlier round approved and this
     * triage would drop becomes recommended ({@link TriageChoices#afterEarlierRounds}). Answers the outcome kept.
     */
    @Transactional
    public Map<String, Object> recordTriageOutcome(String systemId, int round, Map<String, Object> decided) {
        Map<String, Object> outcome =
                round > 1 ? TriageChoices.afterEarlierRounds(decided, approvedBefore(systemId, round)) : decided;
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
        return outcome;
    }

    /** The kinds of assessment that a round before this one approved for the system (approved, or superseded since). */
    private Set<AssessmentType> approvedBefore(String systemId, int round) {
        Set<AssessmentType> approved = EnumSet.noneOf(AssessmentType.class);
        jdbc.sql("SELECT DISTINCT a.type FROM wb_assessment a JOIN wb_assessment_version v ON v.assessment_id = a.id"
                        + " WHERE a.system_id = :s AND v.cycle_round < :r AND v.status IN ('APPROVED', 'SUPERSEDED')")
                .param("s", systemId)
                .param("r", round)
                .query(String.class)
                .list()
                .forEach(type -> approved.add(AssessmentType.valueOf(type)));
        return approved;
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
