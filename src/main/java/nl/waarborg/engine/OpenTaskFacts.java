package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a list of tasks shows besides the task itself, for a whole page in one query: the group each task waits on (its
 * candidate group) and the business key (the system) of its process instance. A list never looks a task up again
 * per row: a task completed between the list query and this one is simply missing from the answer, and the list
 * leaves it out (issue 22, A1). Read as Waarborg: the list query already applied the user's authorizations.
 */
@Component
public class OpenTaskFacts {

    /** The page sizes stay below this; larger sets are read in chunks of it (a bound on the IN list). */
    private static final int CHUNK = 1000;

    /** The candidate group (the first by name; Waarborg's tasks have one) and the process instance's business key. */
    public record Facts(String taskId, String candidateGroup, String businessKey) {}

    private final JdbcClient jdbc;
    private final ProcessEngine engine;

    public OpenTaskFacts(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** The facts of those tasks that still exist, by task id; no query for no tasks. */
    public Map<String, Facts> of(Collection<String> taskIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(taskIds));
        ids.remove(null);
        Map<String, Facts> result = new HashMap<>();
        String prefix = EngineTables.prefix(engine);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT t.ID_ AS task_id, e.BUSINESS_KEY_ AS business_key,"
                            + " (SELECT MIN(l.GROUP_ID_) FROM " + prefix + "ACT_RU_IDENTITYLINK l"
                            + "  WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate') AS candidate_group"
                            + " FROM " + prefix + "ACT_RU_TASK t"
                            + " LEFT JOIN " + prefix + "ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
                            + " WHERE t.ID_ IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, i) -> new Facts(
                            rs.getString("task_id"), rs.getString("candidate_group"), rs.getString("business_key")))
                    .list()
                    .forEach(f -> result.put(f.taskId(), f));
        }
        return result;
    }
}
