package nl.waarborg.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/** A user tried to write a variable that only the engine and Waarborg write ({@link EngineOwnedVariables}): 400, naming it. */
public class EngineOwnedVariableException extends BadUserRequestException {

    private final String variable;

    public EngineOwnedVariableException(String variable) {
        super("Variable '" + variable + "' is set by Waarborg itself and cannot be written by a user (not as a process,"
                + " execution or task-local variable, nor with a completion, message or signal).");
        this.variable = variable;
    }

    /** The refused variable, for clients that point at the field. */
    public String variable() {
        return variable;
    }
}
