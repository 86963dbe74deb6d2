package nl.waarborg.notification;

import java.time.Instant;
import java.util.List;
import nl.waarborg.identity.Groups;

/**
 * What a notification needs to know of a task: its id and name (no answers), the system (the process's business key),
 * its candidate groups, its assignee and due date.
 */
record TaskFact(String taskId, String name, String systemId, List<String> groups, String assignee, Instant due) {

    /** A content task belongs to the system's team: its model gives it to group project-lead (ADR 0016, TeamTasks). */
    boolean contentTask() {
        return groups.contains(Groups.PROJECT_LEAD);
    }

    String path() {
        return "/taken/" + taskId;
    }

    String displayName() {
        return name == null || name.isBlank() ? taskId : name;
    }

    /** The name for a mail that names the system beside it: without the system's part of the engine's name (ADR 0047). */
    String displayName(String systemName) {
        return nl.waarborg.shared.TaskNames.withoutSystem(displayName(), systemName);
    }
}
