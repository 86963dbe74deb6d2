package nl.waarborg.assessment;

import java.util.Optional;
import java.util.Set;

/**
 * The people on the making side of one round of a system: its owner, its co-authors (the team the owner named, ADR
 * 0016), whoever started the cycle, whoever filled in the round's triage and whoever wrote content of the round's
 * assessments. None of them may advise or decide on the system's versions (segregation of duties, ADR 0014). A plain
 * rule, read by {@link RoundParties}.
 */
public record SystemParties(
        String owner, Set<String> coAuthors, String cycleStarter, String triageFiller, Set<String> contentWriters) {

    public SystemParties {
        coAuthors = coAuthors == null ? Set.of() : Set.copyOf(coAuthors);
        contentWriters = contentWriters == null ? Set.of() : Set.copyOf(contentWriters);
    }

    /** Why this user may not sign for the system's versions, or empty when nothing stands in the way. */
    public Optional<String> conflictOf(String user) {
        if (user == null || user.isBlank()) {
            return Optional.of("is not identified");
        }
        if (contentWriters.contains(user)) {
            return Optional.of("filled in content of this system's assessments in this round");
        }
        if (user.equals(owner)) {
            return Optional.of("owns the system");
        }
        if (user.equals(cycleStarter)) {
            return Optional.of("started the system's assessment cycle");
        }
        if (user.equals(triageFiller)) {
            return Optional.of("filled in the system's triage of this round");
        }
        if (coAuthors.contains(user)) {
            return Optional.of("is a co-author of the system");
        }
        return Optional.empty();
    }
}
