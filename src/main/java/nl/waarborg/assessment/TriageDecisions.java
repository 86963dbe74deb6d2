package nl.waarborg.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.TriageChoices.Entry;
import nl.waarborg.assessment.TriageChoices.Problem;
import nl.waarborg.assessment.TriageChoices.Status;
import nl.waarborg.assessment.TriageChoices.Step;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.system.SystemRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what follows the triage of a round (ADR 0030) in wb_triage_decision and the audit trail: the owner's choice
 * about a recommended assessment, the advice on a decline, the owner's decision after that advice, and the privacy
 * officer's review of the Art. 6(3) exception. Each step is checked against {@link TriageChoices} and the round's
 * recorded triage outcome first; a refusal records nothing.
 */
@Service
public class TriageDecisions {

    /** A step refused as submitted: which part is at fault and why. */
    public static class Refused extends RuntimeException {
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TriageRecords triage;
    private final RoundParties parties;
    private final SystemRegistry systems;

    TriageDecisions(
            JdbcClient jdbc, AuditTrail audit, TriageRecords triage, RoundParties parties, SystemRegistry systems) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.triage = triage;
        this.parties = parties;
        this.systems = systems;
    }

    /**
     * Records one step about a recommended assessment and returns its status after it.
     *
     * @throws Refused when the rule refuses the step (nothing is recorded)
     * @throws SegregationOfDutiesException when an adviser is a party of the round or declined it themselves
     */
    @Transactional
    public Status recordChoice(
            String systemId, int round, AssessmentType type, Step step, String outcome, String text, String user) {
        requireUser(user);
        List<Entry> entries = entries(systemId, round, type.name());
        Optional<Problem> problem = TriageChoices.refusal(
                type, TriageChoices.option(type, outcomeOf(systemId, round)), entries, step, outcome, text);
        if (problem.isPresent()) {
            throw new Refused(problem.get());
        }
        if (step == Step.ADVICE) {
            requireNoConflict(systemId, round, user, "advise on declining the " + type);
        }
        TriageChoices.dutyConflict(type, entries, step, outcome, user).ifPresent(conflict -> {
            throw new SegregationOfDutiesException(conflict);
        });
        append(systemId, round, type.name(), step, outcome.trim(), text, user);
        audit.record(
                AuditAction.ASSESSMENT_CHOICE_RECORDED,
                user,
                systemId,
                details(round, type.name(), step, outcome, text));
        entries.add(new Entry(type.name(), step, outcome.trim(), text, user));
        return TriageChoices.status(entries);
    }

    /** Records the privacy officer's review of the Art. 6(3) exception of the round (AGREED or DISAGREED). */
    @Transactional
    public void recordReview(String systemId, int round, String answer, String motivation, String user) {
        requireUser(user);
        Optional<Problem> problem = TriageChoices.reviewRefusal(
                outcomeOf(systemId, round), entries(systemId, round, TriageChoices.ART_6_3), answer);
        if (problem.isEmpty() && (motivation == null || motivation.isBlank())) {
            problem = Optional.of(
                    new Problem(TriageChoices.Part.TEXT, "The review of the exception needs a motivation."));
        }
        if (problem.isPresent()) {
            throw new Refused(problem.get());
        }
        requireNoConflict(systemId, round, user, "review the Art. 6(3) exception");
        append(systemId, round, TriageChoices.ART_6_3, Step.REVIEW, answer.trim(), motivation, user);
        audit.record(
                AuditAction.EXCEPTION_REVIEWED,
                user,
                systemId,
                details(round, TriageChoices.ART_6_3, Step.REVIEW, answer, motivation));
    }

    /** The steps of a round, oldest first (all subjects). */
    public List<Entry> entries(String systemId, int round) {
        return jdbc.sql("""
                SELECT subject, step, outcome, reasons, decided_by FROM wb_triage_decision
                WHERE system_id = :s AND cycle_round = :r ORDER BY position""")
                .param("s", systemId)
                .param("r", round)
                .query((rs, i) -> new Entry(
                        rs.getString("subject"),
                        Step.valueOf(rs.getString("step")),
                        rs.getString("outcome"),
                        rs.getString("reasons"),
                        rs.getString("decided_by")))
                .list();
    }

    /** The steps of one subject of a round, oldest first, in a list the caller may extend. */
    List<Entry> entries(String systemId, int round, String subject) {
        return new ArrayList<>(entries(systemId, round).stream()
                .filter(e -> e.subject().equals(subject))
                .toList());
    }

    private Map<String, Object> outcomeOf(String systemId, int round) {
        return triage.triageOf(systemId, round)
                .map(t -> t.get("outcome"))
                .filter(Map.class::isInstance)
                .map(o -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) o;
                    return map;
                })
                .orElse(Map.of());
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new SegregationOfDutiesException("A step after the triage is recorded only for a known user.");
        }
    }

    private void requireNoConflict(String systemId, int round, String user, String what) {
        parties.of(systemId, systems.get(systemId).owner(), round)
                .conflictOf(user)
                .ifPresent(reason -> {
                    throw new SegregationOfDutiesException(
                            user + " may not " + what + ": " + user + " " + reason + ".");
                });
    }

    private void append(
            String systemId, int round, String subject, Step step, String outcome, String text, String user) {
        Integer last = jdbc.sql(
                        "SELECT MAX(position) FROM wb_triage_decision WHERE system_id = :s AND cycle_round = :r")
                .param("s", systemId)
                .param("r", round)
                .query(Integer.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                INSERT INTO wb_triage_decision
                    (system_id, cycle_round, position, subject, step, outcome, reasons, decided_by, decided_at)
                VALUES (:s, :r, :p, :subject, :step, :outcome, :reasons, :u, :at)""")
                .param("s", systemId)
                .param("r", round)
                .param("p", last == null ? 1 : last + 1)
                .param("subject", subject)
                .param("step", step.name())
                .param("outcome", outcome)
                .param("reasons", text == null || text.isBlank() ? null : text.trim())
                .param("u", user)
                .param("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    private static Map<String, Object> details(int round, String subject, Step step, String outcome, String text) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", round);
        details.put("subject", subject);
        details.put("step", step.name());
        details.put("outcome", outcome.trim());
        if (text != null && !text.isBlank()) {
            details.put("reasons", text.trim());
        }
        return details;
    }
}
