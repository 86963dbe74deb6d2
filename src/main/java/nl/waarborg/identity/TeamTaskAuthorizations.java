package nl.waarborg.identity;

import java.util.List;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's default task authorizations, except for group project-lead. By default, a task's candidate group gets
 * READ and UPDATE on that task: every project lead could then see and complete the content tasks of every system.
 * Content tasks belong to the system's team instead: its owner and co-authors are the task's candidate users
 * (system.TeamTasks) and each of them gets the default per-user grant. The candidate group stays on the task (the pages
 * and the oversight show whom a step waits on) but grants nothing. The gates' groups keep their grants, and a gate gives
 * no per-user grant: whoever leaves the group loses the gate at once.
 */
@Component
public class TeamTaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    /** Whether the task's model gives it to candidate group project-lead: a content task of the system's team. */
    public static boolean isContentTask(Task task) {
        return candidateGroups(task).contains(Groups.PROJECT_LEAD);
    }

    /** Whether the task's model gives it to other candidate groups only: a gate (or another group's task). */
    static boolean isGroupTask(Task task) {
        List<String> groups = candidateGroups(task);
        return !groups.isEmpty() && !groups.contains(Groups.PROJECT_LEAD);
    }

    private static List<String> candidateGroups(Task task) {
        TaskDefinition definition = task instanceof TaskEntity entity ? entity.getTaskDefinition() : null;
        return definition == null
                ? List.of()
                : definition.getCandidateGroupIdExpressions().stream()
                        .map(Expression::getExpressionText)
                        .toList();
    }

    static final class Provider extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return Groups.PROJECT_LEAD.equals(groupId) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
        }

        /**
         * No per-user grant (for an assignee, owner or candidate user) on a task the model gives to groups other than
         * project-lead, such as a gate; a content task keeps them, as the team reads and works it through them. A
         * gate's group grant is all its members need; a per-user grant outlived the role: a privacy officer who claimed
         * an advice and then left the group kept reading and writing it, and so did a new person given the id of a
         * deleted reviewer (probe 63).
         */
        @Override
        protected AuthorizationEntity[] createOrUpdateAuthorizationsByUserId(Task task, String userId) {
            return isGroupTask(task) ? null : super.createOrUpdateAuthorizationsByUserId(task, userId);
        }
    }
}
