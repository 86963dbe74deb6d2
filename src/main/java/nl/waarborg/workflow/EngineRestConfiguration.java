package nl.waarborg.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * /engine-rest with one addition: when a listener of ours refuses a completion, the engine wraps the refusal and
 * Camunda's REST layer would answer 500. These mappers answer for the cause instead (403 for segregation of duties
 * and authorizations, 400 for a missing or invalid gate field, 409 for a lost race), as Waarborg's own API does.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RestExceptionMapper.class);
        register(EngineExceptionMapper.class);
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

    static Response byCause(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return error(Response.Status.FORBIDDEN, cause);
            }
            if (cause instanceof BadUserRequestException) {
                return error(Response.Status.BAD_REQUEST, cause);
            }
            if (cause instanceof OptimisticLockingException) {
                return error(Response.Status.CONFLICT, cause);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static Response error(Response.Status status, Throwable cause) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", cause.getClass().getSimpleName());
        body.put("message", cause.getMessage());
        if (cause instanceof GateInputException gate) {
            body.put("field", gate.field());
        }
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
