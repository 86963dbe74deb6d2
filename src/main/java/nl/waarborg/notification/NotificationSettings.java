package nl.waarborg.notification;

import java.util.List;
import nl.waarborg.shared.InvalidInputException;

/**
 * One user's choices: the language of their mails ({@code nl} or {@code en}), each kind of mail on or off, and whether
 * new tasks of their groups come bundled in a digest (on) or one mail per task (off). Everything is on by default.
 */
public record NotificationSettings(
        String language,
        Boolean newGroupTask,
        Boolean digest,
        Boolean taskAssigned,
        Boolean deadlineApproaching,
        Boolean deadlinePassed,
        Boolean decision,
        Boolean sendBack) {

    public static final List<String> LANGUAGES = List.of("nl", "en");

    public static final NotificationSettings DEFAULTS =
            new NotificationSettings("nl", true, true, true, true, true, true, true);

    /** Whether the user wants this kind of mail; a digest is what new group tasks become with the digest on. */
    public boolean wants(MailKind kind) {
        return switch (kind) {
            case NEW_GROUP_TASK, DIGEST -> newGroupTask;
            case TASK_ASSIGNED -> taskAssigned;
            case DEADLINE_APPROACHING, INCIDENT_DEADLINE_NEAR -> deadlineApproaching;
            case DEADLINE_PASSED -> deadlinePassed;
            case DECISION -> decision;
            case SEND_BACK -> sendBack;
        };
    }

    /** Refuses (400, naming the field) a missing choice or an unknown language. */
    public NotificationSettings validated() {
        if (language == null || !LANGUAGES.contains(language.trim())) {
            throw new InvalidInputException("language", "Field 'language' must be one of " + LANGUAGES + ".");
        }
        require("newGroupTask", newGroupTask);
        require("digest", digest);
        require("taskAssigned", taskAssigned);
        require("deadlineApproaching", deadlineApproaching);
        require("deadlinePassed", deadlinePassed);
        require("decision", decision);
        require("sendBack", sendBack);
        return new NotificationSettings(
                language.trim(),
                newGroupTask,
                digest,
                taskAssigned,
                deadlineApproaching,
                deadlinePassed,
                decision,
                sendBack);
    }

    private static void require(String field, Boolean value) {
        if (value == null) {
            throw new InvalidInputException(field, "Field '" + field + "' is required (true or false).");
        }
    }
}
