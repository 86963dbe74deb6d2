package nl.waarborg.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.ProblemStatus.Problem;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that reach the servlet container (unknown URLs, failures outside our controllers): a Dutch page for
 * browsers and problem+json for everything else. Never a stack trace.
 */
@Controller
public class WaarborgErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    public String errorPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        return WebErrors.page(problemOf(request), model, response);
    }

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> errorProblem(HttpServletRequest request) {
        Problem known = problemOf(request);
        HttpStatus status = known.status();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                status == HttpStatus.NOT_FOUND
                        ? "No resource at this address."
                        : known.known() ? known.detail() : status.getReasonPhrase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            try {
                problem.setInstance(URI.create(uri.toString()));
            } catch (IllegalArgumentException unparsable) {
                // An address that is not a valid URI is still a 404; leave out the instance.
            }
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        String retryAfter = ProblemStatus.retryAfter(known);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A failure outside our controllers (a filter, such as the login's password check, when the database is down) is
     * judged by the one table, as everywhere; otherwise the status the container gives.
     */
    private static Problem problemOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            Problem problem = ProblemStatus.of(failure);
            if (problem.known()) {
                return problem;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        HttpStatus resolved = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        return new Problem(resolved, resolved.getReasonPhrase(), null, null, resolved.is4xxClientError(), false);
    }
}
