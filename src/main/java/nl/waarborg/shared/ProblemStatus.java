package nl.waarborg.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;

/**
 * The one table from cause to HTTP status, used by /api (ApiProblems), Camunda REST (CamundaRestProblems), the
 * engine's command boundary (RefusalUnwrapping) and the web pages. It walks the cause chain from the outside in and
 * answers for the first cause it knows, so a refusal means the same status whichever layer wrapped it (the engine
 * wraps what a listener throws; Camunda REST wraps what the engine throws).
 */
public final class ProblemStatus {

    static final String RACE =
            "Someone else changed this at the same moment; nothing of your request was saved. Reload and try again.";
    static final String INTEGRITY =
            "The change conflicts with data that is already recorded (for example a signed version or a"
                    + " decision already taken).";
    static final String FORBIDDEN = "Your groups do not allow this action.";
    /** Camunda's SaveUserCmd refuses a password against the policy with only this message (no type of its own). */
    static final String ENGINE_PASSWORD_POLICY = "Password does not match policy";
    /** Bilingual: Camunda Admin, /engine-rest and the start-up refusal show it as it is. */
    public static final String PASSWORD_POLICY =
            "Het wachtwoord voldoet niet aan het beleid: minstens 12 tekens (hoogstens 1024), niet gelijk"
                    + " aan de gebruikersnaam en geen veelgebruikt wachtwoord. / The password does not meet the policy: at least 12"
                    + " characters (at most 1024), not the user id and not a common password.";

    static final String UNAVAILABLE =
            "The database is temporarily unavailable; nothing of your request was saved. Try again in a few seconds.";
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";
    /** Seconds a client should wait before retrying after a 503 (the Retry-After header on every path). */
    public static final int RETRY_AFTER_SECONDS = 5;

    static final String UNREADABLE =
            "The request body is not readable: send one JSON object with the fields asked for.";
    static final String UNEXPECTED = "An unexpected error occurred; it has been logged.";

    private ProblemStatus() {}

    /**
     * What to answer: status, detail, the field at fault (or null) and the cause that decided it. {@code refusal} says
     * the request was refused as it stands (our family, Camunda's and Spring's refusals), as against a lost race or a
     * database constraint; {@code known} is false for the neutral 500 of an unexpected error.
     */
    public record Problem(
            HttpStatus status, String detail, String field, Throwable cause, boolean refusal, boolean known) {}

    /** The problem for any throwable; an unknown one is a 500 with a neutral detail (log it). */
    public static Problem of(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = thrown; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            Problem problem = match(cause);
            if (problem != null) {
                return problem;
            }
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED, null, thrown, false, false);
    }

    /** The Retry-After header's value (seconds) for a problem that is worth retrying (503), else null. */
    public static String retryAfter(Problem problem) {
        if (problem.cause() instanceof TooManyRequestsException tooMany) {
            return String.valueOf(tooMany.retryAfterSeconds());
        }
        return problem.status() == HttpStatus.SERVICE_UNAVAILABLE ? String.valueOf(RETRY_AFTER_SECONDS) : null;
    }

    /** The refusal in the cause chain, to be thrown as itself instead of the wrapper around it. */
    public static Optional<RuntimeException> refusalIn(Throwable thrown) {
        Problem problem = of(thrown);
        return problem.refusal() && problem.cause() instanceof RuntimeException refusal
                ? Optional.of(refusal)
                : Optional.empty();
    }

    private static Problem match(Throwable cause) {
        if (cause instanceof WaarborgException ours) {
            return refusal(ours.getStatusCode(), ours.getMessage(), ours.field(), ours);
        }
        if (cause instanceof AuthorizationException) {
            return refusal(HttpStatus.FORBIDDEN, cause.getMessage(), null, cause);
        }
        if (cause instanceof AccessDeniedException) {
            return refusal(HttpStatus.FORBIDDEN, FORBIDDEN, null, cause);
        }
        if (cause instanceof org.camunda.bpm.engine.exception.NotFoundException
                || cause instanceof NullValueException) { // a task or definition that is not there
            return refusal(HttpStatus.NOT_FOUND, cause.getMessage(), null, cause);
        }
        if (cause instanceof org.camunda.bpm.engine.ProcessEngineException
                && ENGINE_PASSWORD_POLICY.equals(cause.getMessage())) {
            return refusal(HttpStatus.BAD_REQUEST, PASSWORD_POLICY, "password", cause);
        }
        if (cause instanceof BadUserRequestException) {
            return refusal(HttpStatus.BAD_REQUEST, cause.getMessage(), null, cause);
        }
        if (cause instanceof BodyTooLargeException) {
            return refusal(HttpStatus.PAYLOAD_TOO_LARGE, cause.getMessage(), null, cause);
        }
        if (cause instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            String name = mismatch.getPropertyName();
            return refusal(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' is missing or invalid.", name, cause);
        }
        if (cause instanceof HttpMessageNotReadableException) { // a body that is no JSON or not of the expected shape
            Problem inner = cause.getCause() == null ? null : of(cause.getCause());
            return inner != null && inner.known() ? inner : refusal(HttpStatus.BAD_REQUEST, UNREADABLE, null, cause);
        }
        if (cause instanceof ErrorResponse spring) { // Spring MVC's own (a missing parameter, an unsupported method…)
            return refusal(spring.getStatusCode(), spring.getBody().getDetail(), null, cause);
        }
        if (cause instanceof TransactionSystemException failed && failed.getApplicationException() != null) {
            Problem original = of(failed.getApplicationException()); // a rollback that failed after the real failure
            if (original.known()) {
                return original;
            }
        }
        if (unavailable(cause)) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, null, cause, false, true);
        }
        if (cause instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException) {
            // Someone was given or took the task at the same moment (a claim before a completion): theirs now.
            return refusal(HttpStatus.CONFLICT, cause.getMessage(), null, cause);
        }
        if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
            return conflict(RACE, cause);
        }
        if (cause instanceof DataIntegrityViolationException) {
            return conflict(INTEGRITY, cause);
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("23")) {
                return conflict(RACE, cause); // a constraint in the engine's tables: the other request got there first
            }
            if (state.equals("40001") || state.equals("40P01")) {
                // A deadlock (PostgreSQL 40P01, H2 40001) or a serialization failure: the database rolled this request
                // back in favour of another one at the same moment; nothing of it stayed. (Not all of class 40: 40003,
                // "statement completion unknown", may have committed.)
                return conflict(RACE, cause);
            }
        }
        return null;
    }

    /**
     * The database cannot be reached, or no connection is free within the pool's (short) connection timeout: the
     * pool's or Spring's connection failure, or a driver's SQLState of class 08 (connection exception) or 57P
     * (the server shutting down or starting up). Whoever wrapped it (the engine, MyBatis, Camunda REST), it is a 503.
     */
    static boolean unavailable(Throwable cause) {
        if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        return state == null
                // HikariCP closes a connection that broke (08xxx); the transaction's next statement then meets this
                ? HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())
                : state.startsWith("08") || state.startsWith("57P");
    }

    private static Problem refusal(HttpStatusCode status, String detail, String field, Throwable cause) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        HttpStatus known = resolved == null ? HttpStatus.BAD_REQUEST : resolved;
        return new Problem(
                known, detail == null ? known.getReasonPhrase() : detail, field, cause, known.is4xxClientError(), true);
    }

    private static Problem conflict(String detail, Throwable cause) {
        return new Problem(HttpStatus.CONFLICT, detail, null, cause, false, true);
    }
}
