package nl.waarborg.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.ProblemStatus.Problem;
import nl.waarborg.shared.RefusalNote;
import nl.waarborg.shared.WaarborgException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Camunda's REST APIs answering with the statuses of {@link ProblemStatus}, as Waarborg's own API does, in Camunda's
 * own JSON shape {@code {type, message}} (plus {@code field} where one is at fault), which its clients read. Camunda's
 * REST layer wraps what the engine throws (submit-form turns any refusal into a 500 "Cannot submit task form") and
 * lets our own exceptions pass as unknown (500); the table looks through the wrapping. What it does not know keeps
 * Camunda's own answer.
 * <p>
 * There are two such APIs: /engine-rest and the webapps' own engine API (/camunda/api/engine, which Tasklist uses),
 * whose JAX-RS application Camunda builds from a fixed class list. A Jersey {@link ForcedAutoDiscoverable} (listed in
 * META-INF/services) is registered in every Jersey application, so both answer alike.
 */
public class CamundaRestProblems implements ForcedAutoDiscoverable {

    static final List<Class<?>> MAPPERS = List.of(
            RestExceptionMapper.class,
            EngineExceptionMapper.class,
            WaarborgExceptionMapper.class,
            AnyExceptionMapper.class);

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER) {
            MAPPERS.stream()
                    .filter(mapper -> !context.getConfiguration().isRegistered(mapper))
                    .forEach(context::register);
        }
    }

    /** Same exception type as Camunda's own mapper, higher priority: Jersey picks this one. */
    @Priority(1)
    public static class RestExceptionMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            return byCause(exception);
        }
    }

    @Priority(1)
    public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return byCause(exception);
        }
    }

    /** Our refusals, which RefusalUnwrapping rethrows as themselves and Camunda's resources let pass. */
    @Priority(1)
    public static class WaarborgExceptionMapper implements ExceptionMapper<WaarborgException> {

        @Override
        public Response toResponse(WaarborgException exception) {
            return byCause(exception);
        }
    }

    /**
     * Everything else, in place of Camunda's catch-all mapper: what the table knows (a Spring transaction that found
     * the database down) gets its status, the rest Camunda's own answer.
     */
    @Priority(1)
    public static class AnyExceptionMapper implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable exception) {
            return byCause(exception);
        }
    }

    static Response byCause(Throwable exception) {
        Problem problem = ProblemStatus.of(exception);
        RefusalNote.note(problem); // the audit trail records the refusal with its reason
        if (!problem.known()) {
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                problem.refusal()
                        ? problem.cause().getClass().getSimpleName()
                        : problem.status().getReasonPhrase());
        body.put("message", problem.detail());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        Response.ResponseBuilder response = Response.status(problem.status().value());
        String retryAfter = ProblemStatus.retryAfter(problem);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
