package nl.waarborg.engine;

import nl.waarborg.shared.InvalidInputException;

/**
 * A user tried to write a variable that only the engine and Waarborg write, or a gate's input other than by completing
 * the gate ({@link EngineOwnedVariables}): 400, naming it.
 */
public class EngineOwnedVariableException extends InvalidInputException {

    private final String variable;

    private EngineOwnedVariableException(String variable, String message) {
        super(variable, message);
        this.variable = variable;
    }

    static EngineOwnedVariableException engineOwned(String variable) {
        return new EngineOwnedVariableException(
                variable,
                "Variable '" + variable + "' is set by Waarborg itself and cannot be"
                        + " written by a user (not as a process, execution or task-local variable, nor with a completion, message or signal).");
    }

    static EngineOwnedVariableException gateInput(String variable) {
        return new EngineOwnedVariableException(
                variable,
                "Variable '" + variable + "' is a gate's input: give it only by"
                        + " completing the gate task, not by setting it beforehand.");
    }

    /** The refused variable, for clients that point at the field. */
    public String variable() {
        return variable;
    }
}
