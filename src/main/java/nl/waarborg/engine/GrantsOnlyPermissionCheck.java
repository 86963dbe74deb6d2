package nl.waarborg.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * <b>Fork of engine behaviour</b> (see docs/engine-forks.md; checked against the engine by GrantsOnlyPermissionCheckTest).
 *
 * Decides an engine permission check the way Camunda's own SQL ({@code isUserAuthorizedForResource}) does when
 * revokes are not used, with one short query instead of a statement that MyBatis assembles anew for every check.
 * Assembling that statement (100 parameters for a task completion) took most of the check's time; the check runs on
 * every task completion, claim and variable update by a user.
 *
 * <p>Without revokes, Camunda's answer for one permission is "yes" when a GRANT for the user, a GRANT for one of the
 * groups, or a GLOBAL authorization has all the permission's bits, for the resource type and either the resource's
 * id or '*'. A disjunctive check needs one permission, a conjunctive check all. Checks outside that shape (nested
 * checks, query parameters, a "not found" value) are left to Camunda: {@link #handles} says which.
 * {@code GrantsOnlyPermissionCheckTest} compares both over many random grants and checks. Resource ids are compared
 * exactly, as PostgreSQL does; on a database set to compare text without case, this check is the stricter one.
 */
final class GrantsOnlyPermissionCheck {

    private GrantsOnlyPermissionCheck() {}

    /** Whether this class decides the check exactly as Camunda's SQL would. */
    static boolean handles(CompositePermissionCheck check) {
        if (check == null
                || check.getAtomicChecks() == null
                || check.getAtomicChecks().isEmpty()
                || (check.getCompositeChecks() != null
                        && !check.getCompositeChecks().isEmpty())) {
            return false;
        }
        return check.getAtomicChecks().stream()
                .allMatch(p -> p.getResourceIdQueryParam() == null && p.getAuthorizationNotFoundReturnValue() == null);
    }

    static boolean isAuthorized(
            Connection connection,
            String tablePrefix,
            String userId,
            List<String> groupIds,
            CompositePermissionCheck check) {
        List<Grant> grants = grantsFor(connection, tablePrefix, userId, groupIds, check.getAtomicChecks());
        if (check.isDisjunctive()) {
            return check.getAtomicChecks().stream()
                    .anyMatch(p -> grants.stream().anyMatch(g -> g.allows(p)));
        }
        return check.getAtomicChecks().stream().allMatch(p -> grants.stream().anyMatch(g -> g.allows(p)));
    }

    /** A grant or global authorization that applies to the user, for one of the checked resources or '*'. */
    private record Grant(int resourceType, String resourceId, int perms) {
        boolean allows(PermissionCheck check) {
            boolean resourceMatches =
                    Authorization.ANY.equals(resourceId) || Objects.equals(resourceId, check.getResourceId());
            return resourceType == check.getResourceType()
                    && resourceMatches
                    && (perms & check.getPerms()) == check.getPerms();
        }
    }

    private static List<Grant> grantsFor(
            Connection connection,
            String tablePrefix,
            String userId,
            List<String> groupIds,
            List<PermissionCheck> checks) {
        Set<Integer> types = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(Authorization.ANY);
        for (PermissionCheck check : checks) {
            types.add(check.getResourceType());
            if (check.getResourceId() != null) {
                ids.add(check.getResourceId());
            }
        }
        List<String> groups = groupIds == null
                ? List.of()
                : groupIds.stream().filter(Objects::nonNull).toList();
        StringBuilder sql = new StringBuilder("SELECT RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ")
                .append(tablePrefix == null ? "" : tablePrefix)
                .append("ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ IN (")
                .append(marks(types.size()))
                .append(") AND RESOURCE_ID_ IN (")
                .append(marks(ids.size()))
                .append(") AND PERMS_ IS NOT NULL AND ((TYPE_ = ")
                .append(Authorization.AUTH_TYPE_GLOBAL)
                .append(" AND USER_ID_ = '*')");
        if (userId != null) {
            sql.append(" OR (TYPE_ = ").append(Authorization.AUTH_TYPE_GRANT).append(" AND USER_ID_ = ?)");
        }
        if (!groups.isEmpty()) {
            sql.append(" OR (TYPE_ = ")
                    .append(Authorization.AUTH_TYPE_GRANT)
                    .append(" AND GROUP_ID_ IN (")
                    .append(marks(groups.size()))
                    .append("))");
        }
        sql.append(')');
        List<Object> parameters = new ArrayList<>(types);
        parameters.addAll(ids);
        if (userId != null) {
            parameters.add(userId);
        }
        parameters.addAll(groups);
        List<Grant> grants = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    grants.add(new Grant(rows.getInt(1), rows.getString(2), rows.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException(
                    "Could not read the authorizations for an authorization check: " + e.getMessage(), e);
        }
        return grants;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
