package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener or an expression throws into a plain ProcessEngineException
 * (ENGINE-03051), which Camunda REST and Tasklist report as 500. Our listeners refuse on purpose with a
 * BadUserRequestException (400, e.g. GateInputException), a FormFieldValidationException (400, the form check) or an
 * AuthorizationException (403, e.g. SegregationOfDutiesException); this interceptor, outside the transaction (which has rolled back already),
 * rethrows such a refusal as itself so every client sees the right status and message.
 */
@Component
public class RefusalUnwrapping extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } catch (ProcessEngineException e) {
                    throw refusalIn(e);
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** The first refusal (see {@link #isRefusal}) in the cause chain, else the exception itself. */
    static ProcessEngineException refusalIn(ProcessEngineException thrown) {
        if (isRefusal(thrown)) {
            return thrown;
        }
        for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (isRefusal(cause)) {
                return (ProcessEngineException) cause;
            }
        }
        return thrown;
    }

    /** A refusal on purpose: bad input (400) or not allowed (403), as opposed to a failure. */
    static boolean isRefusal(Throwable e) {
        return e instanceof BadUserRequestException || e instanceof FormFieldValidationException || e instanceof AuthorizationException;
    }
}
