package nl.waarborg.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A user asked the engine for an operation that Waarborg does not allow anyone to run by hand (start a process around
 * Waarborg, modify, migrate or delete an instance, change a job …): 403 in /engine-rest, the Camunda webapps and /api.
 * The message says why and what to do instead.
 */
public class EngineOperationRefusedException extends AuthorizationException {

    public EngineOperationRefusedException(String message) {
        super(message);
    }
}
