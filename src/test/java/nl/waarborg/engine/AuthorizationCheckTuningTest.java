package nl.waarborg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.identity.Groups;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine checks authorizations without first reading every group that has one (AuthorizationCheckTuning),
 * and still decides as before: a group without authorizations neither grants nor hides anything.
 */
@WaarborgIntegrationTest
class AuthorizationCheckTuningTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @LocalServerPort
    int port;

    @Test
    void theEngineUsesTheAuthorizationManagerWithoutTheGroupQuery() {
        Class<?> manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager().getClass());
        assertThat(manager).isEqualTo(AuthorizationCheckTuning.UnnarrowedGroupsAuthorizationManager.class);
    }

    @Test
    void candidateGroupsStillDecideWhoSeesAndWorksATask() {
        String task = privacyOfficerTask();
        List<String> officerGroups = List.of("group-without-any-authorization", Groups.PRIVACY_OFFICER);
        List<String> leadGroups = List.of(Groups.PROJECT_LEAD, "group-without-any-authorization");

        assertThat(visibleAs("fg", officerGroups, task)).isEqualTo(1);
        assertThat(visibleAs("lead", leadGroups, task)).isZero();
        assertThat(visibleAs("nobody", List.of("group-without-any-authorization"), task))
                .isZero();
        assertThat(engine.getAuthorizationService()
                        .isUserAuthorized("fg", officerGroups, Permissions.UPDATE, Resources.TASK, task))
                .isTrue();
        assertThat(engine.getAuthorizationService()
                        .isUserAuthorized("lead", leadGroups, Permissions.UPDATE, Resources.TASK, task))
                .isFalse();

        engine.getIdentityService().setAuthentication("lead", leadGroups);
        try {
            assertThatThrownBy(() ->
                            engine.getTaskService().complete(task, Map.of("decision", "APPROVED", "motivation", "x")))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count())
                .isEqualTo(1);
    }

    @Test
    void revokesAreRefusedSoTheChecksNeedNotLookForThem() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getAuthorizationCheckRevokes())
                .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);

        Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setGroupId(Groups.PRIVACY_OFFICER);
        revoke.setResource(Resources.PROCESS_DEFINITION);
        revoke.setResourceId("iama");
        revoke.addPermission(Permissions.READ);
        assertThatThrownBy(() -> engine.getAuthorizationService().saveAuthorization(revoke))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("REVOKE");
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_REVOKE)
                        .count())
                .isZero();

        // Through the REST API, as Camunda Admin would send it, nobody changes authorizations at all (ADR 0019), the
        // administrator included: refused, nothing saved.
        HttpResponse<String> refused = Http.api(port)
                .as("admin", "demo")
                .postJson(
                        "/engine-rest/authorization/create",
                        "{\"type\": 2, \"permissions\": [\"READ\"], \"groupId\": \"privacy-officer\", \"resourceType\": 6, \"resourceId\": \"iama\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_REVOKE)
                        .count())
                .isZero();

        // Grants are saved as before.
        Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("group-without-any-authorization");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("iama");
        grant.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(grant);
        engine.getAuthorizationService().deleteAuthorization(grant.getId());
    }

    private long visibleAs(String user, List<String> groups, String task) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return engine.getTaskService().createTaskQuery().taskId(task).count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private String privacyOfficerTask() {
        SystemRecord system = systems.register("Autorisatiecontrole", null, "ICT", "lead");
        return GateProbe.start(engine, assessments, system.id(), version -> {}).taskId();
    }
}
