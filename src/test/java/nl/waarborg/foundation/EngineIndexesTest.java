package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The subtask lookup that runs on every task completion and the job executors' search for due jobs read an index,
 * not the whole table (EngineIndexes).
 */
@WaarborgIntegrationTest
class EngineIndexesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void parentTaskIdOfTheEnginesTaskTableIsIndexed() throws Exception {
        assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
        if (TestDatabases.isPostgres()) {
            assertThat(plan("SELECT * FROM act_ru_task WHERE parent_task_id_ = 'x'"))
                    .contains("wb_ix_act_ru_task_parent");
        }
    }

    @Test
    void dueDateOfTheEnginesJobTableIsIndexed() throws Exception {
        assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_");
        if (TestDatabases.isPostgres()) {
            // The shape of the job executor's acquisition query.
            assertThat(
                            plan(
                                    "SELECT id_ FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now())"))
                    .contains("wb_ix_act_ru_job_duedate");
        }
    }

    private List<String> indexedColumns(String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection
                        .getMetaData()
                        .getIndexInfo(
                                null, null, TestDatabases.isPostgres() ? table.toLowerCase() : table, false, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    columns.add(rs.getString("COLUMN_NAME").toUpperCase());
                }
            }
        }
        return columns;
    }

    /** PostgreSQL's plan with sequential scans priced out: shows whether the planner can use an index at all. */
    private String plan(String query) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SET LOCAL enable_seqscan = off");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = statement.executeQuery("EXPLAIN " + query)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
