package nl.waarborg.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.ProblemStatus.Problem;
import nl.waarborg.shared.RefusalNote;
import nl.waarborg.shared.TextInput;
import nl.waarborg.shared.WaarborgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the /api controllers as application/problem+json that names the problem (and the field, where
 * one is at fault). Spring MVC's own exceptions are answered by ResponseEntityExceptionHandler, with our wording
 * where it names a field or parameter; everything else (our exceptions, the engine's, the database's) gets its status
 * from {@link ProblemStatus}. Never a stack trace; unexpected errors are logged and answered with a neutral 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before web.WebErrors, which applies to every @Controller (a @RestController too)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** Our refusals (rather than ResponseEntityExceptionHandler's ErrorResponseException) and everything else. */
    @ExceptionHandler({WaarborgException.class, Exception.class})
    ResponseEntity<Object> problem(Exception e, WebRequest request) {
        Problem problem = ProblemStatus.of(e);
        String method = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod()
                : "?";
        String path = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : "?";
        RefusalNote.note(problem); // the audit trail records the refusal with its reason (audit.RefusalAudit)
        if (!problem.known()) {
            log.error("Unexpected error on {} {}", method, path, e);
        } else if (problem.cause() instanceof DataIntegrityViolationException integrity) {
            log.info(
                    "Refused by a database constraint: {}",
                    integrity.getMostSpecificCause().getMessage());
        }
        HttpHeaders headers = new HttpHeaders();
        String retryAfter = ProblemStatus.retryAfter(problem);
        if (retryAfter != null) {
            log.warn("Answered {} on {} {}: {}", problem.status().value(), method, path, e.toString());
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return handleExceptionInternal(
                e, body(problem.status(), problem.detail(), problem.field()), headers, problem.status(), request);
    }

    /** Spring MVC's exceptions, with a detail in our words where it helps a client (which field, which parameter). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail ours = ours(ex);
        return ours == null
                ? super.handleExceptionInternal(ex, body, headers, status, request)
                : super.handleExceptionInternal(ex, ours, headers, HttpStatusCode.valueOf(ours.getStatus()), request);
    }

    /** Always application/problem+json with the address as instance, whatever the client accepts. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && problem.getInstance() == null
                && request instanceof ServletWebRequest servlet) {
            try {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            } catch (IllegalArgumentException ignored) {
                // an unparsable address is left out
            }
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static ProblemDetail ours(Exception ex) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            // API texts are English whatever the server's locale: describe each constraint by its code.
            List<FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                    .sorted(Comparator.comparing(FieldError::getField))
                    .toList();
            String fields = errors.stream()
                    .map(f -> "'" + f.getField() + "' "
                            + switch (String.valueOf(f.getCode())) {
                                case "NotBlank", "NotNull", "NotEmpty" -> "is required";
                                case "Size" -> "has the wrong length";
                                default -> "is invalid";
                            })
                    .collect(Collectors.joining("; "));
            return body(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request: " + fields,
                    errors.isEmpty() ? null : errors.get(0).getField());
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (ex instanceof TypeMismatchException || ex instanceof MissingServletRequestParameterException) {
            String name = ex instanceof MissingServletRequestParameterException missing
                    ? missing.getParameterName()
                    : ((TypeMismatchException) ex).getPropertyName();
            return body(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' is missing or invalid.", name);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.", null);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return body(HttpStatus.METHOD_NOT_ALLOWED, "Method " + method.getMethod() + " is not allowed here.", null);
        }
        if (ex instanceof NoResourceFoundException) {
            return body(HttpStatus.NOT_FOUND, "No resource at this address.", null);
        }
        return null;
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Problem tooLarge = ProblemStatus.of(e);
        if (tooLarge.status() == HttpStatus.PAYLOAD_TOO_LARGE) {
            return body(tooLarge.status(), tooLarge.detail(), null);
        }
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            if (mapping.getCause() instanceof TextInput.RefusedException refused) {
                return body(HttpStatus.BAD_REQUEST, "Field '" + field + "': " + refused.getMessage(), field);
            }
            String expected = mapping instanceof InvalidFormatException format
                    ? " (expected " + format.getTargetType().getSimpleName() + ")"
                    : "";
            return body(
                    HttpStatus.BAD_REQUEST, "Field '" + field + "' has a wrong type or value" + expected + ".", field);
        }
        return body(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.", null);
    }

    private static ProblemDetail body(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
