package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A user's writes of a task's own local variables (/engine-rest/task/{id}/localVariables), which the engine command
 * guard lets through (a note that ends with the task), for a module that must see which names they write: the form
 * check refuses a local variable named like one of the task's answers, which would keep the answer given at completion
 * from the process.
 */
public final class TaskVariableWrites {

    private TaskVariableWrites() {}

    /**
     * Runs {@code action} (task id, variable names) after a logged-in user's write of a task's locals, in the same
     * transaction, so that throwing undoes the write.
     */
    public static void afterEachLocal(
            ProcessEngineConfigurationImpl configuration, BiConsumer<String, Collection<String>> action) {
        TaskCompletions.addInsideTheCommand(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                // After the command, inside its transaction: the engine's own refusal (403 for someone who may not
                // work the task) comes first, and a refusal here still undoes the write.
                T result = next.execute(command);
                boolean taskWrite = command instanceof SetTaskVariablesCmd || command instanceof PatchTaskVariablesCmd;
                if (taskWrite
                        && Context.getCommandContext() != null
                        && Context.getCommandContext().getAuthenticatedUserId() != null
                        && Boolean.TRUE.equals(GuardedCommands.read(command, "isLocal"))
                        && GuardedCommands.read(command, "variables") instanceof Map<?, ?> variables) {
                    List<String> names = new ArrayList<>();
                    variables.keySet().forEach(name -> names.add(String.valueOf(name)));
                    action.accept((String) GuardedCommands.read(command, "entityId"), names);
                }
                return result;
            }
        });
    }
}
