package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps users from moving processes around Waarborg's rules, whichever API they use (/engine-rest, the Camunda webapps,
 * /api): every engine command that a logged-in user calls directly is checked by {@link GuardedCommands} before it
 * runs. Refused are starts other than Waarborg's own (with start instructions, skipped listeners or mappings, or of a
 * process that runs only as a call activity), modification, restart, migration and deletion of instances, errors thrown
 * at tasks, job manipulation, and changes to users, groups, memberships and authorizations (403, ADR 0019); and writing an {@link EngineOwnedVariables engine-owned variable} (400).
 * Every process also gets a built-in start listener that refuses a user's start by any other command.
 *
 * <p>Not checked: calls without a user (timers and the job executor, Waarborg's own calls through
 * {@link EngineAccess#withoutAuthorization}), commands that run inside another command (listeners, call activities),
 * and calls that Waarborg marks as its own with {@link #asWaarborg} after checking them itself (the start of a cycle).
 */
@Component
public class EngineCommandGuard extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Boolean> OWN_CALL = new ThreadLocal<>();

    /**
     * Runs an engine call that Waarborg has checked itself (e.g. the start of a cycle after the ownership check) as the
     * current user, so authorizations and history still see who acted, without the guard's refusals.
     */
    public static <T> T asWaarborg(Supplier<T> call) {
        Boolean outer = OWN_CALL.get();
        OWN_CALL.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                OWN_CALL.remove();
            }
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        GuardedCommands.verify();
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        // Before the transaction: a refused command opens none and changes nothing.
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (Context.getCommandContext() == null && OWN_CALL.get() == null && byUser(configuration)) {
                    GuardedCommands.check(
                            command,
                            configuration
                                    .getIdentityService()
                                    .getCurrentAuthentication()
                                    .getUserId());
                    PartlyGuardedCommands.checkComment(
                            command,
                            configuration
                                    .getIdentityService()
                                    .getCurrentAuthentication()
                                    .getUserId(),
                            configuration.getCommandExecutorTxRequired());
                    PartlyGuardedCommands.checkResolve(command, configuration.getCommandExecutorTxRequired());
                }
                return next.execute(command);
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        // A second line for the most important rule: whatever command starts a process, its start listener refuses a
        // user's start that is not Waarborg's own and not a call activity. Built in, so skipCustomListeners cannot skip
        // it.
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                    if (execution.getSuperExecution() == null && OWN_CALL.get() == null && byUser(configuration)) {
                        throw new EngineOperationRefusedException(GuardedCommands.START);
                    }
                });
            }
        });
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }

    private static boolean byUser(ProcessEngineConfigurationImpl configuration) {
        Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null;
    }
}
