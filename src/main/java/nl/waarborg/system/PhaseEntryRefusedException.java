package nl.waarborg.system;

import nl.waarborg.shared.ConflictException;

/**
 * A system may not enter a phase (409 on /api). Raised inside the engine command that moves the process, so the whole
 * command rolls back.
 */
public class PhaseEntryRefusedException extends ConflictException {

    public PhaseEntryRefusedException(String message) {
        super(message);
    }
}
