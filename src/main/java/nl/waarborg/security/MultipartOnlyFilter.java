package nl.waarborg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda REST's multipart endpoints (deployment/create, the binary variable …/data uploads) fail with a
 * NullPointerException (500) when a request carries no multipart body. They get 415 here instead, before Camunda
 * reads anything. Runs after Spring Security, so an anonymous caller still gets 401.
 */
@Component
public class MultipartOnlyFilter extends OncePerRequestFilter {

    static final String NOT_MULTIPART = "This endpoint takes a multipart/form-data body.";

    private final ObjectMapper objectMapper;

    public MultipartOnlyFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod())
                && path.startsWith("/engine-rest/")
                && (path.endsWith("/deployment/create") || path.endsWith("/data")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.regionMatches(true, 0, "multipart/form-data", 0, 19) || !type.contains("boundary=")) {
            SecurityConfig.writeProblem(
                    response, objectMapper, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_MULTIPART);
            return;
        }
        chain.doFilter(request, response);
    }
}
