package nl.waarborg.engine;

import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/** An expression tried to reach something the sandbox keeps from models (reflection, class loading, the database). */
class ExpressionRefusedException extends ELException {

    ExpressionRefusedException(String message) {
        super(message);
    }
}
