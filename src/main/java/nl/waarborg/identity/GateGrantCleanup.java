package nl.waarborg.identity;

import nl.waarborg.engine.EngineTables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-user grants on gates that the engine gave before {@link TeamTaskAuthorizations} stopped giving them (an assignee's
 * or a delegate's READ and UPDATE on the task): at each start they go, so a reviewer who has left the gate's group since
 * reads nothing of it: grants on tasks with a candidate group other than project-lead. A content task keeps its grants
 * (it has candidate group project-lead; its team works it through them), and so does a task without any group. One
 * statement; after the first start after the upgrade it deletes nothing.
 */
@Component
class GateGrantCleanup {

    private static final Logger log = LoggerFactory.getLogger(GateGrantCleanup.class);

    private final JdbcClient jdbc;
    private final ProcessEngine engine;

    GateGrantCleanup(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int removed = removeUserGrantsOnGates();
        if (removed > 0) {
            log.info("Removed {} per-user grant(s) on gates: a gate's group grant is what its members need.", removed);
        }
    }

    int removeUserGrantsOnGates() {
        String prefix = EngineTables.prefix(engine);
        String grants = prefix + "ACT_RU_AUTHORIZATION";
        String links = prefix + "ACT_RU_IDENTITYLINK";
        return jdbc.sql("DELETE FROM " + grants + " WHERE RESOURCE_TYPE_ = :task AND USER_ID_ IS NOT NULL"
                        + " AND EXISTS (SELECT 1 FROM " + links + " g WHERE g.TASK_ID_ = " + grants + ".RESOURCE_ID_"
                        + " AND g.GROUP_ID_ IS NOT NULL)"
                        + " AND NOT EXISTS (SELECT 1 FROM " + links + " l WHERE l.TASK_ID_ = " + grants
                        + ".RESOURCE_ID_"
                        + " AND l.GROUP_ID_ = :team)")
                .param("task", Resources.TASK.resourceType())
                .param("team", Groups.PROJECT_LEAD)
                .update();
    }
}
