package nl.waarborg.publication;

import nl.waarborg.system.SystemPhaseChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Lets the published register entry follow the system's phase on every path that moves it (ADR 0034). */
@Component
class RegisterPhaseFollower {

    private final RegisterEntries entries;

    RegisterPhaseFollower(RegisterEntries entries) {
        this.entries = entries;
    }

    @EventListener
    void on(SystemPhaseChanged change) {
        entries.followPhase(change.systemId(), change.at());
    }
}
