package nl.waarborg.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine read without the current user's engine authorizations, for reads that Waarborg's own API
 * already authorized (e.g. where a system waits). Never used for writes: those run as the user.
 */
public final class EngineAccess {

    private EngineAccess() {
    }

    public static <T> T asSystem(ProcessEngine engine, Supplier<T> read) {
        IdentityService identity = engine.getIdentityService();
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }
}
