package nl.waarborg.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/** A gate form was submitted with a missing or invalid field; the task stays open (400 in /engine-rest). */
public class GateInputException extends BadUserRequestException {

    private final String field;

    public GateInputException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
