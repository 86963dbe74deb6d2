package nl.waarborg.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Runs an engine call without authorization checks (the current user is set aside), for calls that Waarborg's own API has
 * already authorized (where a system waits; a trigger its owner sends). Task work always runs as the user.
 */
public final class EngineAccess {

    private EngineAccess() {}

    public static <T> T withoutAuthorization(ProcessEngine engine, Supplier<T> call) {
        IdentityService identity = engine.getIdentityService();
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    /**
     * Refuses unless the logged-in user may work this task as the engine decides it for a claim or a completion (its
     * own check, {@code checkTaskWork}), without changing anything: an AuthorizationException (403) for someone who may
     * only read it, such as a manager; a NullValueException (404) for a task that is not there.
     */
    public static void checkMayWork(ProcessEngine engine, String taskId) {
        checkMayWork(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getCommandExecutorTxRequired(),
                taskId);
    }

    /** {@link #checkMayWork(ProcessEngine, String)} with the engine's command executor (inside its configuration). */
    static void checkMayWork(CommandExecutor executor, String taskId) {
        executor.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                throw new NullValueException("No task " + taskId + ".");
            }
            for (CommandChecker checker :
                    context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
            return null;
        });
    }

    /**
     * The process key in a definition id ("iama:3:abc" → "iama"). The engine uses a bare generated id when "key:version:id"
     * would be too long for its column; then the key is read from the engine's definition cache, or null outside a
     * command.
     */
    public static String processKeyOf(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        int colon = processDefinitionId.indexOf(':');
        if (colon >= 0) {
            return processDefinitionId.substring(0, colon);
        }
        if (Context.getProcessEngineConfiguration() == null) {
            return null;
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        return definition == null ? null : definition.getKey();
    }
}
