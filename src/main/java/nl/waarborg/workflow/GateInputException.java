package nl.waarborg.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task form was submitted with a missing or invalid field; the task stays open (400 in every client).
 * The message is complete and names the field; {@link #field()} names it for machines.
 */
public class GateInputException extends BadUserRequestException {

    private final String field;

    public GateInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
