package nl.waarborg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the logged-in Spring Security user to the engine for the length of one request, so that engine
 * authorizations, task listeners (segregation of duties) and history all see who acts. Without this the
 * engine would run every call unchecked.
 */
public class EngineAuthenticationBridgeFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public EngineAuthenticationBridgeFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = CurrentUser.loggedIn();
        if (authentication == null) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        identityService.setAuthentication(authentication.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The Camunda webapps keep their own engine authentication (container-based, see CamundaWebappSso). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
    }
}
