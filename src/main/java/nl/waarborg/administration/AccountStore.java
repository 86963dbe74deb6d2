package nl.waarborg.administration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.EngineTables;
import nl.waarborg.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity store and Waarborg's account table as the administration sees them. Engine calls run as the system
 * ({@link EngineAccess#withoutAuthorization}): the administration checks who may act itself, and the engine's own API
 * refuses identity changes by users (EngineCommandGuard).
 */
@Component
class AccountStore {

    private static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    AccountStore(ProcessEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    record Deactivation(String by, Instant at, String reason) {}

    <T> T asSystem(Supplier<T> call) {
        return EngineAccess.withoutAuthorization(engine, call);
    }

    IdentityService identity() {
        return engine.getIdentityService();
    }

    /**
     * Gives the open tasks the user holds back to their group or team (nobody else could act on them once the user is
     * gone) and answers their ids, for the audit row of the deactivation or deletion.
     */
    List<String> releaseTasksOf(String userId) {
        return releaseTasksOf(userId, task -> true);
    }

    /**
     * Gives back the open group tasks the user holds that none of their {@code remaining} groups may do any more (a
     * task of a system's team stays: the team decides who does it, not the group).
     */
    List<String> releaseGroupTasksOf(String userId, Collection<String> remaining) {
        return releaseTasksOf(userId, task -> {
            List<org.camunda.bpm.engine.task.IdentityLink> candidates =
                    engine.getTaskService().getIdentityLinksForTask(task).stream()
                            .filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()))
                            .toList();
            return candidates.stream().noneMatch(l -> l.getUserId() != null)
                    && candidates.stream().noneMatch(l -> remaining.contains(l.getGroupId()));
        });
    }

    private List<String> releaseTasksOf(String userId, java.util.function.Predicate<String> release) {
        return asSystem(() -> {
            List<String> released = engine.getTaskService().createTaskQuery().taskAssignee(userId).list().stream()
                    .map(org.camunda.bpm.engine.task.Task::getId)
                    .filter(release)
                    .toList();
            // Each under its row's lock: a task completed at this moment is done, not given back (probe 66).
            List<String> given = released.stream()
                    .filter(id -> EngineTables.lockTask(jdbc, engine, id))
                    .toList();
            given.forEach(id -> engine.getTaskService().setAssignee(id, null));
            return given;
        });
    }

    /** Serialises changes of users and groups across threads and nodes, until the transaction ends. */
    void lock() {
        jdbc.sql("SELECT id FROM wb_administration_lock WHERE id = 1 FOR UPDATE")
                .query()
                .singleValue();
    }

    Optional<User> user(String id) {
        if (id == null || id.length() > AccountRules.MAX_ID) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                asSystem(() -> identity().createUserQuery().userId(id).singleResult()));
    }

    User existing(String id) {
        return user(id).orElseThrow(() ->
                new AdministrationRefusal(AdministrationRefusal.Code.UNKNOWN_USER, "There is no user '" + id + "'."));
    }

    /** The user's Waarborg groups (not camunda-admin, which only mirrors group admin for Camunda's webapps). */
    List<String> groupsOf(String id) {
        return asSystem(() -> identity().createGroupQuery().groupMember(id).list().stream()
                .map(Group::getId)
                .filter(Groups.ALL::contains)
                .sorted()
                .toList());
    }

    /**
     * The Waarborg groups of each of these users (sorted), in one query per group: a fixed number for a page of users,
     * however many it holds.
     */
    Map<String, List<String>> groupsOf(Collection<String> ids) {
        Map<String, List<String>> result = new HashMap<>();
        ids.forEach(id -> result.put(id, new ArrayList<>()));
        if (ids.isEmpty()) {
            return result;
        }
        for (String group : Groups.ALL.stream().sorted().toList()) {
            asSystem(() -> identity()
                            .createUserQuery()
                            .memberOfGroup(group)
                            .userIdIn(ids.toArray(String[]::new))
                            .list())
                    .forEach(user -> result.computeIfAbsent(user.getId(), k -> new ArrayList<>())
                            .add(group));
        }
        return result;
    }

    long administrators() {
        return asSystem(
                () -> identity().createUserQuery().memberOfGroup(Groups.ADMIN).count());
    }

    void addMembership(String userId, String group) {
        asSystem(() -> {
            identity().createMembership(userId, group);
            if (Groups.ADMIN.equals(group)) {
                identity().createMembership(userId, CAMUNDA_ADMIN);
            }
            return null;
        });
    }

    void removeMembership(String userId, String group) {
        asSystem(() -> {
            identity().deleteMembership(userId, group);
            if (Groups.ADMIN.equals(group)) {
                identity().deleteMembership(userId, CAMUNDA_ADMIN);
            }
            return null;
        });
    }

    Map<String, Deactivation> deactivations(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT * FROM wb_account_deactivation WHERE user_id IN (:ids)")
                .param("ids", userIds)
                .query((rs, row) -> Map.entry(
                        rs.getString("user_id"),
                        new Deactivation(
                                rs.getString("deactivated_by"),
                                rs.getTimestamp("deactivated_at").toInstant(),
                                rs.getString("reason"))))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void deactivated(String userId, String by, String reason) {
        jdbc.sql("INSERT INTO wb_account_deactivation (user_id, deactivated_by, deactivated_at, reason)"
                        + " VALUES (:user, :by, :at, :reason)")
                .param("user", userId)
                .param("by", by)
                .param("at", Timestamp.from(Instant.now()))
                .param("reason", reason)
                .update();
    }

    /** Keeps the id of a deleted account, so that no new account gets it (V13_27). */
    void retired(String userId, String by) {
        if (isRetired(userId)) {
            return; // an id taken again through single sign-on (ADR 0019) and deleted again
        }
        jdbc.sql("INSERT INTO wb_retired_user_id (user_id, deleted_by, deleted_at) VALUES (:user, :by, :at)")
                .param("user", userId)
                .param("by", by)
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }

    /** Whether the id belonged to an account that was deleted. */
    boolean isRetired(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_retired_user_id WHERE user_id = :user")
                        .param("user", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Ends a deactivation; true when there was one. */
    boolean reactivated(String userId) {
        return jdbc.sql("DELETE FROM wb_account_deactivation WHERE user_id = :user")
                        .param("user", userId)
                        .update()
                > 0;
    }
}
