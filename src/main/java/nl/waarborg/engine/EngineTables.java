package nl.waarborg.engine;

import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Where the engine's tables are, for the few reads Waarborg makes of them in SQL of its own. */
public final class EngineTables {

    private EngineTables() {}

    /** The engine's table prefix (such as a schema name with a dot), empty when none is set. */
    public static String prefix(ProcessEngine engine) {
        return Objects.requireNonNullElse(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix(), "");
    }
}
