package nl.waarborg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for the whole application. Browsers log in at the identity provider (OpenID Connect, when configured) or
 * with a local password (form login, when local accounts are on), and keep a session with CSRF protection. API clients
 * (/api, /engine-rest) send a bearer token of the provider or use HTTP Basic (local or service accounts), need no CSRF
 * token and get problem+json on 401/403 (ADR 0025). The Camunda webapps bring their own CSRF filter, so Spring's is not
 * applied there.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    static final RequestMatcher API = new OrRequestMatcher(
            AntPathRequestMatcher.antMatcher("/api/**"),
            AntPathRequestMatcher.antMatcher("/engine-rest/**"),
            AntPathRequestMatcher.antMatcher("/actuator/**"),
            AntPathRequestMatcher.antMatcher("/v3/api-docs/**"));

    static final RequestMatcher CAMUNDA_WEBAPPS = AntPathRequestMatcher.antMatcher("/camunda/**");

    /**
     * A browser opening an address (a download link on a page, after the session ended): it goes to the login page, not
     * to the browser's own Basic prompt, whose answer the browser would then send with every request to Waarborg.
     */
    static final RequestMatcher BROWSER_NAVIGATION =
            request -> "navigate".equalsIgnoreCase(request.getHeader("Sec-Fetch-Mode"));

    /**
     * A request that carries its credentials itself (Basic or a bearer token) and does not come from another site's
     * page needs no CSRF token: a cookie alone cannot forge it. A browser that once answered the API's Basic prompt
     * sends those credentials with every request to Waarborg, also with another site's form; such a request is
     * cross-site by its browser's headers and so keeps the CSRF check (an outside probe's finding, 2026-12-07).
     */
    static final RequestMatcher CREDENTIALS_IN_HEADER = request -> {
        String header = request.getHeader("Authorization");
        return header != null
                && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7))
                && !fromAnotherSite(request);
    };

    /**
     * Whether a browser says the request comes from another site's page: {@code Sec-Fetch-Site} other than
     * same-origin or none (typed by the user), or, from a browser without it, an {@code Origin} whose host and port
     * are not the request's own {@code Host}. API clients send neither header.
     */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            URI from = URI.create(origin);
            String authority = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
            return host == null || !host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            IdentityService identityService,
            ObjectMapper objectMapper,
            LocalLoginProperties local,
            SingleSignOnProperties ssoProperties,
            ObjectProvider<SsoAccountSync> sync,
            LoginThrottle throttle,
            AccountStates accountStates,
            ApplicationEventPublisher events)
            throws Exception {
        SingleSignOn sso = ssoProperties.enabled() ? new SingleSignOn(ssoProperties, sync.getObject(), throttle) : null;
        boolean basic = local.enabled() || !local.serviceAccounts().isEmpty();
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                writeProblem(response, objectMapper, request, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"Waarborg\"");
            }
            if (sso != null) {
                response.addHeader(
                        "WWW-Authenticate",
                        e instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
            }
            writeProblem(
                    response,
                    objectMapper,
                    request,
                    HttpStatus.UNAUTHORIZED,
                    e instanceof OAuth2AuthenticationException refused
                            ? "The bearer token was refused (" + SsoLogins.describe(refused.getError())
                                    + "): it must be a valid, unexpired token of the configured identity provider."
                            : "Authentication required: "
                                    + (sso != null ? "send a bearer token of the identity provider" : "")
                                    + (sso != null && basic ? ", or " : "")
                                    + (basic ? "log in with HTTP Basic" : "")
                                    + " (API), or log in through the login page.");
        };
        AccessDeniedHandler apiAccessDenied = (request, response, e) -> writeProblem(
                response,
                objectMapper,
                request,
                HttpStatus.FORBIDDEN,
                e instanceof CsrfException
                        ? "This request needs a CSRF token: a browser session or another site's page sends one with each"
                                + " change (header X-CSRF-TOKEN), API clients send their credentials in the"
                                + " Authorization header from outside a browser."
                        : "Your groups do not allow this action.");

        http.authorizeHttpRequests(auth -> auth
                        // Camunda Admin's "create the first administrator" API would make a new engine superuser group
                        // member with ALL grants whenever camunda-admin has no members: closed for everyone (ADR 0019).
                        .requestMatchers("/camunda/api/admin/setup/**")
                        .denyAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(
                                "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        // The public Algoritmeregister page and feed (ADR 0034): only published entries.
                        .requestMatchers(HttpMethod.GET, "/register", "/register.json")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .authenticated())
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(apiEntryPoint))
                .logout(logout -> {
                    logout.logoutUrl("/logout").permitAll();
                    if (sso != null) {
                        logout.logoutSuccessHandler(sso.logoutSuccessHandler());
                    } else {
                        logout.logoutSuccessUrl("/login?logout");
                    }
                })
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), BROWSER_NAVIGATION)
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(API))
                        .defaultAccessDeniedHandlerFor(apiAccessDenied, API))
                .csrf(csrf -> csrf.ignoringRequestMatchers(CREDENTIALS_IN_HEADER, CAMUNDA_WEBAPPS))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // Camunda's webapps set their own Content-Security-Policy; ours covers Waarborg's pages.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(CAMUNDA_WEBAPPS),
                                new StaticHeadersWriter(
                                        "Content-Security-Policy",
                                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';"
                                                + " object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'"
                                                // Logging out redirects the form to the provider's logout.
                                                + (sso != null ? " " + sso.origin() : ""))))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
                // Every request re-reads the user's state (deactivated: the session ends; groups changed: new
                // authorities), then hands the user to the engine (ADR 0027).
                .addFilterAfter(
                        new AccountRecheckFilter(accountStates, objectMapper, events), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationBridgeFilter(identityService), AccountRecheckFilter.class);
        if (local.enabled()) {
            http.formLogin(form -> form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    // A throttled login gets its own Dutch message on the login page (login.locked).
                    .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                            + (e instanceof LoginThrottledException ? "/login?locked" : "/login?error")))
                    .permitAll());
        }
        if (sso != null) {
            sso.apply(http, apiEntryPoint);
        }
        return http.build();
    }

    /**
     * Whether a request comes from an API client (/api, /engine-rest, Camunda's webapps and their API), whose problems
     * are in English, rather than from Waarborg's pages, whose script shows a problem's detail in Dutch.
     */
    public static boolean forApiClients(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        return path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/");
    }

    static void writeProblem(
            HttpServletResponse response,
            ObjectMapper objectMapper,
            HttpServletRequest request,
            HttpStatus status,
            String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
