package nl.waarborg.assessment;

/** A gate decision that cannot be accepted as submitted; {@link #field()} names the field at fault. */
public class GateDecisionException extends IllegalArgumentException {

    private final String field;

    public GateDecisionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
