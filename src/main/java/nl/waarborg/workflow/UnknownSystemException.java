package nl.waarborg.workflow;

import org.camunda.bpm.engine.exception.NotValidException;

/** A cycle was started for a business key that is not a registered system (400 in /engine-rest). */
public class UnknownSystemException extends NotValidException {

    public UnknownSystemException(String businessKey) {
        super("The business key of an assessment cycle must be the id of a registered system; '" + businessKey
                + "' is not. Register the system first (POST /api/systems) and start its cycle with POST /api/systems/{id}/cycles.");
    }
}
