package nl.waarborg.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;

/**
 * What {@link EngineCommandGuard} refuses to a logged-in user, per engine command (org.camunda.bpm.engine.impl.cmd):
 * operations that move, delete or re-time processes around their tasks (403), and commands that would write an
 * {@link EngineOwnedVariables engine-owned variable}, or a gate's input other than by completing a task (400, naming it). The fields are read by reflection, as the
 * commands have no getters; {@link #verify()} checks them all at start-up, so a Camunda upgrade that renames one fails
 * there and not silently.
 */
final class GuardedCommands {

    static final String START =
            "Processes are started only by Waarborg: start a system's assessment cycle on its page or"
                    + " with POST /api/systems/{id}/cycles, which checks that the system is yours.";
    static final String CALLED_ONLY =
            "The iama and dpia processes run only as call activities of a system's assessment cycle;"
                    + " start the cycle on the system's page or with POST /api/systems/{id}/cycles.";
    static final String MOVE =
            "Process instances are not modified, restarted, migrated or signalled by hand in Waarborg: every"
                    + " step runs through its task, with its checks and its audit trail.";
    static final String EVENT =
            "Errors and escalations are not thrown at a task by hand in Waarborg: a task ends by completing it,"
                    + " with its checks.";
    static final String DELETE =
            "Process instances and their history are not deleted or given a shorter life by hand in Waarborg:"
                    + " a cycle ends when the system is retired (its page or POST /api/systems/{id}/retirement) or when"
                    + " the functional administrator cancels it with a reason (/beheer/werk), and the history is kept"
                    + " as evidence.";
    static final String JOBS =
            "Jobs (timers and other engine jobs) are not changed, run or deleted by hand in Waarborg: the"
                    + " engine runs them when they are due.";
    static final String MODELS =
            "Process models come only from Waarborg's build: they are not deployed or deleted through the"
                    + " engine's API.";

    static final String FILTERS =
            "The shared task list 'Mijn taken' is set by Waarborg for everyone at start-up: it is not changed or"
                    + " deleted through the engine's API.";

    static final String IDENTITY =
            "Users, groups, memberships and authorizations are not changed through the engine's API in Waarborg:"
                    + " an administrator changes them with /api/admin (the Beheer pages), where each change is checked"
                    + " and recorded.";

    static final String OWN_ACCOUNT =
            "Users are not changed through the engine's API in Waarborg: change your own password with"
                    + " POST /api/me/password (or the page Wachtwoord wijzigen); an administrator changes names and"
                    + " e-mail addresses with /api/admin.";

    static final String ATTACHMENTS =
            "Files and links are not attached to tasks in Waarborg: evidence is recorded in the task's form (with its"
                    + " checks and the person who gave it) and the audit trail. The engine's attachments are neither"
                    + " added, read nor deleted through its API.";

    /** Commands refused outright, with the reason the user is told (checked by instanceof, in this order). */
    private static final Map<Class<?>, String> REFUSED = new LinkedHashMap<>();
    /** Fields (paths of fields) of a command that hold variables it would write: a map by name, or a list of names. */
    private static final Map<Class<?>, List<String>> VARIABLES = new LinkedHashMap<>();

    static {
        for (Class<?> move : List.of(
                ModifyProcessInstanceCmd.class,
                ModifyProcessInstanceAsyncCmd.class,
                AbstractModificationCmd.class,
                AbstractProcessInstanceModificationCommand.class,
                AbstractRestartProcessInstanceCmd.class,
                RestartProcessInstancesBatchCmd.class,
                AbstractMigrationCmd.class,
                SetProcessDefinitionVersionCmd.class,
                SignalCmd.class)) {
            REFUSED.put(move, MOVE);
        }
        REFUSED.put(HandleTaskBpmnErrorCmd.class, EVENT);
        REFUSED.put(HandleTaskEscalationCmd.class, EVENT);
        for (Class<?> delete : List.of(
                AbstractDeleteProcessInstanceCmd.class,
                DeleteProcessInstanceBatchCmd.class,
                DeleteHistoricProcessInstancesCmd.class,
                DeleteHistoricProcessInstancesBatchCmd.class,
                DeleteHistoricTaskInstanceCmd.class,
                DeleteHistoricVariableInstanceCmd.class,
                DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
                SetRemovalTimeToHistoricProcessInstancesCmd.class,
                SetRemovalTimeToHistoricDecisionInstancesCmd.class,
                UpdateProcessDefinitionHistoryTimeToLiveCmd.class,
                UpdateDecisionDefinitionHistoryTimeToLiveCmd.class,
                DeleteUserOperationLogEntryCmd.class)) {
            REFUSED.put(delete, DELETE);
        }
        for (Class<?> job : List.of(
                SetJobRetriesCmd.class,
                AbstractSetJobsRetriesBatchCmd.class,
                SetJobDuedateCmd.class,
                RecalculateJobDuedateCmd.class,
                SetJobPriorityCmd.class,
                SetJobDefinitionPriorityCmd.class,
                AbstractSetJobStateCmd.class,
                AbstractSetJobDefinitionStateCmd.class,
                ExecuteJobsCmd.class,
                DeleteJobCmd.class,
                HistoryCleanupCmd.class,
                // A refused execution would otherwise count as a failure of the job (one retry less, the refusal as its
                // error).
                FailedJobListener.class,
                SuccessfulJobListener.class,
                JobRetryCmd.class)) {
            REFUSED.put(job, JOBS);
        }
        for (Class<?> model : List.of(
                DeployCmd.class,
                DeleteDeploymentCmd.class,
                AbstractDeleteProcessDefinitionCmd.class,
                DeleteProcessDefinitionsByIdsCmd.class)) {
            REFUSED.put(model, MODELS);
        }
        for (Class<?> identity : List.of(
                CreateUserCmd.class,
                CreateGroupCmd.class,
                CreateAuthorizationCommand.class,
                CreateTenantCmd.class,
                DeleteUserCmd.class,
                CreateMembershipCmd.class,
                DeleteMembershipCmd.class,
                SaveGroupCmd.class,
                DeleteGroupCmd.class,
                SaveAuthorizationCmd.class,
                DeleteAuthorizationCmd.class,
                SaveTenantCmd.class,
                DeleteTenantCmd.class,
                CreateTenantUserMembershipCmd.class,
                CreateTenantGroupMembershipCmd.class,
                DeleteTenantUserMembershipCmd.class,
                DeleteTenantGroupMembershipCmd.class,
                UnlockUserCmd.class)) {
            REFUSED.put(identity, IDENTITY);
        }
        // Also one's own profile and password (ADR 0058): a password through POST /api/me/password only, where the
        // one-time password, the tries and the audit row are kept; name and e-mail through an administrator.
        REFUSED.put(SaveUserCmd.class, OWN_ACCOUNT);
        // Attachments (probe 63): the administrator and the manager, who read every task, attached links to a gate
        // and deleted the reviewer's, and anyone read or deleted the attachment of a completed task, which the engine
        // checks no further. Nothing in Waarborg or Tasklist uses them.
        for (Class<?> attachment : List.of(
                CreateAttachmentCmd.class,
                SaveAttachmentCmd.class,
                DeleteAttachmentCmd.class,
                GetAttachmentCmd.class,
                GetAttachmentContentCmd.class,
                GetTaskAttachmentCmd.class,
                GetTaskAttachmentContentCmd.class,
                GetTaskAttachmentsCmd.class,
                GetProcessInstanceAttachmentsCmd.class)) {
            REFUSED.put(attachment, ATTACHMENTS);
        }
        REFUSED.put(SaveFilterCmd.class, FILTERS);
        REFUSED.put(DeleteFilterCmd.class, FILTERS);
        REFUSED.put(SubmitStartFormCmd.class, START);
        REFUSED.put(EvaluateStartConditionCmd.class, START);

        VARIABLES.put(AbstractSetVariableCmd.class, List.of("variables"));
        VARIABLES.put(AbstractRemoveVariableCmd.class, List.of("variableNames"));
        VARIABLES.put(AbstractPatchVariablesCmd.class, List.of("variables", "deletions"));
        VARIABLES.put(CompleteTaskCmd.class, List.of("variables"));
        VARIABLES.put(SubmitTaskFormCmd.class, List.of("properties"));
        VARIABLES.put(
                AbstractCorrelateMessageCmd.class,
                List.of(
                        "builder.payloadProcessInstanceVariables",
                        "builder.payloadProcessInstanceVariablesLocal",
                        "builder.payloadProcessInstanceVariablesToTriggeredScope"));
        VARIABLES.put(CorrelateAllMessageBatchCmd.class, List.of("variables"));
        VARIABLES.put(
                MessageEventReceivedCmd.class,
                List.of("processVariables", "processVariablesLocal", "processVariablesToTriggeredScope"));
        VARIABLES.put(SignalEventReceivedCmd.class, List.of("builder.variables"));
        VARIABLES.put(SetVariablesToProcessInstancesBatchCmd.class, List.of("variables"));
        VARIABLES.put(CompleteExternalTaskCmd.class, List.of("variables", "localVariables"));
    }

    /** What to do with one command class: refuse it (reason), check a start, and/or check the variables in these fields. */
    private record Rule(String refusal, boolean start, List<String> variableFields) {
        static final Rule NONE = new Rule(null, false, List.of());
    }

    private static final Map<Class<?>, Rule> RULES = new ConcurrentHashMap<>();

    private GuardedCommands() {}

    /** Throws the refusal for a user's command, if it has one. */
    static void check(Object command) {
        check(command, null);
    }

    /** Throws the refusal for the command of {@code user}, if it has one. */
    static void check(Object command, String user) {
        PartlyGuardedCommands.check(command, user);
        Rule rule = RULES.computeIfAbsent(command.getClass(), GuardedCommands::ruleFor);
        if (rule == Rule.NONE) {
            return;
        }
        if (rule.refusal() != null) {
            throw new EngineOperationRefusedException(rule.refusal());
        }
        if (rule.start()) {
            throw new EngineOperationRefusedException(
                    startRefusal((ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder")));
        }
        if (command instanceof CorrelateMessageCmd && Boolean.TRUE.equals(read(command, "startMessageOnly"))) {
            throw new EngineOperationRefusedException(START);
        }
        List<String> names = new ArrayList<>();
        for (String path : rule.variableFields()) {
            Object value = read(command, path);
            if (value instanceof Map<?, ?> map) {
                map.keySet().forEach(k -> names.add(String.valueOf(k)));
            } else if (value instanceof Collection<?> list) {
                list.forEach(n -> names.add(String.valueOf(n)));
            }
        }
        EngineOwnedVariables.firstIn(names).ifPresent(name -> {
            throw EngineOwnedVariableException.engineOwned(name);
        });
        boolean completion = (command instanceof CompleteTaskCmd && !(command instanceof ResolveTaskCmd))
                || command instanceof SubmitTaskFormCmd;
        if (!completion) {
            names.stream()
                    .filter(EngineOwnedVariables::isGateInput)
                    .sorted()
                    .findFirst()
                    .ifPresent(name -> {
                        throw EngineOwnedVariableException.gateInput(name);
                    });
        }
        PartlyGuardedCommands.checkProcessVariables(command);
    }

    /** Why a start by a user is refused: what it would skip, or else that only Waarborg starts processes. */
    static String startRefusal(ProcessInstantiationBuilderImpl builder) {
        ProcessInstanceModificationBuilderImpl modification = builder.getModificationBuilder();
        List<String> skipped = new ArrayList<>();
        if (modification != null && !modification.getModificationOperations().isEmpty()) {
            skipped.add("start instructions");
        }
        if (modification != null && modification.isSkipCustomListeners()) {
            skipped.add("skipCustomListeners");
        }
        if (modification != null && modification.isSkipIoMappings()) {
            skipped.add("skipIoMappings");
        }
        if (!skipped.isEmpty()) {
            return "A process is not started with " + String.join(" or ", skipped)
                    + " in Waarborg: it starts at its start event," + " with every listener and mapping. " + START;
        }
        String key = builder.getProcessDefinitionKey() != null
                ? builder.getProcessDefinitionKey()
                : EngineAccess.processKeyOf(builder.getProcessDefinitionId());
        return "iama".equals(key) || "dpia".equals(key) ? CALLED_ONLY : START;
    }

    private static Rule ruleFor(Class<?> type) {
        String refusal = REFUSED.entrySet().stream()
                .filter(e -> e.getKey().isAssignableFrom(type))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        boolean start = StartProcessInstanceCmd.class.isAssignableFrom(type)
                || StartProcessInstanceAtActivitiesCmd.class.isAssignableFrom(type);
        List<String> fields = VARIABLES.entrySet().stream()
                .filter(e -> e.getKey().isAssignableFrom(type))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElse(List.of());
        return refusal == null && !start && fields.isEmpty() && !CorrelateMessageCmd.class.isAssignableFrom(type)
                ? Rule.NONE
                : new Rule(refusal, start, fields);
    }

    /** Fails when a field this class reads is missing in the engine on the classpath. */
    static void verify() {
        VARIABLES.forEach((type, paths) -> paths.forEach(path -> fieldPath(type, path)));
        fieldPath(StartProcessInstanceCmd.class, "instantiationBuilder");
        fieldPath(StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder");
        fieldPath(CorrelateMessageCmd.class, "startMessageOnly");
        PartlyGuardedCommands.verify();
    }

    static Object read(Object target, String path) {
        Object value = target;
        for (String name : path.split("\\.")) {
            if (value == null) {
                return null;
            }
            try {
                value = field(value.getClass(), name).get(value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(
                        "Cannot read " + name + " of " + value.getClass().getName(), e);
            }
        }
        return value;
    }

    private static void fieldPath(Class<?> type, String path) {
        Class<?> current = type;
        for (String name : path.split("\\.")) {
            current = field(current, name).getType();
        }
    }

    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    private static Field field(Class<?> type, String name) {
        return FIELDS.computeIfAbsent(type.getName() + "#" + name, k -> {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    Field field = c.getDeclaredField(name);
                    field.setAccessible(true);
                    return field;
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            throw new IllegalStateException(type.getName() + " has no field '" + name
                    + "'; check GuardedCommands against this" + " Camunda version.");
        });
    }
}
