package nl.waarborg.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * <b>Fork of engine behaviour</b> (see docs/engine-forks.md; checked against the engine by UnchangedVariablesEquivalenceTest).
 *
 * A task completion (complete or submit-form, from any client) leaves out the variables whose submitted value is the
 * one the process already holds. A new round pre-fills every form from the last approved version (as process
 * variables, so Tasklist shows them too) and most answers come back unchanged: writing them again cost an update, a
 * history update and, for lists, a new byte array each, for nothing. Only text, yes/no and JSON values that are equal
 * in type and content are left out; anything else is written as the client sent it. The listeners still read every
 * field, since the unchanged ones keep their value.
 */
@Component
public class UnchangedVariables extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskCompletions.beforeEach(configuration, UnchangedVariables::leaveOutUnchanged);
    }

    private static void leaveOutUnchanged(Command<?> command, TaskCompletions.Completion completion) {
        Map<String, Object> submitted = completion.variables();
        CommandContext context = Context.getCommandContext();
        if (submitted == null || submitted.isEmpty() || completion.taskId() == null || context == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(completion.taskId());
        if (task == null || task.getExecution() == null) {
            return;
        }
        // Where the command writes: complete sets the execution's variables, submit-form the task's (its own local
        // ones, else the execution's); the value there is the one to compare with.
        boolean variableMap = completion.submitForm();
        VariableScope scope = variableMap ? task : task.getExecution();
        Map<String, Object> kept = variableMap ? Variables.createVariables() : new LinkedHashMap<>();
        boolean leftOut = false;
        for (Map.Entry<String, Object> entry : submitted.entrySet()) {
            TypedValue current = scope.getVariableTyped(entry.getKey(), true);
            if (current != null && unchanged(current, entry.getValue())) {
                leftOut = true;
            } else {
                kept.put(entry.getKey(), entry.getValue());
            }
        }
        if (leftOut) {
            TaskCompletions.replaceVariables(command, kept);
        }
    }

    /** Same type (text, yes/no or JSON) and same content; a raw value counts as the type the engine would give it. */
    static boolean unchanged(TypedValue current, Object submitted) {
        ValueType type = current.getType();
        Object value = submitted;
        if (submitted instanceof TypedValue typed) {
            if (typed.getType() != null && !typed.getType().getName().equals(type.getName())) {
                return false;
            }
            value = typed.getValue();
        }
        String name = type.getName();
        boolean comparable = ("string".equals(name) && value instanceof String)
                || ("boolean".equals(name) && value instanceof Boolean)
                || ("json".equals(name) && value instanceof org.camunda.spin.json.SpinJsonNode);
        return comparable && Objects.equals(VariableValues.toPlain(current.getValue()), VariableValues.toPlain(value));
    }
}
