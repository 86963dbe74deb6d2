package nl.waarborg.shared;

import jakarta.servlet.ServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Why a request was refused, noted on the request by whichever layer answered it (Waarborg's API, Camunda REST, the
 * web pages), so that the audit trail's record of the refusal can name the reason (e.g. segregation of duties) and
 * not only the status. A page that answers a refusal with a redirect and a message (a refused claim) notes it too, so
 * that it is recorded although the response is no 4xx.
 */
public final class RefusalNote {

    static final String ATTRIBUTE = RefusalNote.class.getName();
    static final int MAX_LENGTH = 300;

    private RefusalNote() {}

    /** The status a refusal was answered with and why. */
    public record Noted(int status, String reason) {}

    /** Notes the problem on the current request, if there is one and the problem is a refusal. */
    public static void note(ProblemStatus.Problem problem) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && problem.refusal()) {
            String reason = problem.cause().getClass().getSimpleName() + ": " + problem.detail();
            request.setAttribute(
                    ATTRIBUTE,
                    new Noted(
                            problem.status().value(),
                            reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH) + "…" : reason),
                    RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The refusal noted on this request, or null. */
    public static Noted of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Noted noted ? noted : null;
    }
}
