package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.shared.ProblemStatus;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * <b>Fork of engine behaviour</b> (see docs/engine-forks.md; checked against the engine by EngineRestRulesTest and TaskCompletionTest).
 *
 * The engine wraps whatever a task listener or an expression throws into a plain ProcessEngineException
 * (ENGINE-03051), which Camunda REST and Tasklist report as 500. Our listeners refuse on purpose with Waarborg's
 * exceptions (400 invalid input, 403 segregation of duties, 409 a frozen version…); this interceptor, outside the
 * transaction (which has rolled back already), rethrows the refusal that {@link ProblemStatus} finds in the cause
 * chain as itself, so every caller (TaskWork, /engine-rest, tests) sees the refusal, its status and its message.
 */
@Component
public class RefusalUnwrapping extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } catch (ProcessEngineException e) {
                    throw ProblemStatus.refusalIn(e).orElse(e);
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
