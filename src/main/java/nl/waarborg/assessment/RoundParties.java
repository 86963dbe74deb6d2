package nl.waarborg.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.waarborg.system.TeamMembers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who started a system's cycle and reads the {@link SystemParties} of a round: the facts behind segregation
 * of duties. The triage filler is written by {@link AssessmentService#recordTriageInputs}, the content writers by
 * every section save.
 */
@Service
public class RoundParties {

    private final JdbcClient jdbc;
    private final TeamMembers team;

    RoundParties(JdbcClient jdbc, TeamMembers team) {
        this.jdbc = jdbc;
        this.team = team;
    }

    /** Called when a cycle starts, on whichever path it was started (append-only, one row per cycle instance). */
    @Transactional
    public void recordCycleStart(String systemId, int round, String processInstanceId, String userId) {
        jdbc.sql("""
                INSERT INTO wb_cycle_start (process_instance_id, system_id, cycle_round, started_by, started_at)
                VALUES (:pi, :s, :r, :u, :at)""")
                .param("pi", processInstanceId)
                .param("s", systemId)
                .param("r", round)
                .param("u", userId)
                .param("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    /** The parties of a round of the system; {@code owner} is the system's owner as the register holds it now. */
    SystemParties of(String systemId, String owner, int round) {
        // One read (a gate decision asks on every completion): the starter of the cycle that the round belongs to (the
        // latest one started at or before that round), the triage's filler, and the content writers of the round.
        String starter = null;
        String triageFiller = null;
        Set<String> writers = new HashSet<>();
        for (Map<String, Object> row : jdbc.sql("""
                        SELECT 'S' AS kind, started_by AS party FROM (
                            SELECT started_by FROM wb_cycle_start WHERE system_id = :s AND cycle_round <= :r
                            ORDER BY cycle_round DESC, started_at DESC LIMIT 1) latest
                        UNION ALL SELECT 'T', answered_by FROM wb_triage WHERE system_id = :s AND cycle_round = :r
                        UNION ALL SELECT 'W', s.user_id FROM wb_answer_save s
                            JOIN wb_assessment_version v ON v.id = s.version_id JOIN wb_assessment a ON a.id = v.assessment_id
                        WHERE a.system_id = :s AND v.cycle_round = :r AND s.user_id IS NOT NULL AND s.section NOT IN (:records)
                        UNION ALL SELECT 'W', c.user_id FROM wb_contributor c
                            JOIN wb_assessment_version v ON v.id = c.version_id JOIN wb_assessment a ON a.id = v.assessment_id
                        WHERE a.system_id = :s AND v.cycle_round = :r""")
                .param("s", systemId)
                .param("r", round)
                .param("records", DecisionRecords.SECTIONS) // the alderman's decision record is no content (ADR 0035)
                .query()
                .listOfRows()) {
            String party = (String) row.get("party");
            switch ((String) row.get("kind")) {
                case "S" -> starter = party;
                case "T" -> triageFiller = party;
                default -> {
                    if (party != null) {
                        writers.add(party);
                    }
                }
            }
        }
        // The team as it is now: a co-author named after signing makes the signature count for nothing at the phase
        // change.
        Set<String> coAuthors = new HashSet<>(team.of(systemId));
        coAuthors.remove(owner);
        return new SystemParties(owner, coAuthors, starter, triageFiller, writers);
    }
}
