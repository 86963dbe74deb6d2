package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * <b>Fork of engine behaviour</b> (see docs/engine-forks.md; checked against the engine by MyTaskListTest).
 *
 * <p>"Mijn taken": the ids of the open tasks assigned to a user or open to them as a candidate (by name or through one
 * of their groups, while nobody has claimed the task), that the engine lets the logged-in user read, in a fixed order,
 * one page and the total. The engine's own task query answers the same question, but it joins the authorizations
 * with {@code RESOURCE_ID_ IN (task, definition key, '*')} after it has combined every unclaimed task with its
 * identity links: it reads all unclaimed tasks of the whole portfolio for every call, and a privacy officer's list took
 * 1.6 s at 10,000 systems (docs/benchmark.md). This query starts from the user's own identity links and claimed tasks
 * and asks for a grant per task through the index on the resource id, so it grows with the user's tasks only.
 *
 * <p>The rule is Camunda's task query as it is without revokes (ADR 0013): a task is readable when a grant or global
 * authorization (type below 2) for the user, for '*' or for one of the groups, whose resource id is the task's id, its
 * process definition's key or '*', is either a task grant with READ or a process-definition grant with READ_TASK
 * (Camunda's join does not pair the resource type with the id, and neither does this query). Tasks of a tenant are left out: Waarborg's users belong to none.
 * When revokes are in use, or the user belongs to a tenant, this class answers nothing and the caller asks the
 * engine. The caller reads the page's tasks without checking again (with the engine's own check that read cost 38 ms
 * per page under load, as the engine's join compares each task with every grant of the group): this class is the check,
 * and MyTaskListTest holds it to Camunda's answer.
 */
@Component
public class MyTaskList {

    /** The ids of one page, in order, and how many tasks there are in all. */
    public record Page(List<String> taskIds, long total) {}

    private final JdbcClient jdbc;
    private final ProcessEngine engine;

    public MyTaskList(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /**
     * One page of the tasks of {@code userId} and {@code groupIds}: due first (earliest first), then the ones without a
     * due date, each by creation time and id. Empty when this class cannot answer exactly as the engine would.
     */
    public Optional<Page> page(String userId, List<String> groupIds, int limit, int offset) {
        return page(userId, groupIds, null, limit, offset);
    }

    /**
     * The same, narrowed to the tasks of the process instances with this business key (a system's id), or not narrowed
     * when it is null: the next step after a completion (task.NextTask).
     */
    public Optional<Page> page(String userId, List<String> groupIds, String businessKey, int limit, int offset) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Authentication reader = engine.getIdentityService().getCurrentAuthentication();
        boolean checked = configuration.isAuthorizationEnabled() && reader != null && reader.getUserId() != null;
        if (userId == null
                || (checked
                        && !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equals(
                                configuration.getAuthorizationCheckRevokes()))
                || (reader != null
                        && reader.getTenantIds() != null
                        && !reader.getTenantIds().isEmpty())) {
            return Optional.empty();
        }
        String prefix = Objects.requireNonNullElse(configuration.getDatabaseTablePrefix(), "");
        boolean h2 = "h2".equals(configuration.getDatabaseType());
        List<String> groups = distinct(groupIds);
        List<Object> parameters = new ArrayList<>();
        StringBuilder mine = new StringBuilder("SELECT l.TASK_ID_ AS ID_ FROM ")
                .append(prefix)
                .append("ACT_RU_IDENTITYLINK l WHERE l.TYPE_ = 'candidate' AND (l.USER_ID_ = ?");
        parameters.add(userId);
        if (!groups.isEmpty()) {
            mine.append(" OR l.GROUP_ID_ IN (").append(marks(groups.size())).append(')');
            parameters.addAll(groups);
        }
        mine.append(") UNION SELECT a.ID_ FROM ").append(prefix).append("ACT_RU_TASK a WHERE a.ASSIGNEE_ = ?");
        parameters.add(userId);
        StringBuilder sql = new StringBuilder("SELECT t.ID_ AS id, COUNT(*) OVER () AS total FROM ")
                .append(prefix)
                .append("ACT_RU_TASK t JOIN (")
                .append(mine)
                .append(") m ON m.ID_ = t.ID_ LEFT JOIN ")
                .append(prefix)
                .append("ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_")
                .append(" WHERE (t.ASSIGNEE_ = ? OR t.ASSIGNEE_ IS NULL) AND t.TENANT_ID_ IS NULL");
        parameters.add(userId);
        if (businessKey != null) { // as the engine's processInstanceBusinessKey: the task's own process instance
            sql.append(" AND t.PROC_INST_ID_ IN (SELECT e.ID_ FROM ")
                    .append(prefix)
                    .append("ACT_RU_EXECUTION e WHERE e.BUSINESS_KEY_ = ?)");
            parameters.add(businessKey);
        }
        if (checked) {
            // As Camunda's join: the resource id may be the task's, its definition's key or '*', whichever of the two
            // resource types the grant names. Three lookups by equality, not one IN (...): with the IN, PostgreSQL
            // compared every task with every grant of the group (950 ms for 3,077 tasks); this way each is a hash
            // probe or an index lookup (16 ms).
            List<String> readerGroups = distinct(reader.getGroupIds());
            sql.append(" AND (");
            String[] resourceIds = {"t.ID_", "d.KEY_", "'*'"};
            for (int i = 0; i < resourceIds.length; i++) {
                sql.append(i == 0 ? "" : " OR ")
                        .append("EXISTS (SELECT 1 FROM ")
                        .append(prefix)
                        .append("ACT_RU_AUTHORIZATION g WHERE g.RESOURCE_ID_ = ")
                        .append(resourceIds[i])
                        .append(" AND ");
                grantFor(sql, parameters, h2, reader.getUserId(), readerGroups);
                sql.append(')');
            }
            sql.append(')');
        }
        sql.append(" ORDER BY CASE WHEN t.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, t.DUE_DATE_, t.CREATE_TIME_, t.ID_")
                .append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        parameters.add(offset);
        parameters.add(limit);
        List<String> ids = new ArrayList<>();
        long[] total = {-1};
        jdbc.sql(sql.toString()).params(parameters).query(rows -> {
            ids.add(rows.getString("id"));
            total[0] = rows.getLong("total");
        });
        if (total[0] < 0) { // an empty page: the total (if any) lies before the offset
            total[0] = offset == 0 ? 0 : count(sql, parameters);
        }
        return Optional.of(new Page(List.copyOf(ids), total[0]));
    }

    /** The same selection counted, for a page past the end. */
    private long count(StringBuilder pageSql, List<Object> pageParameters) {
        String selection = pageSql.substring(pageSql.indexOf(" FROM "), pageSql.indexOf(" ORDER BY "));
        Long total = jdbc.sql("SELECT COUNT(*)" + selection)
                .params(pageParameters.subList(0, pageParameters.size() - 2))
                .query(Long.class)
                .single();
        return total == null ? 0 : total;
    }

    /** A grant or global authorization for the reader: a task grant with READ or a definition grant with READ_TASK. */
    private static void grantFor(
            StringBuilder sql, List<Object> parameters, boolean h2, String user, List<String> groups) {
        sql.append("g.TYPE_ < ").append(Authorization.AUTH_TYPE_REVOKE).append(" AND (g.USER_ID_ IN (?, '*')");
        parameters.add(user);
        if (!groups.isEmpty()) {
            sql.append(" OR g.GROUP_ID_ IN (").append(marks(groups.size())).append(')');
            parameters.addAll(groups);
        }
        sql.append(") AND (");
        permission(sql, h2, Resources.TASK.resourceType(), Permissions.READ.getValue());
        sql.append(" OR ");
        permission(sql, h2, Resources.PROCESS_DEFINITION.resourceType(), Permissions.READ_TASK.getValue());
        sql.append(')');
    }

    /** A grant on the resource type with all bits of {@code perms}. */
    private static void permission(StringBuilder sql, boolean h2, int resourceType, int perms) {
        sql.append("(g.RESOURCE_TYPE_ = ")
                .append(resourceType)
                .append(" AND ")
                .append(h2 ? "BITAND(g.PERMS_, " + perms + ")" : "(g.PERMS_ & " + perms + ")")
                .append(" = ")
                .append(perms)
                .append(')');
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> set = new LinkedHashSet<>(values);
        set.remove(null);
        return List.copyOf(set);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
