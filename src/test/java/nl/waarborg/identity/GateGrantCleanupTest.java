package nl.waarborg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A per-user grant on a gate, left by the engine before gates stopped getting them (probe 63), goes at start-up; the
 * per-user grants of a team's content task stay, since the team works the task through them.
 */
@WaarborgIntegrationTest
class GateGrantCleanupTest {

    @Autowired
    GateGrantCleanup cleanup;

    @Autowired
    ProcessEngine engine;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Test
    void aUserGrantOnAGateGoesAndTheTeamsGrantOnItsContentTaskStays() {
        String systemId = systems.register("Oude rechten", null, "Werk", "lead").id();
        String instance = cycles.startCycle(systemId, "lead").orElseThrow().getId();
        Task triage = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult();
        AuthorizationService authorizations = engine.getAuthorizationService();
        long teamGrants = userGrants(authorizations, "lead", triage.getId());
        assertThat(teamGrants).as("the owner's grant on the team's pre-scan").isPositive();

        // A grant as the engine gave a reviewer who claimed a gate (a task without candidate group project-lead).
        String gate = UUID.randomUUID().toString();
        Authorization left = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        left.setUserId("fg-former");
        left.setResource(Resources.TASK);
        left.setResourceId(gate);
        left.addPermission(Permissions.READ);
        left.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(left);

        assertThat(cleanup.removeUserGrantsOnGates()).isPositive();
        assertThat(userGrants(authorizations, "fg-former", gate)).isZero();
        assertThat(userGrants(authorizations, "lead", triage.getId())).isEqualTo(teamGrants);
        assertThat(cleanup.removeUserGrantsOnGates()).as("a second start").isZero();
    }

    private static long userGrants(AuthorizationService authorizations, String user, String taskId) {
        return authorizations
                .createAuthorizationQuery()
                .userIdIn(user)
                .resourceType(Resources.TASK)
                .resourceId(taskId)
                .count();
    }
}
