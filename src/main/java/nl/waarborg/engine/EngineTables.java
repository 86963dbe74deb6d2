package nl.waarborg.engine;

import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the engine's tables are, for the few reads Waarborg makes of them in SQL of its own. */
public final class EngineTables {

    private EngineTables() {}

    /**
     * Locks an open task's row until the transaction ends; answers whether the task is still there. Whoever changes a
     * task outside its own command takes it first (a draft's save, an administrator giving tasks back or handing one
     * over), and so does a task's completion before it removes the drafts: a change at the moment of a completion
     * either waits and finds the task done, or goes first and the completion sees it.
     */
    public static boolean lockTask(JdbcClient jdbc, ProcessEngine engine, String taskId) {
        return taskRow(jdbc, engine, taskId, " FOR UPDATE");
    }

    /** Whether the task is still open (no lock). */
    public static boolean taskExists(JdbcClient jdbc, ProcessEngine engine, String taskId) {
        return taskRow(jdbc, engine, taskId, "");
    }

    private static boolean taskRow(JdbcClient jdbc, ProcessEngine engine, String taskId, String lock) {
        return !jdbc.sql("SELECT ID_ FROM " + prefix(engine) + "ACT_RU_TASK WHERE ID_ = ?" + lock)
                .params(taskId)
                .query(String.class)
                .list()
                .isEmpty();
    }

    /** The engine's table prefix (such as a schema name with a dot), empty when none is set. */
    public static String prefix(ProcessEngine engine) {
        return Objects.requireNonNullElse(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix(), "");
    }
}
