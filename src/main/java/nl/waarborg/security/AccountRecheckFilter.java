package nl.waarborg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the logged-in user's state on every request, whatever the login (session, HTTP Basic, bearer token) and
 * wherever it goes (pages, /api, /engine-rest, Camunda's webapps): a deactivated or deleted user's session ends at once
 * (pages: to the login page with a Dutch message; APIs: 401 problem+json), and changed groups become the request's
 * authorities, in the session and in Camunda's webapp session too (ADR 0027). Runs after the logins, before the engine
 * gets the user ({@link EngineAuthenticationBridgeFilter}). Each refusal is published as {@link SessionEnded} for the
 * audit trail (ADR 0050). A user whose password an administrator set reaches nothing but the page and the API where they
 * choose their own (ADR 0058).
 */
public class AccountRecheckFilter extends OncePerRequestFilter {

    static final String ENDED = "/login?ended";

    /** Where a user replaces a password an administrator set (ADR 0058). */
    public static final String CHANGE_PASSWORD_PAGE = "/wachtwoord";

    /** What a user with a one-time password may still reach: the change itself, logging out, and the page's assets. */
    private static final RequestMatcher PASSWORD_CHANGE = new OrRequestMatcher(
            AntPathRequestMatcher.antMatcher(CHANGE_PASSWORD_PAGE),
            AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/api/me/password"),
            AntPathRequestMatcher.antMatcher("/logout"),
            AntPathRequestMatcher.antMatcher("/error"),
            AntPathRequestMatcher.antMatcher("/css/**"),
            AntPathRequestMatcher.antMatcher("/js/**"),
            AntPathRequestMatcher.antMatcher("/vendor/**"),
            AntPathRequestMatcher.antMatcher("/favicon.ico"));

    private static final Logger log = LoggerFactory.getLogger(AccountRecheckFilter.class);
    private static final AntPathRequestMatcher CAMUNDA_API = AntPathRequestMatcher.antMatcher("/camunda/api/**");

    private final AccountStates states;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public AccountRecheckFilter(AccountStates states, ObjectMapper json, ApplicationEventPublisher events) {
        this.states = states;
        this.json = json;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = CurrentUser.loggedIn();
        if (authentication == null) {
            chain.doFilter(request, response);
            return;
        }
        AccountStates.State state = states.current(authentication.getName());
        if (state.ended() != null) {
            end(
                    request,
                    response,
                    authentication.getName(),
                    state.ended().name().toLowerCase(Locale.ROOT));
            return;
        }
        Set<String> now = new TreeSet<>(state.groups());
        if (!now.equals(authorities(authentication))) {
            Authentication refreshed = withGroups(authentication, now);
            if (refreshed == null) {
                end(request, response, authentication.getName(), "login-unknown");
                return;
            }
            refresh(request, response, refreshed);
        }
        if (state.passwordChangeRequired() && !PASSWORD_CHANGE.matches(request)) {
            changePasswordFirst(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * An administrator set this user's password: until they choose their own, they can do nothing but that (ADR 0058).
     * Pages go to the page where they change it; the APIs answer 403 naming the way out.
     */
    private void changePasswordFirst(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (SecurityConfig.API.matches(request) || CAMUNDA_API.matches(request)) {
            SecurityConfig.writeProblem(
                    response,
                    json,
                    request,
                    HttpStatus.FORBIDDEN,
                    "An administrator set your password: choose your own first (POST /api/me/password with"
                            + " currentPassword and newPassword).");
            return;
        }
        response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
    }

    private void refresh(HttpServletRequest request, HttpServletResponse response, Authentication refreshed) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(refreshed);
        SecurityContextHolder.setContext(context);
        HttpSession session = request.getSession(false);
        if (session != null && sessions.containsContext(request)) {
            sessions.saveContext(context, request, response);
            // Camunda's webapps keep their own copy of the groups in the session: drop it, so they read them again.
            Authentications camunda = AuthenticationUtil.getAuthsFromSession(session);
            for (UserAuthentication stale : List.copyOf(camunda.getAuthentications())) {
                camunda.removeByEngineName(stale.getProcessEngineName());
            }
            AuthenticationUtil.updateSession(session, camunda);
        }
    }

    private void end(HttpServletRequest request, HttpServletResponse response, String userId, String reason)
            throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        String sessionId = null;
        if (session != null) {
            sessionId = session.getId();
            session.invalidate();
        }
        try {
            events.publishEvent(new SessionEnded(
                    userId, reason, sessionId, request.getRemoteAddr(), request.getMethod(), request.getRequestURI()));
        } catch (RuntimeException e) {
            // The refusal stands even when it cannot be recorded.
            log.error("Could not record the ended session of {} in the audit trail", userId, e);
        }
        if (SecurityConfig.API.matches(request) || CAMUNDA_API.matches(request)) {
            SecurityConfig.writeProblem(
                    response,
                    json,
                    request,
                    HttpStatus.UNAUTHORIZED,
                    "Your account has been deactivated or deleted: your session has ended.");
            return;
        }
        response.sendRedirect(request.getContextPath() + ENDED);
    }

    private static Set<String> authorities(Authentication authentication) {
        Set<String> groups = new TreeSet<>();
        authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .forEach(groups::add);
        return groups;
    }

    /** The same login with other groups; null for a kind of login this filter does not know (which then ends). */
    private static Authentication withGroups(Authentication authentication, Set<String> groups) {
        List<SimpleGrantedAuthority> authorities =
                groups.stream().map(SimpleGrantedAuthority::new).toList();
        Authentication refreshed;
        if (authentication instanceof UsernamePasswordAuthenticationToken) {
            refreshed =
                    UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null, authorities);
            ((UsernamePasswordAuthenticationToken) refreshed).setDetails(authentication.getDetails());
        } else if (authentication instanceof OAuth2AuthenticationToken oauth) {
            OAuth2AuthenticationToken token = new OAuth2AuthenticationToken(
                    oauth.getPrincipal(), authorities, oauth.getAuthorizedClientRegistrationId());
            token.setDetails(oauth.getDetails());
            refreshed = token;
        } else if (authentication instanceof JwtAuthenticationToken jwt) {
            JwtAuthenticationToken token = new JwtAuthenticationToken(jwt.getToken(), authorities, jwt.getName());
            token.setDetails(jwt.getDetails());
            refreshed = token;
        } else {
            refreshed = null;
        }
        return refreshed;
    }
}
