package nl.waarborg.workflow;

import org.camunda.bpm.engine.AuthorizationException;

/** The user may not decide this gate (segregation of duties); the task stays open (403 in /engine-rest). */
public class SegregationOfDutiesException extends AuthorizationException {

    public SegregationOfDutiesException(String message) {
        super(message);
    }
}
