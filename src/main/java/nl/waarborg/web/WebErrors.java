package nl.waarborg.web;

import jakarta.servlet.http.HttpServletResponse;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.ProblemStatus.Problem;
import nl.waarborg.shared.RefusalNote;
import nl.waarborg.shared.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures on Waarborg's own pages become the Dutch error page with the status of {@link ProblemStatus}, never a
 * stack trace: every page controller of every module (such as the register pages of {@code publication}), so a new
 * page needs no entry here. A {@code @RestController} is also a {@code @Controller}; its failures are answered as
 * problem+json by {@code api.ApiProblems}, which comes first ({@link Order}).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler(Exception.class)
    public String error(Exception e, Model model, HttpServletResponse response) {
        Problem problem = ProblemStatus.of(e);
        RefusalNote.note(problem);
        if (!problem.known()) {
            log.error("Unexpected error on a web page", e);
        }
        return page(problem, model, response);
    }

    /** The error page for a problem: its status, its Dutch text and, for a 503, when to try again. */
    static String page(Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        String retryAfter = ProblemStatus.retryAfter(problem);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        model.addAttribute("status", problem.status().value());
        model.addAttribute(
                "messageKey",
                problem.cause() instanceof TextInput.RefusedException
                        ? "error.controlCharacter"
                        : messageKey(problem.status()));
        model.addAttribute("titleKey", titleKey(problem.status()));
        return "error";
    }

    static String titleKey(HttpStatus status) {
        return status == HttpStatus.SERVICE_UNAVAILABLE ? "error.unavailableTitle" : "error.title";
    }

    /** The Dutch text of the error page for a status. */
    static String messageKey(HttpStatus status) {
        return status == HttpStatus.NOT_FOUND
                ? "error.notFound"
                : status == HttpStatus.FORBIDDEN
                        ? "error.forbidden"
                        : status == HttpStatus.CONFLICT
                                ? "error.conflict"
                                : status.is4xxClientError()
                                        ? "error.badRequest"
                                        : status == HttpStatus.SERVICE_UNAVAILABLE
                                                ? "error.unavailable"
                                                : "error.server";
    }
}
