package nl.waarborg.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import nl.waarborg.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Why a round after the first started (table wb_round_reason): the trigger type and its explanation. The explanation
 * is required, except for the periodic review that the cycle's own review date starts.
 */
@Service
public class RoundReasons {

    /** The type the review-date timer gives its round; it needs no explanation. */
    public static final String PERIODIC = "PERIODIC";

    public static final int MAX_EXPLANATION = 4000;

    public record RoundReason(
            int round, String triggerType, String explanation, String requestedBy, Instant requestedAt) {}

    private final JdbcClient jdbc;

    RoundReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses (400, field "description") a trigger without an explanation, or with one that is too long. */
    public static void requireExplanation(String triggerType, String explanation) {
        if ((explanation == null || explanation.isBlank()) && !PERIODIC.equals(triggerType)) {
            throw new InvalidInputException(
                    "description", "A new round needs an explanation of its trigger ('description' is required).");
        }
        if (explanation != null && explanation.length() > MAX_EXPLANATION) {
            throw new InvalidInputException("description", "The explanation of a trigger has at most 4000 characters.");
        }
    }

    /** Records the reason of a new round; a round recorded again keeps its first reason. */
    public void record(String systemId, int round, String triggerType, String explanation, String userId) {
        requireExplanation(triggerType, explanation);
        boolean known = jdbc.sql("SELECT COUNT(*) FROM wb_round_reason WHERE system_id = :s AND cycle_round = :r")
                        .param("s", systemId)
                        .param("r", round)
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return;
        }
        jdbc.sql("""
                INSERT INTO wb_round_reason (system_id, cycle_round, trigger_type, explanation, requested_by, requested_at)
                VALUES (:s, :r, :t, :e, :u, :at)""")
                .param("s", systemId)
                .param("r", round)
                .param("t", triggerType)
                .param("e", explanation == null ? "" : explanation.strip())
                .param("u", userId)
                .param("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    /** The reasons of the system's rounds after the first, newest round first. */
    public List<RoundReason> of(String systemId) {
        return jdbc.sql("SELECT * FROM wb_round_reason WHERE system_id = :s ORDER BY cycle_round DESC")
                .param("s", systemId)
                .query((rs, i) -> new RoundReason(
                        rs.getInt("cycle_round"),
                        rs.getString("trigger_type"),
                        rs.getString("explanation"),
                        rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant()))
                .list();
    }

    /** The reason of one round; empty for the first round (or a round from before this table). */
    public Optional<RoundReason> of(String systemId, int round) {
        return of(systemId).stream().filter(r -> r.round() == round).findFirst();
    }
}
