package nl.waarborg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The plugin APIs of Camunda's webapps ({@code /camunda/api/cockpit/plugin/…}, {@code …/admin/plugin/…},
 * {@code …/tasklist/plugin/…}) answer only users with the engine's ACCESS on that application: Camunda checks
 * the login there but not the application, so Cockpit's statistics answered users without Cockpit (issue 15).
 * <p>
 * Camunda's own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) is closed: the webapps take the
 * user from Waarborg's login, and that endpoint checked any account's password without the login throttle, answering
 * a logged-in user 401 or 200 per guess (ADR 0054).
 */
@Configuration
public class WebappPluginAccess {

    private static final Pattern PLUGIN_API = Pattern.compile("/camunda/api/(cockpit|admin|tasklist)/plugin/.*");
    private static final Pattern OWN_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login(/.*)?");

    static final String NO_OWN_LOGIN = "Camunda's own login is not used in Waarborg: the webapps take the user of"
            + " Waarborg's login page (or single sign-on), where passwords are checked with the login throttle.";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappPluginAccessFilter(ProcessEngine engine, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (OWN_LOGIN.matcher(request.getRequestURI()).matches()) {
                            SecurityConfig.writeProblem(response, json, request, HttpStatus.FORBIDDEN, NO_OWN_LOGIN);
                            return;
                        }
                        Matcher plugin = PLUGIN_API.matcher(request.getRequestURI());
                        if (plugin.matches() && !mayUse(engine, request.getUserPrincipal(), plugin.group(1))) {
                            SecurityConfig.writeProblem(
                                    response,
                                    json,
                                    request,
                                    HttpStatus.FORBIDDEN,
                                    "Your groups give no access to Camunda " + plugin.group(1) + ".");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/camunda/api/*");
        // After Spring Security (the login) and the webapps' single sign-on, before Camunda's own filters.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    static boolean mayUse(ProcessEngine engine, Principal user, String application) {
        if (user == null) {
            return false;
        }
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user.getName()).list().stream()
                .map(Group::getId)
                .toList();
        return engine.getAuthorizationService()
                .isUserAuthorized(user.getName(), groups, Permissions.ACCESS, Resources.APPLICATION, application);
    }
}
