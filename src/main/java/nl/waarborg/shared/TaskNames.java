package nl.waarborg.shared;

/**
 * A task of a system carries the system's name in the engine ("Advies functionaris gegevensbescherming (DPIA) -
 * Fraudesignalering"), so that every list outside Waarborg (Camunda Tasklist, /engine-rest) tells the rows apart.
 * Waarborg's own pages and mails name the system beside the task and show the name without it. The two functions
 * are each other's inverse whatever dashes the task or the system name themselves contain (ADR 0047).
 */
public final class TaskNames {

    /** Between the task's own name and the system's. */
    public static final String SEPARATOR = " - ";

    /** The engine's column for a task name (ACT_RU_TASK.NAME_, also in history) holds this many characters. */
    static final int MAX_LENGTH = 255;

    private static final String CUT = "…";

    private TaskNames() {}

    /** The name with the system appended; the system's part shortened with "…" where both would not fit. */
    public static String withSystem(String name, String system) {
        if (name == null || system == null || system.isBlank() || endsWithSystem(name, system)) {
            return name;
        }
        String full = name + SEPARATOR + system;
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        int room = MAX_LENGTH - name.length() - SEPARATOR.length() - CUT.length();
        return room < 1 ? name : name + SEPARATOR + system.substring(0, room) + CUT;
    }

    /** The task's own name: without the system's part that {@link #withSystem} appended, else unchanged. */
    public static String withoutSystem(String name, String system) {
        if (name == null || system == null || system.isBlank()) {
            return name;
        }
        if (name.endsWith(SEPARATOR + system)) {
            return name.substring(0, name.length() - SEPARATOR.length() - system.length());
        }
        // The shortened form: " - " and a beginning of the system's name, then "…", exactly at the length limit.
        if (name.length() == MAX_LENGTH && name.endsWith(CUT)) {
            for (int at = name.lastIndexOf(SEPARATOR); at >= 0; at = name.lastIndexOf(SEPARATOR, at - 1)) {
                String part = name.substring(at + SEPARATOR.length(), name.length() - CUT.length());
                if (!part.isEmpty() && system.startsWith(part)) {
                    return name.substring(0, at);
                }
            }
        }
        return name;
    }

    private static boolean endsWithSystem(String name, String system) {
        return !withoutSystem(name, system).equals(name);
    }
}
