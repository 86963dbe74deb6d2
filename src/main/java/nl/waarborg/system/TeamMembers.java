package nl.waarborg.system;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is in a system's team: its owner and its co-authors. One short read by primary key and index, made for each
 * content task's creation and completion, and for each gate decision (whoever is in the team may not sign, ADR 0014); it
 * depends on the database only (and the system's row lock), so the engine's task observers can use it.
 */
@Component
public class TeamMembers {

    private final JdbcClient jdbc;
    private final SystemRegistry systems;

    TeamMembers(JdbcClient jdbc, SystemRegistry systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /**
     * The team, read under the system's row lock, which a team change takes too ({@link SystemTeam}): a task's change of
     * people (a claim) and a co-author's removal follow each other, so a removed co-author never keeps a claim that
     * raced with the removal (probe 62).
     */
    List<String> lockedOf(String systemId) {
        if (systemId == null) {
            return List.of();
        }
        systems.lock(systemId);
        return of(systemId);
    }

    /** The owner and the co-authors; empty when no system has this id. */
    public List<String> of(String systemId) {
        if (systemId == null) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT owner FROM wb_system WHERE id = :id UNION ALL SELECT user_id FROM wb_system_co_author WHERE system_id = :id")
                .param("id", systemId)
                .query(String.class)
                .list();
    }
}
