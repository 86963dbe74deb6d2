package nl.waarborg.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's default task authorizations, except for group project-lead. By default, a task's candidate group gets
 * READ and UPDATE on that task: every project lead could then see and complete the content tasks of every system.
 * Content tasks belong to the system's team instead: its owner and co-authors are the task's candidate users
 * (system.TeamTasks) and each of them gets the default per-user grant. The candidate group stays on the task (the pages
 * and the oversight show whom a step waits on) but grants nothing. The gates' groups keep their grants.
 */
@Component
public class TeamTaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return Groups.PROJECT_LEAD.equals(groupId) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
        }
    }
}
