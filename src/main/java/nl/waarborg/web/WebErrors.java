package nl.waarborg.web;

import jakarta.servlet.http.HttpServletResponse;
import nl.waarborg.shared.ApiException;
import nl.waarborg.assessment.AssessmentNotFoundException;
import nl.waarborg.system.SystemNotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Failures on Waarborg's own pages become the Dutch error page with the right status, never a stack trace. */
@ControllerAdvice(assignableTypes = {HomeController.class, SystemPages.class, VersionPages.class, TaskPages.class, OversightPages.class})
public class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler({SystemNotFoundException.class, AssessmentNotFoundException.class})
    public String notFound(RuntimeException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, model, response);
    }

    @ExceptionHandler(ApiException.class)
    public String api(ApiException e, Model model, HttpServletResponse response) {
        return page(e.status(), model, response);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    public String forbidden(RuntimeException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, model, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public String badRequest(Exception e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, model, response);
    }

    @ExceptionHandler(Exception.class)
    public String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error on a web page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, model, response);
    }

    private static String page(HttpStatus status, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", status == HttpStatus.NOT_FOUND ? "error.notFound"
                : status == HttpStatus.FORBIDDEN ? "error.forbidden"
                : status == HttpStatus.CONFLICT ? "error.conflict"
                : status.is4xxClientError() ? "error.badRequest" : "error.server");
        return "error";
    }
}
