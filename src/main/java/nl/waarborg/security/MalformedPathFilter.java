package nl.waarborg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path with an empty segment ({@code //}) with 400, before any other filter reads it. Spring Security's
 * firewall refuses such paths too, but under {@code /camunda} a filter that runs before it failed on them with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MalformedPathFilter extends OncePerRequestFilter {

    static final String REFUSED = "The path has an empty segment ('//'); write it with single slashes.";
    static final String REFUSED_NL = "Het adres bevat een lege stap ('//'); gebruik enkele schuine strepen.";

    private final ObjectMapper objectMapper;

    public MalformedPathFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri == null || !uri.contains("//")) {
            chain.doFilter(request, response);
            return;
        }
        SecurityConfig.writeProblem(
                response,
                objectMapper,
                request,
                HttpStatus.BAD_REQUEST,
                SecurityConfig.forApiClients(request) ? REFUSED : REFUSED_NL);
    }
}
