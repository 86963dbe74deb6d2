package nl.waarborg.assessment;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the facts that {@link GoLiveInvariant} judges. The current round is the highest round the system has any
 * record of (a cycle start, a triage or a version), never a process variable: a cycle started or moved by a bypass
 * cannot point the check at an older, complete round.
 */
@Component
class GoLiveFacts {

    private final JdbcClient jdbc;
    private final AssessmentStore store;
    private final RoundParties parties;
    private final EvidenceKeys keys;
    private final GoLiveCheckRecords checks;
    private final TriageDecisions decisions;

    GoLiveFacts(
            JdbcClient jdbc,
            AssessmentStore store,
            RoundParties parties,
            EvidenceKeys keys,
            GoLiveCheckRecords checks,
            TriageDecisions decisions) {
        this.checks = checks;
        this.keys = keys;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.store = store;
        this.parties = parties;
    }

    GoLiveInvariant.Facts of(String systemId, String owner) {
        Integer round = jdbc.sql("""
                SELECT MAX(r) FROM (
                    SELECT cycle_round AS r FROM wb_cycle_start WHERE system_id = :s
                    UNION ALL SELECT cycle_round AS r FROM wb_triage WHERE system_id = :s
                    UNION ALL SELECT v.cycle_round AS r FROM wb_assessment_version v JOIN wb_assessment a ON a.id = v.assessment_id
                        WHERE a.system_id = :s) rounds""")
                .param("s", systemId)
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (round == null) {
            return new GoLiveInvariant.Facts(null, null, Map.of(), null);
        }
        Map<String, Object> outcome = jdbc.sql(
                        "SELECT outcome FROM wb_triage WHERE system_id = :s AND cycle_round = :r")
                .param("s", systemId)
                .param("r", round)
                .query((rs, i) -> Optional.ofNullable(rs.getString("outcome")))
                .optional()
                .flatMap(o -> o)
                .map(CanonicalJson::readMap)
                .orElse(null);
        Map<AssessmentType, GoLiveInvariant.VersionFacts> versions = new EnumMap<>(AssessmentType.class);
        for (Assessment assessment : store.assessmentsOf(systemId)) {
            int r = round;
            store.versions(assessment.id()).stream()
                    .filter(v -> v.cycleRound() == r)
                    .max(Comparator.comparingInt(VersionRow::number))
                    .ifPresent(v -> versions.put(assessment.type(), versionFacts(assessment, v)));
        }
        return new GoLiveInvariant.Facts(
                round, outcome, versions, parties.of(systemId, owner, round), decisions.entries(systemId, round));
    }

    /** The go-live checks done in the round (ADR 0031). */
    Set<String> checksDone(String systemId, int round) {
        return checks.done(systemId, round);
    }

    private GoLiveInvariant.VersionFacts versionFacts(Assessment assessment, VersionRow v) {
        List<Signature> signatures = store.signatures(v.id());
        boolean intact = VersionHashes.intact(keys, assessment, v, signatures);
        return new GoLiveInvariant.VersionFacts(
                v.number(), v.status(), VersionHashes.answersHash(v), intact, signatures);
    }
}
