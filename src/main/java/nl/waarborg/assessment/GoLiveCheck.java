package nl.waarborg.assessment;

import java.util.List;
import nl.waarborg.identity.GroupMembership;
import nl.waarborg.system.PhaseEntryCheck;
import nl.waarborg.system.PhaseEntryRefusedException;
import nl.waarborg.system.SystemRecord;
import org.springframework.stereotype.Component;

/** ADR 0014 where the phase changes: the register asks this before a system enters Implement, Evaluate or "in use". */
@Component
class GoLiveCheck implements PhaseEntryCheck {

    private final GoLiveFacts facts;
    private final GroupMembership membership;

    GoLiveCheck(GoLiveFacts facts, GroupMembership membership) {
        this.facts = facts;
        this.membership = membership;
    }

    @Override
    public void requireEntry(SystemRecord system, SystemRecord.Phase phase) {
        List<String> violations =
                GoLiveInvariant.violations(facts.of(system.id(), system.owner()), membership::isMember);
        if (!violations.isEmpty()) {
            throw new PhaseEntryRefusedException("System " + system.id() + " cannot enter phase " + phase + ": "
                    + String.join("; ", violations)
                    + ". Every required assessment must be advised and decided on its current"
                    + " content first (ADR 0014).");
        }
    }
}
