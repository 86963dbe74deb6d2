package nl.waarborg.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The two engine commands that complete a user task with variables, whichever client sends them (Java API,
 * /engine-rest complete and submit-form, Tasklist): which task, and the submitted variables, which a command
 * interceptor may read and replace. Camunda keeps these in protected fields, so they are read by reflection.
 */
public final class TaskCompletions {

    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");

    private TaskCompletions() {}

    /**
     * A completion: the task, the submitted variables (may be null) and whether it is a form submission, which writes
     * the task's variables (its own local ones, else the execution's) where complete writes the execution's.
     */
    public record Completion(String taskId, Map<String, Object> variables, boolean submitForm) {}

    /**
     * Runs {@code action} before every completion command, after the engine's own interceptors (so the command
     * context is there, with its entity cache that the command then reuses). The action may throw to refuse it.
     */
    public static void beforeEach(
            ProcessEngineConfigurationImpl configuration, BiConsumer<Command<?>, Completion> action) {
        addInsideTheCommand(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                Completion completion = of(command);
                if (completion != null) {
                    action.accept(command, completion);
                }
                return next.execute(command);
            }
        });
    }

    /** Adds an interceptor that runs inside each command's context and transaction, after the engine's own. */
    static void addInsideTheCommand(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(interceptor);
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** The completion this command asks for, or null when it is no completion. */
    @SuppressWarnings("unchecked")
    public static Completion of(Command<?> command) {
        try {
            if (command instanceof CompleteTaskCmd) {
                return new Completion(
                        (String) COMPLETE_TASK.get(command),
                        (Map<String, Object>) COMPLETE_VARIABLES.get(command),
                        false);
            }
            if (command instanceof SubmitTaskFormCmd) {
                return new Completion(
                        (String) SUBMIT_TASK.get(command), (Map<String, Object>) SUBMIT_VARIABLES.get(command), true);
            }
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "Cannot read the variables of " + command.getClass().getSimpleName(), e);
        }
    }

    /** Lets the command write these variables instead (for submit-form a VariableMap). */
    public static void replaceVariables(Command<?> command, Map<String, Object> variables) {
        try {
            if (command instanceof CompleteTaskCmd) {
                COMPLETE_VARIABLES.set(command, variables);
            } else if (command instanceof SubmitTaskFormCmd) {
                SUBMIT_VARIABLES.set(command, (VariableMap) variables);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "Cannot replace the variables of " + command.getClass().getSimpleName(), e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // Camunda renamed a field: fail at start-up, not on the first completion.
            throw new IllegalStateException(
                    type.getName() + " has no field '" + name + "'; check TaskCompletions against this Camunda version",
                    e);
        }
    }
}
