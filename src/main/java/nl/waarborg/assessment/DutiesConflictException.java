package nl.waarborg.assessment;

/** Segregation of duties: this user may not decide this gate of this version. */
public class DutiesConflictException extends RuntimeException {

    public DutiesConflictException(String message) {
        super(message);
    }
}
