package nl.waarborg.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.WaarborgException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A system's team: its owner and the co-authors the owner names. The team, and only the team, sees and works the
 * system's content tasks (every task for candidate group project-lead; see {@link TeamTasks}). Only the owner or an
 * administrator changes the team; a co-author is an existing user in group project-lead; each change is audited and
 * the system's open content tasks follow it in the same transaction.
 */
@Service
public class SystemTeam {

    private final JdbcClient jdbc;
    private final SystemRegistry systems;
    private final AuditTrail audit;
    private final ProcessEngine engine;
    private final ApplicationEventPublisher events;
    private final TeamMembers members;

    public SystemTeam(
            JdbcClient jdbc,
            SystemRegistry systems,
            AuditTrail audit,
            ProcessEngine engine,
            ApplicationEventPublisher events,
            TeamMembers members) {
        this.jdbc = jdbc;
        this.members = members;
        this.systems = systems;
        this.audit = audit;
        this.engine = engine;
        this.events = events;
    }

    public record CoAuthor(String userId, String addedBy, Instant addedAt) {}

    public record Team(String systemId, String owner, List<CoAuthor> coAuthors) {}

    /** A co-author was added to ({@code added}) or removed from a system's team; published inside the change's transaction. */
    public record Changed(String systemId, String userId, boolean added) {}

    /** Why a team change was refused; the pages name it in Dutch (messages "team.error.{reason}"). */
    public enum Reason {
        NO_USER,
        UNKNOWN_USER,
        NOT_A_PROJECT_LEAD,
        OWNER,
        NOT_A_CO_AUTHOR
    }

    /** A team change refused for the person named: 400 or 404, with field userId. */
    public static class RefusedException extends WaarborgException {
        private final Reason reason;

        RefusedException(Reason reason, HttpStatus status, String message) {
            super(status, message, "userId", null);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    public Team team(String systemId) {
        SystemRecord system = systems.get(systemId);
        List<CoAuthor> coAuthors = jdbc.sql(
                        "SELECT user_id, added_by, added_at FROM wb_system_co_author WHERE system_id = :id ORDER BY user_id")
                .param("id", systemId)
                .query((rs, row) -> new CoAuthor(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        return new Team(systemId, system.owner(), coAuthors);
    }

    /** The owner and the co-authors; empty when no system has this id. */
    public List<String> members(String systemId) {
        return members.of(systemId);
    }

    /** The ids of the systems this user co-authors (for "Mijn systemen"). */
    public List<String> coAuthoredBy(String userId) {
        return jdbc.sql("SELECT system_id FROM wb_system_co_author WHERE user_id = :user")
                .param("user", userId)
                .query(String.class)
                .list();
    }

    /** The project leads the owner may still name: not the owner, not already a co-author. */
    public List<String> candidates(String systemId) {
        List<String> team = members(systemId);
        return EngineAccess.withoutAuthorization(
                        engine,
                        () -> engine.getIdentityService()
                                .createUserQuery()
                                .memberOfGroup(Groups.PROJECT_LEAD)
                                .orderByUserId()
                                .asc()
                                .list())
                .stream()
                .map(User::getId)
                .filter(id -> !team.contains(id))
                .toList();
    }

    /** Names a co-author; naming one who already is changes nothing (false). */
    @Transactional
    public boolean addCoAuthor(String systemId, String userId) {
        systems.lock(systemId); // a team change and a task's change of people follow each other (TeamMembers.lockedOf)
        SystemRecord system = systems.get(systemId);
        SystemAccess.requireChange(system);
        requireProjectLead(userId);
        if (system.owner().equals(userId)) {
            throw new RefusedException(
                    Reason.OWNER,
                    HttpStatus.BAD_REQUEST,
                    userId + " owns system " + systemId + " and is in its team already.");
        }
        if (members(systemId).contains(userId)) {
            return false;
        }
        jdbc.sql(
                        "INSERT INTO wb_system_co_author (system_id, user_id, added_by, added_at) VALUES (:system, :user, :by, :at)")
                .param("system", systemId)
                .param("user", userId)
                .param("by", CurrentUser.id())
                .param("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
        audit.record(AuditAction.SYSTEM_CO_AUTHOR_ADDED, CurrentUser.id(), systemId, Map.of("coAuthor", userId));
        events.publishEvent(new Changed(systemId, userId, true));
        return true;
    }

    /** Removes a co-author: they lose the system's open content tasks at once (claimed ones are released). */
    @Transactional
    public void removeCoAuthor(String systemId, String userId) {
        systems.lock(systemId); // a team change and a task's change of people follow each other (TeamMembers.lockedOf)
        SystemRecord system = systems.get(systemId);
        SystemAccess.requireChange(system);
        int removed = jdbc.sql("DELETE FROM wb_system_co_author WHERE system_id = :system AND user_id = :user")
                .param("system", systemId)
                .param("user", userId)
                .update();
        if (removed == 0) {
            throw new RefusedException(
                    Reason.NOT_A_CO_AUTHOR,
                    HttpStatus.NOT_FOUND,
                    userId + " is not a co-author of system " + systemId + ".");
        }
        audit.record(AuditAction.SYSTEM_CO_AUTHOR_REMOVED, CurrentUser.id(), systemId, Map.of("coAuthor", userId));
        events.publishEvent(new Changed(systemId, userId, false));
    }

    private void requireProjectLead(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new RefusedException(Reason.NO_USER, HttpStatus.BAD_REQUEST, "Name the user to add as co-author.");
        }
        boolean exists = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getIdentityService()
                                .createUserQuery()
                                .userId(userId)
                                .count()
                        > 0);
        if (!exists) {
            throw new RefusedException(Reason.UNKNOWN_USER, HttpStatus.NOT_FOUND, "No user '" + userId + "'.");
        }
        boolean lead = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getIdentityService()
                                .createUserQuery()
                                .userId(userId)
                                .memberOfGroup(Groups.PROJECT_LEAD)
                                .count()
                        > 0);
        if (!lead) {
            throw new RefusedException(
                    Reason.NOT_A_PROJECT_LEAD,
                    HttpStatus.BAD_REQUEST,
                    userId + " is not in group " + Groups.PROJECT_LEAD + "; only project leads can be co-authors.");
        }
    }
}
