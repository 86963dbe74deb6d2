package nl.waarborg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import nl.waarborg.shared.ProblemStatus.Problem;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The cause → status table: each kind of cause, bare and wrapped the way the engine and Camunda REST wrap it. */
class ProblemStatusTest {

    /** What the engine makes of an exception thrown by a task listener (ENGINE-03051), inside Camunda REST's 500. */
    static Throwable wrapped(Throwable cause) {
        ProcessEngineException listener = new ProcessEngineException(
                "ENGINE-03051 There was an exception while invoking the TaskListener", cause);
        return new RestException(
                Response.Status.INTERNAL_SERVER_ERROR, listener, "Cannot submit task form t1: " + cause.getMessage());
    }

    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of(
                        new NotFoundException("No such thing."), HttpStatus.NOT_FOUND, "No such thing.", null, true),
                Arguments.of(
                        new ForbiddenException("Segregation of duties."),
                        HttpStatus.FORBIDDEN,
                        "Segregation of duties.",
                        null,
                        true),
                Arguments.of(
                        new InvalidInputException("motivation", "Motivation is required."),
                        HttpStatus.BAD_REQUEST,
                        "Motivation is required.",
                        "motivation",
                        true),
                Arguments.of(new ConflictException("Frozen."), HttpStatus.CONFLICT, "Frozen.", null, true),
                Arguments.of(
                        new TooLargeException("Too large."), HttpStatus.PAYLOAD_TOO_LARGE, "Too large.", null, true),
                Arguments.of(
                        new AuthorizationException("No READ on task."),
                        HttpStatus.FORBIDDEN,
                        "No READ on task.",
                        null,
                        true),
                Arguments.of(
                        new AccessDeniedException("internal"),
                        HttpStatus.FORBIDDEN,
                        ProblemStatus.FORBIDDEN,
                        null,
                        true),
                Arguments.of(new BadUserRequestException("Bad."), HttpStatus.BAD_REQUEST, "Bad.", null, true),
                Arguments.of(new NotValidException("Not valid."), HttpStatus.BAD_REQUEST, "Not valid.", null, true),
                Arguments.of(new NullValueException("task is null"), HttpStatus.NOT_FOUND, "task is null", null, true),
                Arguments.of(
                        new org.camunda.bpm.engine.exception.NotFoundException("No definition."),
                        HttpStatus.NOT_FOUND,
                        "No definition.",
                        null,
                        true),
                Arguments.of(
                        new OptimisticLockingException("stale"), HttpStatus.CONFLICT, ProblemStatus.RACE, null, false),
                Arguments.of(
                        new PessimisticLockingFailureException("lock"),
                        HttpStatus.CONFLICT,
                        ProblemStatus.RACE,
                        null,
                        false),
                Arguments.of(
                        new DataIntegrityViolationException("unique"),
                        HttpStatus.CONFLICT,
                        ProblemStatus.INTEGRITY,
                        null,
                        false),
                Arguments.of(
                        new SQLException("duplicate key", "23505"),
                        HttpStatus.CONFLICT,
                        ProblemStatus.RACE,
                        null,
                        false),
                Arguments.of(
                        new SQLIntegrityConstraintViolationException("unique", "23000"),
                        HttpStatus.CONFLICT,
                        ProblemStatus.RACE,
                        null,
                        false),
                Arguments.of( // a page's JSON body that does not parse (probe 64)
                        new org.springframework.http.converter.HttpMessageNotReadableException(
                                "JSON parse error",
                                new org.springframework.mock.http.MockHttpInputMessage(new byte[0])),
                        HttpStatus.BAD_REQUEST,
                        ProblemStatus.UNREADABLE,
                        null,
                        true),
                Arguments.of( // PostgreSQL picked this request as a deadlock's victim (probe 62)
                        new SQLException("deadlock detected", "40P01"),
                        HttpStatus.CONFLICT,
                        ProblemStatus.RACE,
                        null,
                        false),
                Arguments.of( // H2's deadlock, and a serialization failure
                        new SQLException("Deadlock detected", "40001"),
                        HttpStatus.CONFLICT,
                        ProblemStatus.RACE,
                        null,
                        false),
                Arguments.of(
                        new SQLTransientConnectionException(
                                "Connection is not available, request timed out after 2000ms"),
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemStatus.UNAVAILABLE,
                        null,
                        false),
                Arguments.of(
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemStatus.UNAVAILABLE,
                        null,
                        false),
                Arguments.of(
                        new SQLException("Connection refused", "08001"),
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemStatus.UNAVAILABLE,
                        null,
                        false),
                Arguments.of(
                        new SQLException("terminating connection due to administrator command", "57P01"),
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemStatus.UNAVAILABLE,
                        null,
                        false),
                Arguments.of(
                        new BodyTooLargeException(2L * 1024 * 1024),
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "The request body is larger than 2 MB; one section's answers may be at most 1 MB.",
                        null,
                        true),
                Arguments.of(
                        new MethodArgumentTypeMismatchException("veel", Integer.class, "limit", null, null),
                        HttpStatus.BAD_REQUEST,
                        "Parameter 'limit' is missing or invalid.",
                        "limit",
                        true),
                Arguments.of(
                        new MissingServletRequestParameterException("from", "int"),
                        HttpStatus.BAD_REQUEST,
                        null,
                        null,
                        true),
                Arguments.of(
                        new HttpRequestMethodNotSupportedException("DELETE"),
                        HttpStatus.METHOD_NOT_ALLOWED,
                        null,
                        null,
                        true));
    }

    @ParameterizedTest
    @MethodSource("causes")
    void eachCauseHasItsStatus(Throwable cause, HttpStatus status, String detail, String field, boolean refusal) {
        Problem problem = ProblemStatus.of(cause);
        assertThat(problem.status()).isEqualTo(status);
        if (detail != null) {
            assertThat(problem.detail()).isEqualTo(detail);
        } else {
            assertThat(problem.detail()).isNotBlank();
        }
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.refusal()).isEqualTo(refusal);
        assertThat(problem.known()).isTrue();
        assertThat(problem.cause()).isSameAs(cause);
    }

    @ParameterizedTest
    @MethodSource("causes")
    void theStatusHoldsThroughTheEnginesAndCamundaRestsWrapping(
            Throwable cause, HttpStatus status, String detail, String field, boolean refusal) {
        Problem problem = ProblemStatus.of(wrapped(cause));
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.refusal()).isEqualTo(refusal);
        assertThat(problem.cause()).isSameAs(cause);
    }

    @Test
    void theFirstKnownCauseFromTheOutsideDecides() {
        Problem problem = ProblemStatus.of(new HttpMessageNotReadableException(
                "I/O error", new BodyTooLargeException(2L * 1024 * 1024), new MockHttpInputMessage(new byte[0])));
        assertThat(problem.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

        Problem forbidden = ProblemStatus.of(
                new AuthorizationException("outer").initCause(new InvalidInputException("f", "inner")));
        assertThat(forbidden.status()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyA503AsksForARetry() {
        assertThat(ProblemStatus.retryAfter(ProblemStatus.of(new ProcessEngineException(
                        "ENGINE-03004", new SQLTransientConnectionException("Connection is not available")))))
                .isEqualTo(String.valueOf(ProblemStatus.RETRY_AFTER_SECONDS));
        assertThat(ProblemStatus.retryAfter(ProblemStatus.of(new OptimisticLockingException("stale"))))
                .isNull();
    }

    @Test
    void aRollbackThatFailsAfterTheConnectionBrokeIsJudgedByTheOriginalFailure() {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(ProblemStatus.of(rollback).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void anUnknownCauseIsANeutral500() {
        RuntimeException unknown = new IllegalStateException("secret internals");
        Problem problem = ProblemStatus.of(new ProcessEngineException("wrapper", unknown));
        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.known()).isFalse();
        assertThat(problem.refusal()).isFalse();
        assertThat(problem.detail()).isEqualTo(ProblemStatus.UNEXPECTED).doesNotContain("secret");
        assertThat(ProblemStatus.of(new SQLException("syntax", "42000")).known())
                .isFalse();
        // "Statement completion unknown": it may have committed, so not the race's "nothing was saved".
        assertThat(ProblemStatus.of(new SQLException("completion unknown", "40003"))
                        .known())
                .isFalse();
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(ProblemStatus.of(first).status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void theRefusalInsideAWrapperIsFoundButNotARace() {
        InvalidInputException refusal = new InvalidInputException("motivation", "Motivation is required.");
        assertThat(ProblemStatus.refusalIn(new ProcessEngineException("ENGINE-03051", refusal)))
                .containsSame(refusal);
        AuthorizationException denied = new AuthorizationException("No READ on task.");
        assertThat(ProblemStatus.refusalIn(new ProcessEngineException("wrapper", denied)))
                .containsSame(denied);
        assertThat(ProblemStatus.refusalIn(
                        new ProcessEngineException("wrapper", new OptimisticLockingException("stale"))))
                .isEmpty();
        assertThat(ProblemStatus.refusalIn(
                        new ProcessEngineException("wrapper", new DataIntegrityViolationException("x"))))
                .isEmpty();
        assertThat(ProblemStatus.refusalIn(new ProcessEngineException("unknown")))
                .isEmpty();
    }

    @Test
    void ourExceptionsCarryTheirProblemDetailWithTheField() {
        InvalidInputException e = new InvalidInputException("motivation", "Motivation is required.");
        assertThat(e.getMessage()).isEqualTo("Motivation is required.");
        assertThat(e.getStatusCode().value()).isEqualTo(400);
        assertThat(e.getBody().getDetail()).isEqualTo("Motivation is required.");
        assertThat(e.getBody().getProperties()).containsEntry("field", "motivation");
        assertThat(new ConflictException("Frozen.").getBody().getProperties()).isNull();
    }
}
