package nl.waarborg.identity;

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
        TaskDefinition definition = task instanceof TaskEntity entity ? entity.getTaskDefinition() : null;
        return definition != null
                && definition.getCandidateGroupIdExpressions().stream()
                        .map(Expression::getExpressionText)
                        .anyMatch(Groups.PROJECT_LEAD::equals);
    }

    static final class Provider extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return Groups.PROJECT_LEAD.equals(groupId) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
        }

        /**
         * A per-user grant (for an assignee, owner or candidate user) only on a content task, where it is how the team
         * reads and works it. A gate's group grant is all its members need; a per-user grant outlived the role: a
         * privacy officer who claimed an advice and then left the group kept reading and writing it, and so did a new
         * person given the id of a deleted reviewer (probe 63).
         */
        @Override
        protected AuthorizationEntity[] createOrUpdateAuthorizationsByUserId(Task task, String userId) {
            return isContentTask(task) ? super.createOrUpdateAuthorizationsByUserId(task, userId) : null;
        }
    }
}
