package nl.waarborg.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Waarborg's one exception family: a refusal that knows its HTTP status, says what is wrong in its detail and, where
 * one field is at fault, names it. It is Spring's ErrorResponseException, so it carries its ProblemDetail (with the
 * property {@code field}); {@link ProblemStatus} answers for it on every path (/api, /engine-rest, the web pages).
 * Throw one of the kinds below (or a named subclass of one), never this class itself.
 */
public abstract class WaarborgException extends ErrorResponseException {

    private final String field;

    protected WaarborgException(HttpStatus status, String detail, String field, Throwable cause) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
        this.field = field;
        if (field != null) {
            getBody().setProperty("field", field);
        }
    }

    /** The request field (or parameter) at fault, or null. */
    public String field() {
        return field;
    }

    /** The detail alone (ErrorResponseException would prefix the status and append the body). */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
