package nl.waarborg.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * /engine-rest answering as Waarborg's own API does: a lost race (two people completing one task at once) is 409,
 * and a refusal of our listeners keeps its status even where Camunda's REST layer wraps it (submit-form wraps a
 * BadUserRequestException into a 500 "Cannot submit task form").
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
                return error(Response.Status.FORBIDDEN, cause.getClass().getSimpleName(), cause.getMessage());
            }
            if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
                return error(Response.Status.BAD_REQUEST, cause.getClass().getSimpleName(), cause.getMessage());
            }
            if (cause instanceof OptimisticLockingException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))) {
                return error(Response.Status.CONFLICT, "Conflict",
                        "Someone else changed this at the same moment; nothing of your request was saved.");
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static Response error(Response.Status status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
