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
 */
@Configuration
public class WebappPluginAccess {

    private static final Pattern PLUGIN_API = Pattern.compile("/camunda/api/(cockpit|admin|tasklist)/plugin/.*");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappPluginAccessFilter(ProcessEngine engine, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
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
