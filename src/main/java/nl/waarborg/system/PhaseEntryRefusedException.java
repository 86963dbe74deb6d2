package nl.waarborg.system;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A system may not enter a phase (409 on /api). Raised inside the engine command that moves the process, so the whole
 * command rolls back; a BadUserRequestException so that /engine-rest and Tasklist show the reason, not a 500.
 */
public class PhaseEntryRefusedException extends BadUserRequestException {

    public PhaseEntryRefusedException(String message) {
        super(message);
    }
}
