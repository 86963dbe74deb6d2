package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.identity.GroupMembership;
import nl.waarborg.system.PhaseEntryCheck;
import nl.waarborg.system.PhaseEntryRefusedException;
import nl.waarborg.system.SystemRecord;
import org.springframework.stereotype.Component;

/**
 * ADR 0014 where the phase changes: the register asks this before a system enters Implement, Evaluate or "in use".
 * Evaluate ("in use") also needs every go-live check of the round done (ADR 0031, {@link GoLiveDuties}).
 */
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
        GoLiveInvariant.Facts known = facts.of(system.id(), system.owner());
        List<String> violations = new ArrayList<>(GoLiveInvariant.violations(known, membership::isMember));
        if (violations.isEmpty() && phase == SystemRecord.Phase.EVALUATE) {
            List<String> open = GoLiveDuties.open(
                    DeployerDuties.withStartedChoices(known.triageOutcome(), known.decisions()),
                    facts.checksDone(system.id(), known.round()));
            if (!open.isEmpty()) {
                throw new PhaseEntryRefusedException("System " + system.id() + " cannot go into use: the go-live"
                        + " checks " + String.join(", ", open) + " of round " + known.round() + " are not done."
                        + " Complete each check's task with its confirmation first (ADR 0031).");
            }
        }
        if (!violations.isEmpty()) {
            throw new PhaseEntryRefusedException("System " + system.id() + " cannot enter phase " + phase + ": "
                    + String.join("; ", violations)
                    + ". Every required assessment must be advised and decided on its current"
                    + " content first (ADR 0014).");
        }
    }
}
