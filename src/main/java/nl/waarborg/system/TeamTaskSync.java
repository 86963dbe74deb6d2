package nl.waarborg.system;

import java.util.List;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.identity.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the open content tasks of a system in step with its team: a new co-author becomes a candidate user of each
 * (and so gets the engine's per-task grant); a removed one stops being a candidate, loses the per-task grant and, if
 * they had claimed the task, the claim. Runs in the transaction of the team change, as the system (the change itself
 * was authorized by {@link SystemTeam}; ADR 0010).
 */
@Component
class TeamTaskSync {

    private static final Logger log = LoggerFactory.getLogger(TeamTaskSync.class);
    private static final int UPGRADE_BATCH = 500;

    private final ProcessEngine engine;
    private final TeamMembers members;

    TeamTaskSync(ProcessEngine engine, TeamMembers members) {
        this.engine = engine;
        this.members = members;
    }

    @EventListener
    void teamChanged(SystemTeam.Changed change) {
        EngineAccess.withoutAuthorization(engine, () -> {
            for (Task task : openContentTasks(change.systemId())) {
                if (change.added()) {
                    engine.getTaskService().addCandidateUser(task.getId(), change.userId());
                } else {
                    TeamTasks.syncing(() -> release(task, change.userId()));
                }
            }
            return null;
        });
    }

    private List<Task> openContentTasks(String systemId) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskCandidateGroup(Groups.PROJECT_LEAD)
                .includeAssignedTasks()
                .list();
    }

    private Void release(Task task, String userId) {
        TaskService tasks = engine.getTaskService();
        if (userId.equals(task.getAssignee())) {
            tasks.setAssignee(task.getId(), null);
        }
        if (userId.equals(task.getOwner())) {
            tasks.setOwner(task.getId(), null);
        }
        tasks.deleteCandidateUser(task.getId(), userId);
        // The engine leaves a user's per-task grant in place when the identity link goes; take it away explicitly.
        AuthorizationService authorizations = engine.getAuthorizationService();
        authorizations
                .createAuthorizationQuery()
                .userIdIn(userId)
                .resourceType(Resources.TASK)
                .resourceId(task.getId())
                .list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        return null;
    }

    /**
     * Installations from before teams: group project-lead holds a grant on each open content task, so every project lead
     * sees it. Such tasks get their team as candidate users and the group grant goes. Costs one count when there are none.
     */
    @EventListener(ApplicationReadyEvent.class)
    void upgradeGroupGrants() {
        AuthorizationService authorizations = engine.getAuthorizationService();
        long stale = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(Groups.PROJECT_LEAD)
                .resourceType(Resources.TASK)
                .count();
        if (stale == 0) {
            return;
        }
        log.info("Moving {} per-task grant(s) of group {} to the systems' teams.", stale, Groups.PROJECT_LEAD);
        List<Authorization> batch;
        while (!(batch = authorizations
                        .createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_GRANT)
                        .groupIdIn(Groups.PROJECT_LEAD)
                        .resourceType(Resources.TASK)
                        .listPage(0, UPGRADE_BATCH))
                .isEmpty()) {
            for (Authorization grant : batch) {
                Task task = engine.getTaskService()
                        .createTaskQuery()
                        .taskId(grant.getResourceId())
                        .singleResult();
                if (task != null) {
                    List<String> candidates = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                            .map(IdentityLink::getUserId)
                            .toList();
                    members.of(task.getProcessInstanceId() == null ? null : businessKeyOf(task)).stream()
                            .filter(user -> !candidates.contains(user))
                            .forEach(user -> engine.getTaskService().addCandidateUser(task.getId(), user));
                }
                authorizations.deleteAuthorization(grant.getId());
            }
        }
    }

    private String businessKeyOf(Task task) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey();
    }
}
