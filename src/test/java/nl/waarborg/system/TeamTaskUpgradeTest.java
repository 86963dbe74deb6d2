package nl.waarborg.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An installation from before teams has a grant for group project-lead on each open content task; at start-up the
 * grant goes and the system's team become the task's candidate users.
 */
@WaarborgIntegrationTest
class TeamTaskUpgradeTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    SystemRegistry systems;

    @Autowired
    TeamTaskSync sync;

    @Test
    void aGroupGrantLeftFromBeforeTeamsMovesToTheTeam() {
        String systemId = systems.register("Upgradetest", null, "ICT", "lead").id();
        engine.getRuntimeService().startProcessInstanceByKey("assessment-cycle", systemId);
        Task triage = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .singleResult();
        // As the engine's default task authorizations made them before: group project-lead, READ and UPDATE on the
        // task.
        engine.getTaskService().deleteCandidateUser(triage.getId(), "lead");
        AuthorizationService authorizations = engine.getAuthorizationService();
        authorizations
                .createAuthorizationQuery()
                .userIdIn("lead")
                .resourceType(Resources.TASK)
                .resourceId(triage.getId())
                .list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId("project-lead");
        old.setResource(Resources.TASK);
        old.setResourceId(triage.getId());
        old.addPermission(Permissions.READ);
        old.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(old);

        sync.upgradeGroupGrants();

        assertThat(authorizations
                        .createAuthorizationQuery()
                        .groupIdIn("project-lead")
                        .resourceType(Resources.TASK)
                        .count())
                .isZero();
        assertThat(engine.getTaskService().getIdentityLinksForTask(triage.getId()))
                .extracting(IdentityLink::getUserId)
                .contains("lead");
        assertThat(authorizations.isUserAuthorized(
                        "lead", List.of("project-lead"), Permissions.UPDATE, Resources.TASK, triage.getId()))
                .isTrue();
        assertThat(authorizations.isUserAuthorized(
                        "lead2", List.of("project-lead"), Permissions.READ, Resources.TASK, triage.getId()))
                .isFalse();
    }
}
