package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * <b>Fork of engine behaviour</b> (see docs/engine-forks.md; checked against the engine by AuthorizationCheckTuningTest and GrantsOnlyPermissionCheckTest).
 *
 * Makes the engine's authorization checks cheaper without changing any authorization decision: it removes a query
 * that grows with the portfolio from every authorized command, and, since Waarborg only grants, the search for
 * revoking authorizations.
 *
 * <p>Before each authorization check, Camunda's AuthorizationManager narrows the user's groups to those that have
 * at least one authorization, by reading {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}. That table
 * holds a row per open task and candidate group (the default task authorizations), so with 10,000 systems the query
 * reads tens of thousands of rows, once per command: twice per task completion (the task query and the
 * completion). Dropping the narrowing gives the same answers, since a group without authorizations matches no row in
 * the check itself; our users belong to one or two groups, so the check's group list stays short.
 *
 * <p>Revokes: in its default mode ("auto") the engine first asks, on every command, whether the user or a group has
 * any REVOKE authorization, and if so checks each permission against grants and revokes. Waarborg's authorizations
 * are grants only (ADR 0004), so this manager refuses to save a REVOKE authorization (Camunda Admin and
 * {@code /engine-rest} get a clear error) and the engine runs in mode "never": one query less per command and a
 * permission check half as long. A database that already holds revokes (made before this rule) keeps mode "auto", so
 * they still count; the log says so at start-up (ADR 0013).
 */
@Component
public class AuthorizationCheckTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationCheckTuning.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // Registered after the engine's own factories, so this one replaces the default AuthorizationManager.
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new UnnarrowedGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
        // Until the engine is built and has looked for existing revokes (postProcessEngineBuild), check them.
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        long revokes = engine.getAuthorizationService()
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE)
                .count();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (revokes == 0) {
            configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
        } else {
            log.warn(
                    "The engine holds {} REVOKE authorization(s), made before Waarborg refused them; the authorization checks keep"
                            + " looking for revokes on every command. Replace them by narrower grants and restart to drop that cost.",
                    revokes);
        }
    }

    /**
     * Camunda's AuthorizationManager, with the user's groups passed to the check as they are, grants only, and the
     * permission checks of commands decided by one short query while no revokes are in use.
     */
    static final class UnnarrowedGroupsAuthorizationManager extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
            if (!GrantsOnlyPermissionCheck.handles(check) || isRevokeAuthCheckEnabled(userId, groupIds)) {
                return super.isAuthorized(userId, groupIds, check);
            }
            for (PermissionCheck permission : check.getAllPermissionChecks()) {
                if (!isResourceValidForPermission(permission)) {
                    return super.isAuthorized(userId, groupIds, check); // Camunda's own error for a wrong pairing
                }
            }
            return GrantsOnlyPermissionCheck.isAuthorized(
                    getDbSqlSession().getSqlSession().getConnection(),
                    getDbSqlSession().getDbSqlSessionFactory().getDatabaseTablePrefix(),
                    userId,
                    filterAuthenticatedGroupIds(groupIds),
                    check);
        }

        /** Camunda's own decision, for the test that compares it with the short query's. */
        boolean isAuthorizedByCamunda(String userId, List<String> groupIds, CompositePermissionCheck check) {
            return super.isAuthorized(userId, groupIds, check);
        }

        /** Runs for every authorization saved through the API (Admin, REST, AuthorizationService), new or changed. */
        @Override
        public void validateResourceCompatibility(AuthorizationEntity authorization) {
            if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
                throw new BadUserRequestException(
                        "Waarborg does not use REVOKE authorizations: grant narrower permissions instead"
                                + " (a revoke would also make every authorization check slower).");
            }
            super.validateResourceCompatibility(authorization);
        }
    }
}
