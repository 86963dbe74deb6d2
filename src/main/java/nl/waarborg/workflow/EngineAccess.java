package nl.waarborg.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call without the current user's engine authorizations, for calls that Waarborg's own API has
 * already authorized (where a system waits; a trigger its owner sends). Task work always runs as the user.
 */
public final class EngineAccess {

    private EngineAccess() {
    }

    public static <T> T asSystem(ProcessEngine engine, Supplier<T> call) {
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
}
