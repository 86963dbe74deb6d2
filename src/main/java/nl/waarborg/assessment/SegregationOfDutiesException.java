package nl.waarborg.assessment;

import nl.waarborg.shared.ForbiddenException;

/**
 * Segregation of duties: this user may not decide this gate of this version (contributed to its content, decided
 * another gate of it, or is not in the gate's group). 403 on every path; the task stays open.
 */
public class SegregationOfDutiesException extends ForbiddenException {

    public SegregationOfDutiesException(String detail) {
        super(detail);
    }
}
