package nl.waarborg.identity;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Nobody is an engine superuser in Waarborg (ADR 0019): no admin groups and no admin users. The engine always adds
 * Camunda's own group {@code camunda-admin} to its admin groups while it initialises; this plugin empties the list
 * after that, so membership of {@code camunda-admin} (which Camunda's webapps still look for, see IdentityBootstrap)
 * grants nothing, and every user, Waarborg's administrators included, gets only the authorizations of
 * {@link EngineAuthorizations}. Users, groups and accounts are managed through Waarborg's own administration.
 */
@Component
public class NoEngineSuperuser extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAdminGroups(new ArrayList<>());
        configuration.setAdminUsers(new ArrayList<>());
    }
}
