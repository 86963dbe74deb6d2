package nl.waarborg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for the whole application. Browsers use form login with a session and CSRF protection;
 * API clients (/api, /engine-rest) use HTTP Basic, need no CSRF token and get problem+json on 401/403.
 * The Camunda webapps bring their own CSRF filter, so Spring's is not applied there.
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

    /** A request that carries Basic credentials itself cannot be forged cross-site by a cookie alone. */
    static final RequestMatcher BASIC_AUTH = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                writeProblem(response, objectMapper, request, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Waarborg\"");
            writeProblem(
                    response,
                    objectMapper,
                    request,
                    HttpStatus.UNAUTHORIZED,
                    "Authentication required: log in with HTTP Basic (API) or through the login page.");
        };
        AccessDeniedHandler apiAccessDenied = (request, response, e) -> writeProblem(
                response, objectMapper, request, HttpStatus.FORBIDDEN, "Your groups do not allow this action.");

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
                        .requestMatchers("/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        // A throttled login gets its own Dutch message on the login page (login.locked).
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LoginThrottledException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(API))
                        .defaultAccessDeniedHandlerFor(apiAccessDenied, API))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_AUTH, CAMUNDA_WEBAPPS))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // Camunda's webapps set their own Content-Security-Policy; ours covers Waarborg's pages.
                        .addHeaderWriter(
                                new DelegatingRequestMatcherHeaderWriter(
                                        new NegatedRequestMatcher(CAMUNDA_WEBAPPS),
                                        new StaticHeadersWriter(
                                                "Content-Security-Policy",
                                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';"
                                                        + " object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'")))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=()")))
                .addFilterAfter(new EngineAuthenticationBridgeFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
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
