package nl.waarborg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A client address that the login throttle locked starts no single sign-on and completes none: the start
 * ({@code /oauth2/authorization/…}) and the provider's redirect back ({@code /login/oauth2/code/…}) go to the login
 * page's "locked" message before anything is asked of the provider, as a password login from that address is refused
 * (ADR 0025). The address is the request's own, as for the throttle's count of failures.
 */
final class SsoAddressGuard extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    SsoAddressGuard(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/oauth2/authorization/") && !path.startsWith("/login/oauth2/code/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            throttle.checkAddress(request.getRemoteAddr());
        } catch (LoginThrottledException locked) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
