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

/** The subtask lookup that runs on every task completion reads an index, not all of ACT_RU_TASK (EngineIndexes). */
@WaarborgIntegrationTest
class EngineIndexesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void parentTaskIdOfTheEnginesTaskTableIsIndexed() throws Exception {
        List<String> indexedColumns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            String table = TestDatabases.isPostgres() ? "act_ru_task" : "ACT_RU_TASK";
            try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME") != null) {
                        indexedColumns.add(rs.getString("COLUMN_NAME").toUpperCase());
                    }
                }
            }
            assertThat(indexedColumns).contains("PARENT_TASK_ID_");

            if (TestDatabases.isPostgres()) {
                // The planner can use it: with sequential scans priced out, the lookup becomes an index scan.
                try (Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    statement.execute("SET LOCAL enable_seqscan = off");
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = statement.executeQuery("EXPLAIN SELECT * FROM act_ru_task WHERE parent_task_id_ = 'x'")) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    connection.rollback();
                    connection.setAutoCommit(true);
                    assertThat(plan.toString()).contains("wb_ix_act_ru_task_parent");
                }
            }
        }
    }
}
