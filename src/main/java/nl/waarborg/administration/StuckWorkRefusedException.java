package nl.waarborg.administration;

import nl.waarborg.shared.WaarborgException;
import org.springframework.http.HttpStatus;

/**
 * A stuck-work action refused as asked: the status, the field at fault and a reason code, by which the page
 * /beheer/werk names the problem in Dutch (messages "work.error.{reason}"). Nothing was changed.
 */
public class StuckWorkRefusedException extends WaarborgException {

    /** Why, with the HTTP status and the request field it belongs to. */
    public enum Reason {
        REASON_MISSING(HttpStatus.BAD_REQUEST, "reason"),
        REASON_TOO_LONG(HttpStatus.BAD_REQUEST, "reason"),
        NOT_A_CANDIDATE(HttpStatus.BAD_REQUEST, "assignee"),
        NOT_IN_TEAM(HttpStatus.BAD_REQUEST, "assignee"),
        SEGREGATION_OF_DUTIES(HttpStatus.CONFLICT, "assignee"),
        DUE_DATE_MISSING(HttpStatus.BAD_REQUEST, "dueDate"),
        DUE_DATE_IN_PAST(HttpStatus.BAD_REQUEST, "dueDate"),
        TASK_NOT_FOUND(HttpStatus.NOT_FOUND, null),
        JOB_NOT_FOUND(HttpStatus.NOT_FOUND, null),
        SYSTEM_NOT_FOUND(HttpStatus.NOT_FOUND, null),
        JOB_NOT_FAILED(HttpStatus.CONFLICT, null),
        NOT_IN_EVALUATE(HttpStatus.CONFLICT, null);

        private final HttpStatus status;
        private final String field;

        Reason(HttpStatus status, String field) {
            this.status = status;
            this.field = field;
        }
    }

    private final Reason reason;

    public StuckWorkRefusedException(Reason reason, String detail) {
        super(reason.status, detail, reason.field, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
