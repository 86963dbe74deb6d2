package nl.waarborg.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * Runs an engine call without authorization checks (the current user is set aside), for calls that Waarborg's own API has
 * already authorized (where a system waits; a trigger its owner sends). Task work always runs as the user.
 */
public final class EngineAccess {

    private EngineAccess() {}

    public static <T> T withoutAuthorization(ProcessEngine engine, Supplier<T> call) {
        IdentityService identity = engine.getIdentityService();
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    /**
     * The process key in a definition id ("iama:3:abc" → "iama"). The engine uses a bare generated id when "key:version:id"
     * would be too long for its column; then the key is read from the engine's definition cache, or null outside a
     * command.
     */
    public static String processKeyOf(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        int colon = processDefinitionId.indexOf(':');
        if (colon >= 0) {
            return processDefinitionId.substring(0, colon);
        }
        if (Context.getProcessEngineConfiguration() == null) {
            return null;
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        return definition == null ? null : definition.getKey();
    }
}
