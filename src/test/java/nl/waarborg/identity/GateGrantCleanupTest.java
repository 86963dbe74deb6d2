package nl.waarborg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import nl.waarborg.demo.DemoDriver;
import nl.waarborg.process.TriageAnswers;
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
 * A per-user grant on a gate, left by the engine before gates stopped getting them (probe 63), goes at start-up; a
 * per-user grant on a task without a group (and on a team's content task, which has group project-lead) stays.
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

    @Autowired
    DemoDriver driver;

    @Test
    void aUserGrantOnAGateGoesAndTheTeamsGrantOnItsContentTaskStays() {
        String systemId = systems.register("Oude rechten", null, "Werk", "lead").id();
        cycles.startCycle(systemId, "lead").orElseThrow();
        driver.driveUntil(systemId, "privacy-officer-advice", TriageAnswers.impactful());
        Task gate = task(systemId, "privacy-officer-advice");
        AuthorizationService authorizations = engine.getAuthorizationService();

        // A grant as the engine gave a reviewer who claimed the gate before gates stopped getting them.
        Authorization left = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        left.setUserId("fg-former");
        left.setResource(Resources.TASK);
        left.setResourceId(gate.getId());
        left.addPermission(Permissions.READ);
        left.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(left);
        // The team's grant on a content task (another system's pre-scan) and an assignee's on a task without a group.
        String other = systems.register("Team blijft", null, "Werk", "lead").id();
        cycles.startCycle(other, "lead").orElseThrow();
        Task preScan = task(other, "fill-in-triage");
        long teamGrants = userGrants(authorizations, "lead", preScan.getId());
        assertThat(teamGrants).as("the owner's grant on the team's pre-scan").isPositive();
        Task standalone = engine.getTaskService().newTask();
        standalone.setAssignee("lead");
        engine.getTaskService().saveTask(standalone);
        long ownGrants = userGrants(authorizations, "lead", standalone.getId());
        assertThat(ownGrants)
                .as("the assignee's grant on a task without a group")
                .isPositive();

        assertThat(cleanup.removeUserGrantsOnGates()).isPositive();
        assertThat(userGrants(authorizations, "fg-former", gate.getId())).isZero();
        assertThat(userGrants(authorizations, "lead", standalone.getId())).isEqualTo(ownGrants);
        assertThat(userGrants(authorizations, "lead", preScan.getId())).isEqualTo(teamGrants);
        assertThat(cleanup.removeUserGrantsOnGates()).as("a second start").isZero();
        engine.getTaskService().deleteTask(standalone.getId(), true);
    }

    private Task task(String systemId, String activityId) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(activityId)
                .singleResult();
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
