package nl.waarborg.api;

import nl.waarborg.shared.ApiException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import nl.waarborg.assessment.AssessmentNotFoundException;
import nl.waarborg.assessment.DutiesConflictException;
import nl.waarborg.assessment.GateDecisionException;
import nl.waarborg.assessment.VersionFrozenException;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.forms.FormInputException;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.system.SystemNotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the /api controllers as application/problem+json that names the problem (and the field, where
 * one is at fault). Never a stack trace; unexpected errors are logged and answered with a neutral 500.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final AuditTrail audit;

    public ApiProblems(AuditTrail audit) {
        this.audit = audit;
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request, Map<String, Object> extra) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException ignored) {
            // an unparsable address is left out
        }
        if (extra != null) {
            extra.forEach(problem::setProperty);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler({SystemNotFoundException.class, AssessmentNotFoundException.class, NotFoundException.class, NullValueException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request, null);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return problem(e.status(), e.getMessage(), request, e.field() == null ? null : Map.of("field", e.field()));
    }

    @ExceptionHandler(VersionFrozenException.class)
    ResponseEntity<ProblemDetail> frozen(VersionFrozenException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), request, null);
    }

    @ExceptionHandler({OptimisticLockingException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Someone else changed this at the same moment; nothing of your request was saved."
                + " Reload and try again.", request, null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "The change conflicts with data that is already recorded (for example a signed"
                + " version or a decision already taken).", request, null);
    }

    @ExceptionHandler(GateDecisionException.class)
    ResponseEntity<ProblemDetail> gateInput(GateDecisionException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request, Map.of("field", e.field()));
    }

    @ExceptionHandler({AuthorizationException.class, DutiesConflictException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e, HttpServletRequest request) {
        audit.recordIndependently("ACCESS_DENIED", CurrentUser.id(), null,
                Map.of("method", request.getMethod(), "path", request.getRequestURI()));
        String detail = e instanceof AccessDeniedException ? "Your groups do not allow this action." : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, detail, request, null);
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ProblemDetail> badEngineRequest(BadUserRequestException e, HttpServletRequest request) {
        Map<String, Object> extra = e instanceof nl.waarborg.workflow.GateInputException gate ? Map.of("field", gate.field()) : null;
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request, extra);
    }

    @ExceptionHandler(FormInputException.class)
    ResponseEntity<ProblemDetail> formInput(FormInputException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request, Map.of("field", e.field()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        // API texts are English whatever the server's locale: describe each constraint by its code.
        java.util.List<org.springframework.validation.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(java.util.Comparator.comparing(org.springframework.validation.FieldError::getField)).toList();
        String fields = errors.stream().map(f -> "'" + f.getField() + "' " + switch (String.valueOf(f.getCode())) {
            case "NotBlank", "NotNull", "NotEmpty" -> "is required";
            case "Size" -> "has the wrong length";
            default -> "is invalid";
        }).collect(Collectors.joining("; "));
        String first = errors.isEmpty() ? null : errors.get(0).getField();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request: " + fields, request, first == null ? null : Map.of("field", first));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.TOO_LARGE, request, null);
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String expected = mapping instanceof InvalidFormatException format ? " (expected " + format.getTargetType().getSimpleName() + ")" : "";
            return problem(HttpStatus.BAD_REQUEST, "Field '" + field + "' has a wrong type or value" + expected + ".", request,
                    Map.of("field", field));
        }
        return problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.", request, null);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' is missing or invalid.", request, Map.of("field", name));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.", request, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here.", request, null);
    }

    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "No resource at this address.", request, null);
    }

    /**
     * The engine wraps what a listener throws; answer for the cause (a refusal of the bridge, a lost race) when there
     * is a known one, so the status is the same whichever layer noticed the problem.
     */
    @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engine(org.camunda.bpm.engine.ProcessEngineException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException || cause instanceof DutiesConflictException) {
                return forbidden((RuntimeException) cause, request);
            }
            if (cause instanceof BadUserRequestException bad) {
                return badEngineRequest(bad, request);
            }
            if (cause instanceof FormInputException form) {
                return formInput(form, request);
            }
            if (cause instanceof GateDecisionException gate) {
                return gateInput(gate, request);
            }
            if (cause instanceof VersionFrozenException frozen) {
                return frozen(frozen, request);
            }
            if (cause instanceof OptimisticLockingException || cause instanceof DataIntegrityViolationException
                    || cause instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))) {
                return concurrent((RuntimeException) e, request);
            }
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.", request, null);
    }
}
