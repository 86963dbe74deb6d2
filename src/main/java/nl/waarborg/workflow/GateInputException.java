package nl.waarborg.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/** A gate form was submitted with a missing or invalid field; the task stays open (400 in /engine-rest). */
public class GateInputException extends BadUserRequestException {

    private final String field;

    /** @param problem what is wrong, completing "Gate field 'x' …" */
    public GateInputException(String field, String problem) {
        this(field, problem, true);
    }

    private GateInputException(String field, String message, boolean prefix) {
        super(prefix ? "Gate field '" + field + "' " + message : message);
        this.field = field;
    }

    /** Passes on a refusal of AssessmentService, whose message already names the field. */
    public static GateInputException of(nl.waarborg.assessment.GateDecisionException refusal) {
        return new GateInputException(refusal.field(), refusal.getMessage(), false);
    }

    public String field() {
        return field;
    }
}
