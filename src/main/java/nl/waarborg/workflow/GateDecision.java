package nl.waarborg.workflow;

/** The four outcomes of every gate form. On an advice gate REJECTED means negative advice. */
public enum GateDecision {
    APPROVED, APPROVED_WITH_CONDITIONS, SENT_BACK, REJECTED;

    public boolean approves() {
        return this == APPROVED || this == APPROVED_WITH_CONDITIONS;
    }

    public static GateDecision parse(Object value) {
        if (value == null) {
            throw new GateInputException("decision", "is required: choose APPROVED, APPROVED_WITH_CONDITIONS, SENT_BACK or REJECTED.");
        }
        try {
            return valueOf(value.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new GateInputException("decision", "must be APPROVED, APPROVED_WITH_CONDITIONS, SENT_BACK or REJECTED, not '" + value + "'.");
        }
    }
}
