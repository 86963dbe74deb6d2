package nl.waarborg.engine;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;

/**
 * Engine commands that a logged-in user may call only in part (for {@link GuardedCommands}): saving a task may change
 * its follow-up date (Tasklist's reminder) and nothing else, a task's candidate group (the group its model names) is not
 * removed, the engine's password check answers only for the user's own account, and a comment is added to a task only by
 * someone who may work it. Everything else these commands could do went around Waarborg: a privacy officer moved the due
 * date of an advice away from its service-level timer, a project lead made a task the subtask of another (the engine
 * deletes subtasks when their parent ends), a privacy officer took an advice away from the group so that nobody could
 * be given it any more (removing a link fires no task event that the group's check could hear), and an administrator tried passwords of other accounts without the login
 * throttle.
 */
final class PartlyGuardedCommands {

    static final String TASKS = "A task's name, description, due date, priority, parent and people are not changed by"
            + " saving the task in Waarborg: they come from its model, only its follow-up date is yours to set. The"
            + " functional administrator corrects a due date with a reason (/beheer/werk); claim, assignee and"
            + " candidates have their own calls, within the task's group or team.";
    static final String GROUPS = "A task's candidate group comes from its model and stays on the task in Waarborg:"
            + " give the task to a member of the group with claim or assignee instead.";
    static final String PROCESS_VARIABLES = "A process's variables are written through a task only by completing it,"
            + " where its form is checked: a task's other variable calls may set only its own local variables"
            + " (/localVariables), which end with the task.";
    static final String PASSWORDS = "Passwords are checked only at login, with its throttle: the engine's password"
            + " check answers only for your own account.";

    static final String COMMENTS = "A comment on a task is written by someone who may work the task (its assignee, the"
            + " system's team or the task's group), and is kept in Waarborg's audit trail.";

    static final String RESOLVE = "A delegated task goes back to its owner (resolve) without answers in Waarborg:"
            + " whoever writes the answers completes the task, where its form is checked and its writer is recorded."
            + " Only a task that was delegated to you can be resolved; a task that was not delegated stays with whoever"
            + " claimed it.";

    private static final Set<String> OWN_TO_SET = Set.of("followUpDate");

    private PartlyGuardedCommands() {}

    /** Throws the refusal for a user's command of this kind, if it goes further than allowed. */
    static void check(Object command, String user) {
        if (command instanceof SaveTaskCmd) {
            TaskEntity task = (TaskEntity) GuardedCommands.read(command, "task");
            Map<String, PropertyChange> changes = task == null ? Map.of() : task.getPropertyChanges();
            Set<String> changed = new TreeSet<>(changes.keySet());
            changed.removeAll(OWN_TO_SET);
            if (task == null || task.getRevision() == 0 || !changed.isEmpty()) {
                throw new EngineOperationRefusedException(
                        TASKS + (changed.isEmpty() ? "" : " Changed here: " + String.join(", ", changed) + "."));
            }
        } else if (command instanceof DeleteIdentityLinkCmd && GuardedCommands.read(command, "groupId") != null) {
            throw new EngineOperationRefusedException(GROUPS);
        } else if (command instanceof CheckPassword) {
            Object checked = GuardedCommands.read(command, "userId");
            if (user == null || !user.equals(checked)) {
                throw new EngineOperationRefusedException(PASSWORDS);
            }
        }
    }

    /**
     * Refuses a user's comment on a task that they may not work as the engine decides it for a claim or a completion
     * ({@link EngineAccess#checkMayWork}): the administrator and the manager read every task, and wrote their words into
     * a team's task beside the audit trail. A comment without a task (on a process instance) is refused too.
     */
    static void checkComment(Object command, String user, CommandExecutor executor) {
        if (!(command instanceof AddCommentCmd)) {
            return;
        }
        Object taskId = GuardedCommands.read(command, "taskId");
        if (taskId == null) {
            throw new EngineOperationRefusedException(COMMENTS);
        }
        try {
            EngineAccess.checkMayWork(executor, (String) taskId);
        } catch (AuthorizationException e) {
            throw new EngineOperationRefusedException(COMMENTS + " " + user + " may not work task " + taskId + ".");
        }
    }

    /**
     * Refuses a user's resolve that writes answers, or of a task that was not delegated. The engine's resolve (and
     * submitting the form of a delegated task, which resolves it) writes the given values into the process without
     * completing the task: a co-author's words reached a part that the owner then completed, so the saves named only
     * the owner and the co-author could decide on the system. And resolving a task that was not delegated hands it to
     * its owner, taking it from whoever had claimed it.
     */
    static void checkResolve(Object command, CommandExecutor executor) {
        boolean resolve = command instanceof ResolveTaskCmd;
        if (!resolve && !(command instanceof SubmitTaskFormCmd)) {
            return;
        }
        String taskId = (String) GuardedCommands.read(command, "taskId");
        Object values = GuardedCommands.read(command, resolve ? "variables" : "properties");
        boolean withValues = values instanceof Map<?, ?> map && !map.isEmpty();
        if (taskId == null || (!resolve && !withValues)) {
            return;
        }
        DelegationState[] state = new DelegationState[1];
        boolean exists = executor.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null) {
                state[0] = task.getDelegationState();
            }
            return task != null;
        });
        if (!exists) {
            return; // the engine's own answer for a task that is not there
        }
        boolean delegated = state[0] == DelegationState.PENDING;
        if (resolve ? !delegated || withValues : delegated) {
            throw new EngineOperationRefusedException(RESOLVE);
        }
    }

    /**
     * Refuses a user's write of a task's variables into its process (not task-local) other than by completing the task:
     * a privacy officer rewrote the content answers that the team's form shows again after a send-back. Checked after
     * the engine-owned names, so those keep their own answer.
     */
    static void checkProcessVariables(Object command) {
        boolean throughTask = command instanceof SetTaskVariablesCmd
                || command instanceof RemoveTaskVariablesCmd
                || command instanceof PatchTaskVariablesCmd;
        if (throughTask && !Boolean.TRUE.equals(GuardedCommands.read(command, "isLocal"))) {
            throw new EngineOperationRefusedException(PROCESS_VARIABLES);
        }
    }

    /** Fails when a field read here is missing in the engine on the classpath. */
    static void verify() {
        GuardedCommands.read(new SaveTaskCmd(new TaskEntity()), "task");
        GuardedCommands.read(new CheckPassword("u", "p"), "userId");
        GuardedCommands.read(new AddCommentCmd("t", null, "m"), "taskId");
        GuardedCommands.read(new ResolveTaskCmd("t", java.util.Map.of()), "taskId");
        GuardedCommands.read(new ResolveTaskCmd("t", java.util.Map.of()), "variables");
        GuardedCommands.read(new SubmitTaskFormCmd("t", java.util.Map.of(), false, false), "taskId");
        GuardedCommands.read(new SubmitTaskFormCmd("t", java.util.Map.of(), false, false), "properties");
        GuardedCommands.read(new DeleteGroupIdentityLinkCmd("t", "g", "candidate"), "groupId");
        GuardedCommands.read(new SetTaskVariablesCmd("t", java.util.Map.of(), false), "isLocal");
        GuardedCommands.read(new RemoveTaskVariablesCmd("t", java.util.List.of(), false), "isLocal");
        GuardedCommands.read(new PatchTaskVariablesCmd("t", java.util.Map.of(), java.util.List.of(), false), "isLocal");
    }
}
