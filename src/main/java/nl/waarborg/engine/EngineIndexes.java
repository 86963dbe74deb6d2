package nl.waarborg.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes that Camunda's own schema lacks and that a portfolio of thousands of open tasks needs. Created after the
 * engine has created or updated its tables (Flyway, which owns wb_*, may run before they exist), idempotently, so
 * every node may do it at start-up. With a separate schema owner ({@link DatabaseOwner}) the owner creates them.
 *
 * <ul>
 * <li>Completing a task makes the engine look for its subtasks ({@code WHERE PARENT_TASK_ID_ = ?}); without an index
 * that reads all of ACT_RU_TASK on every completion: 4.5 ms per completion at 10,000 systems (docs/benchmark.md).</li>
 * <li>Every job executor, on every node, asks for due jobs ({@code DUEDATE_ IS NULL OR DUEDATE_ <= now}) every few
 * seconds, and continuously while jobs are due; every open gate has a service-level timer, so without an index each
 * poll reads all of ACT_RU_JOB.</li>
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String PARENT_TASK_INDEX = "wb_ix_act_ru_task_parent";
    static final String JOB_DUE_DATE_INDEX = "wb_ix_act_ru_job_duedate";

    /** Index name → table and column. */
    private static final Map<String, String> INDEXES = Map.of(
            PARENT_TASK_INDEX, "ACT_RU_TASK (PARENT_TASK_ID_)",
            JOB_DUE_DATE_INDEX, "ACT_RU_JOB (DUEDATE_)");

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    private final DatabaseOwner owner;

    public EngineIndexes(DatabaseOwner owner) {
        this.owner = owner;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!owner.split()) {
            create(engine.getProcessEngineConfiguration().getDataSource());
        }
    }

    /** Creates the indexes that are missing, as the given account (the schema owner's when there is one). */
    static void create(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                for (Map.Entry<String, String> index : INDEXES.entrySet()) {
                    create(statement, index.getKey(), index.getValue());
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.warn("Could not check the engine's indexes: {}", e.getMessage());
        }
    }

    private static void create(Statement statement, String name, String on) {
        try {
            statement.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + on);
        } catch (SQLException e) {
            // Another node creating the same index at the same moment; the engine works without it, only slower.
            LOG.warn("Could not create index {} on {}: {}", name, on, e.getMessage());
        }
    }
}
