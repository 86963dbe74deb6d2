package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands every entry of the engine's user operation log to Waarborg as an {@link EngineOperation}: a history event
 * handler beside the engine's database handler, so it sees exactly what the engine writes to ACT_HI_OP_LOG, whichever
 * API (Waarborg's pages and /api, /engine-rest, the Camunda webapps) called the command, and in the same transaction
 * (a rolled-back command leaves neither the engine's entry nor ours). The engine writes one entry per changed property,
 * all with the same operation id; they become one operation. The engine logs only operations of an authenticated user,
 * so timers, the job executor and Waarborg's own calls without a user are not in it.
 */
@Component
public class EngineOperationLog extends AbstractProcessEnginePlugin {

    /** Longest old or new value kept per property: the log names changes, it does not copy documents. */
    static final int MAX_VALUE = 200;

    /** The operation type of an added comment (the engine has UpdateComment and DeleteComment). */
    static final String CREATE_COMMENT = "CreateComment";

    private final ApplicationEventPublisher events;

    public EngineOperationLog(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Handler());
        configuration.setCustomHistoryEventHandlers(handlers);

        // The engine logs updating and deleting a task's comment but not adding one: that entry is written here, in
        // the command, as the engine writes the others, so the trail has it too (the comment is its new value).
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof AddCommentCmd && result instanceof CommentEntity comment) {
                    logAdded(comment);
                }
                return result;
            }
        });
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private static void logAdded(CommentEntity comment) {
        CommandContext context = Context.getCommandContext();
        TaskEntity task =
                comment.getTaskId() == null ? null : context.getTaskManager().findTaskById(comment.getTaskId());
        if (task != null) {
            context.getOperationLogManager()
                    .logCommentOperation(
                            CREATE_COMMENT, task, new PropertyChange("comment", null, comment.getFullMessage()));
        }
    }

    private final class Handler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            handleEvents(List.of(event));
        }

        @Override
        public void handleEvents(List<HistoryEvent> historyEvents) {
            Map<String, List<UserOperationLogEntryEventEntity>> byOperation = new LinkedHashMap<>();
            for (HistoryEvent event : historyEvents) {
                if (event instanceof UserOperationLogEntryEventEntity entry) {
                    byOperation
                            .computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>())
                            .add(entry);
                }
            }
            byOperation.values().forEach(entries -> events.publishEvent(operation(entries)));
        }
    }

    static EngineOperation operation(List<UserOperationLogEntryEventEntity> entries) {
        UserOperationLogEntryEventEntity first = entries.get(0);
        Map<String, String> target = new LinkedHashMap<>();
        put(target, "taskId", first.getTaskId());
        put(target, "processInstanceId", first.getProcessInstanceId());
        put(target, "processDefinitionKey", first.getProcessDefinitionKey());
        put(target, "deploymentId", first.getDeploymentId());
        put(target, "jobId", first.getJobId());
        put(target, "jobDefinitionId", first.getJobDefinitionId());
        put(target, "batchId", first.getBatchId());
        put(target, "externalTaskId", first.getExternalTaskId());
        put(target, "category", first.getCategory());
        put(target, "annotation", first.getAnnotation());
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        for (UserOperationLogEntryEventEntity entry : entries) {
            if (entry.getProperty() != null) {
                Map<String, String> change = new LinkedHashMap<>();
                put(change, "from", entry.getOrgValue());
                put(change, "to", entry.getNewValue());
                changes.put(entry.getProperty(), change);
            }
        }
        return new EngineOperation(
                first.getUserId(),
                first.getOperationType(),
                first.getEntityType(),
                businessKey(first.getProcessInstanceId()),
                target,
                changes);
    }

    /** The system the process instance belongs to (its business key); the instance is usually in the engine's cache. */
    private static String businessKey(String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (processInstanceId == null || context == null) {
            return null;
        }
        ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
        return instance == null ? null : instance.getBusinessKey();
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value);
        }
    }
}
