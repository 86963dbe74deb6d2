package nl.waarborg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The short permission query (GrantsOnlyPermissionCheck) decides every check as Camunda's own SQL does: random
 * grants and global authorizations for users, groups, tasks and process definitions (specific ids and '*'), then
 * random checks of one to four permissions, disjunctive and conjunctive, each decided both ways in the same
 * transaction. Runs on H2 and on PostgreSQL.
 */
@WaarborgIntegrationTest
class GrantsOnlyPermissionCheckTest {

    private static final String[] USERS = {"eqv-u1", "eqv-u2", "eqv-u3"};
    /** Grant holders: the users, the groups, every user ('*' as a grant) and null for a global authorization. */
    private static final String ALL_USERS = Authorization.ANY;

    private static final String[] GROUPS = {"eqv-g1", "eqv-g2", "eqv-g3"};
    // "eqv-same" is both a task id and a definition key: a grant on one type must not answer a check on the other.
    private static final String[] TASK_IDS = {"eqv-t1", "eqv-same", Authorization.ANY};
    private static final String[] DEFINITION_KEYS = {"eqv-p1", "eqv-same", Authorization.ANY};
    private static final Permission[] TASK_PERMISSIONS = {
        TaskPermissions.READ,
        TaskPermissions.UPDATE,
        TaskPermissions.TASK_WORK,
        TaskPermissions.TASK_ASSIGN,
        TaskPermissions.READ_VARIABLE,
        TaskPermissions.UPDATE_VARIABLE
    };
    private static final Permission[] DEFINITION_PERMISSIONS = {
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.UPDATE_TASK,
        ProcessDefinitionPermissions.TASK_WORK,
        ProcessDefinitionPermissions.TASK_ASSIGN,
        ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE
    };

    @Autowired
    ProcessEngine engine;

    @Test
    void decidesLikeCamundaOverRandomGrantsAndChecks() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // The short query only runs without revokes; otherwise this test would compare Camunda with itself.
        assertThat(configuration.getAuthorizationCheckRevokes())
                .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
        Random random = new Random(20261124);
        List<String> created = new ArrayList<>();
        try {
            int allowed = 0;
            int checks = 0;
            for (int grantSet = 0; grantSet < 4; grantSet++) {
                deleteAll(created);
                created.addAll(randomAuthorizations(random));
                for (int i = 0; i < 150; i++) {
                    String user = random.nextInt(8) == 0 ? null : USERS[random.nextInt(USERS.length)];
                    List<String> groups = new ArrayList<>();
                    for (String group : GROUPS) {
                        if (random.nextInt(3) == 0) {
                            groups.add(group);
                        }
                    }
                    if (!groups.isEmpty() && random.nextInt(6) == 0) {
                        groups.add(groups.get(0)); // the same group twice
                    }
                    List<String> groupList = random.nextInt(12) == 0 ? null : groups;
                    CompositePermissionCheck check = randomCheck(random);
                    assertThat(GrantsOnlyPermissionCheck.handles(check))
                            .as("the short query decides %s", describe(check))
                            .isTrue();
                    boolean[] decisions = configuration
                            .getCommandExecutorTxRequired()
                            .execute(context -> {
                                AuthorizationCheckTuning.UnnarrowedGroupsAuthorizationManager manager =
                                        (AuthorizationCheckTuning.UnnarrowedGroupsAuthorizationManager)
                                                context.getAuthorizationManager();
                                return new boolean[] {
                                    manager.isAuthorized(user, groupList, check),
                                    manager.isAuthorizedByCamunda(user, groupList, check)
                                };
                            });
                    assertThat(decisions[0])
                            .as("check %s for %s %s", describe(check), user, groupList)
                            .isEqualTo(decisions[1]);
                    checks++;
                    allowed += decisions[1] ? 1 : 0;
                }
            }
            // Both answers must occur often, or the comparison proves little.
            assertThat(allowed).isBetween(checks / 5, checks * 4 / 5);
        } finally {
            deleteAll(created);
        }
    }

    private List<String> randomAuthorizations(Random random) {
        List<String> ids = new ArrayList<>();
        List<String> owners = new ArrayList<>(List.of(USERS));
        owners.addAll(List.of(GROUPS));
        owners.add(ALL_USERS); // a grant to user '*', which Camunda's check does not treat as a global authorization
        owners.add(null); // a global authorization
        for (String owner : owners) {
            for (Resource resource : List.of(Resources.TASK, Resources.PROCESS_DEFINITION)) {
                for (String resourceId : resource == Resources.TASK ? TASK_IDS : DEFINITION_KEYS) {
                    if (random.nextInt(4) != 0) {
                        continue;
                    }
                    Authorization authorization = engine.getAuthorizationService()
                            .createNewAuthorization(
                                    owner == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
                    if (owner == null) {
                        authorization.setUserId(Authorization.ANY);
                    } else if (owner.startsWith("eqv-u") || owner.equals(ALL_USERS)) {
                        authorization.setUserId(owner);
                    } else {
                        authorization.setGroupId(owner);
                    }
                    authorization.setResource(resource);
                    authorization.setResourceId(resourceId);
                    Permission[] permissions = resource == Resources.TASK ? TASK_PERMISSIONS : DEFINITION_PERMISSIONS;
                    if (random.nextInt(6) == 0) {
                        authorization.addPermission(
                                resource == Resources.TASK ? TaskPermissions.ALL : ProcessDefinitionPermissions.ALL);
                    } else {
                        for (Permission permission : permissions) {
                            if (random.nextBoolean()) {
                                authorization.addPermission(permission);
                            }
                        }
                    }
                    ids.add(engine.getAuthorizationService()
                            .saveAuthorization(authorization)
                            .getId());
                }
            }
        }
        return ids;
    }

    private static CompositePermissionCheck randomCheck(Random random) {
        CompositePermissionCheck check = new CompositePermissionCheck(random.nextBoolean());
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            boolean task = random.nextBoolean();
            PermissionCheck permission = new PermissionCheck();
            permission.setResource(task ? Resources.TASK : Resources.PROCESS_DEFINITION);
            Permission[] permissions = task ? TASK_PERMISSIONS : DEFINITION_PERMISSIONS;
            permission.setPermission(
                    random.nextInt(10) == 0
                            ? (task ? TaskPermissions.ALL : ProcessDefinitionPermissions.ALL)
                            : permissions[random.nextInt(permissions.length)]);
            String[] ids = task ? TASK_IDS : DEFINITION_KEYS;
            // Also ids nobody has a grant for, and no id at all (only '*' grants apply then).
            int pick = random.nextInt(ids.length + 2);
            permission.setResourceId(pick < ids.length ? ids[pick] : pick == ids.length ? "eqv-unknown" : null);
            check.addAtomicCheck(permission);
        }
        return check;
    }

    private static String describe(CompositePermissionCheck check) {
        StringBuilder text = new StringBuilder(check.isDisjunctive() ? "any of" : "all of");
        for (PermissionCheck p : check.getAtomicChecks()) {
            text.append(' ')
                    .append(p.getResource().resourceName())
                    .append('/')
                    .append(p.getResourceId())
                    .append('/')
                    .append(p.getPermission().getName());
        }
        return text.toString();
    }

    private void deleteAll(List<String> ids) {
        ids.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
        ids.clear();
    }
}
