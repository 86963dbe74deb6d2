package nl.waarborg.assessment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.system.SystemNotFoundException;
import nl.waarborg.system.SystemRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segregation of duties at a gate (ADR 0014): whether a user may advise or decide one gate of one version. The
 * system's owner, whoever started the round's cycle or filled in its triage, and whoever wrote content of the round may
 * not ({@link SystemParties}); nor may one person sign two gates of a version. Applied when a gate is decided
 * ({@link AssessmentService#decide}) and when an administrator hands a gate task to someone, so both follow one rule.
 */
@Component
public class GateDuties {

    private final AssessmentStore store;
    private final RoundParties parties;
    private final SystemRegistry systems;

    GateDuties(AssessmentStore store, RoundParties parties, SystemRegistry systems) {
        this.store = store;
        this.parties = parties;
        this.systems = systems;
    }

    /** Why this user may not sign this gate of the version, or empty when nothing stands in the way. */
    @Transactional(readOnly = true)
    public Optional<String> conflictOf(String assessmentId, int number, String gate, String user) {
        Assessment assessment =
                store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        VersionRow version = store.version(assessmentId, number)
                .orElseThrow(() -> new AssessmentNotFoundException(assessmentId + " version " + number));
        return conflictOf(assessment, version, gate, user, store.signatures(version.id()));
    }

    Optional<String> conflictOf(
            Assessment assessment, VersionRow version, String gate, String user, List<Signature> signatures) {
        if (user == null || user.isBlank()) {
            return Optional.of("A gate decision must be made by an identified user.");
        }
        String owner = systems.fixedFacts(assessment.systemId())
                .map(SystemRegistry.FixedFacts::owner)
                .orElseThrow(() -> new SystemNotFoundException(assessment.systemId()));
        Optional<String> conflict =
                parties.of(assessment.systemId(), owner, version.cycleRound()).conflictOf(user);
        if (conflict.isPresent()) {
            return Optional.of("Segregation of duties: " + user + " " + conflict.get()
                    + " and cannot advise or decide on its versions (gate " + gate + ").");
        }
        return signatures.stream()
                .filter(s -> user.equals(s.user()) && !Objects.equals(s.gate(), gate))
                .findFirst()
                .map(other -> "Segregation of duties: " + user + " already decided gate " + other.gate()
                        + " of this version and cannot decide " + gate + " as well.");
    }
}
