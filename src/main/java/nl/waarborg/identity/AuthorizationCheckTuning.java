package nl.waarborg.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Removes a query that grows with the portfolio from every authorized engine command, without changing any
 * authorization decision.
 *
 * <p>Before each authorization check, Camunda's AuthorizationManager narrows the user's groups to those that have
 * at least one authorization, by reading {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}. That table
 * holds a row per open task and candidate group (the default task authorizations), so with 10,000 systems the query
 * reads tens of thousands of rows, once per command: twice per task completion (the task query and the
 * completion). Dropping the narrowing gives the same answers, since a group without authorizations matches no row in
 * the check itself; our users belong to one or two groups, so the check's group list stays short.
 */
@Component
public class AuthorizationCheckTuning extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
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
    }

    /** Camunda's AuthorizationManager, with the user's groups passed to the check as they are. */
    static final class UnnarrowedGroupsAuthorizationManager extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
