package nl.waarborg.workflow;

import nl.waarborg.shared.InvalidInputException;

/** A cycle was started for a business key that is not a registered system (400, field {@code businessKey}). */
public class UnknownSystemException extends InvalidInputException {

    public UnknownSystemException(String businessKey) {
        super(
                "businessKey",
                "The business key of an assessment cycle must be the id of a registered system; '" + businessKey
                        + "' is not. Register the system first (POST /api/systems) and start its cycle with POST /api/systems/{id}/cycles.");
    }
}
