package nl.waarborg.system;

import org.springframework.stereotype.Component;

/**
 * The read rule of {@link SystemAccess} for everything that hangs off a system (ADR 0048): its assessments and their
 * versions, saves, diffs and exports, its register entry and EU-database registration as they are being prepared, its
 * team. The roles of {@link SystemAccess#READ_ALL} read all of them; a project lead only those of a system they own or
 * co-author; anyone else gets 403 (404 when there is no such system).
 */
@Component
public class SystemReads {

    private final SystemRegistry systems;
    private final TeamMembers members;

    SystemReads(SystemRegistry systems, TeamMembers members) {
        this.systems = systems;
        this.members = members;
    }

    /** The system, when the current user may read it; 404 when it does not exist, 403 when they may not. */
    public SystemRecord require(String systemId) {
        SystemRecord system = systems.get(systemId);
        if (!SystemAccess.mayReadAll()) {
            SystemAccess.requireRead(system, members.of(systemId));
        }
        return system;
    }
}
