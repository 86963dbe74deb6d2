package nl.waarborg.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.RefusalNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sees the outcome of every request right after Spring Security has logged the user in, on every path, and hands the
 * refusals to {@link RefusalAudit}: 401 and 403 on any request; other refusals (400, 409, 413…) of requests that
 * write; and refusals that a page answered with a redirect (noted with {@link RefusalNote}). Not found (404), method
 * not allowed (405) and throttled logins (429, audited by the login throttle) are not refusals of an action. Failed
 * logins never reach this filter: the login throttle records them.
 */
class RefusalAuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusalAuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<Integer> NOT_REFUSALS = Set.of(404, 405, 429);

    private final RefusalAudit refusals;

    RefusalAuditFilter(RefusalAudit refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = 0;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } catch (IOException | ServletException | RuntimeException e) {
            status = ProblemStatus.of(e).status().value(); // answered further out, e.g. 403 by Spring Security
            throw e;
        } finally {
            RefusalNote.Noted noted = RefusalNote.of(request);
            int refusal = refusal(request.getMethod(), status, noted);
            if (refusal != 0) {
                try {
                    refusals.refused(
                            CurrentUser.id(),
                            request.getRemoteAddr(),
                            request.getMethod(),
                            request.getRequestURI(),
                            refusal,
                            noted == null ? null : noted.reason(),
                            Instant.now());
                } catch (RuntimeException e) {
                    log.error(
                            "Could not record a refused {} {} in the audit trail",
                            request.getMethod(),
                            request.getRequestURI(),
                            e);
                }
            }
        }
    }

    /** The refusal's status, or 0 when the request was not refused. */
    static int refusal(String method, int status, RefusalNote.Noted noted) {
        int effective = status >= 400 && status < 500 ? status : noted != null ? noted.status() : 0;
        if (effective < 400 || effective >= 500 || NOT_REFUSALS.contains(effective)) {
            return 0;
        }
        return effective == 401 || effective == 403 || !READS.contains(method) ? effective : 0;
    }
}
