package nl.waarborg.workflow;

import nl.waarborg.system.SystemRecord.Phase;
import nl.waarborg.system.SystemRecord.Status;
import nl.waarborg.system.SystemRegistry;
import org.springframework.stereotype.Service;

/** Keeps a system's phase, and the status that goes with it, in step with its assessment cycle. */
@Service
public class SystemPhases {

    private final SystemRegistry systems;

    public SystemPhases(SystemRegistry systems) {
        this.systems = systems;
    }

    /** Moves the system into the phase; {@code reason} is kept for STOPPED (the triage's stop reason), else null. */
    public void enter(String systemId, Phase phase, String reason) {
        systems.moveTo(systemId, phase, statusIn(phase), phase == Phase.STOPPED ? reason : null);
    }

    static Status statusIn(Phase phase) {
        return switch (phase) {
            case REGISTERED -> Status.NEW;
            case DEVELOP -> Status.IN_ASSESSMENT;
            case IMPLEMENT -> Status.IN_IMPLEMENTATION;
            case EVALUATE -> Status.IN_USE;
            case STOPPED -> Status.STOPPED;
            case RETIRED -> Status.RETIRED;
        };
    }
}
