package nl.waarborg.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;

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

    /** The process key in a definition id ("iama:3:abc" → "iama"). */
    public static String processKeyOf(String processDefinitionId) {
        return processDefinitionId == null ? null : processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
    }
}
