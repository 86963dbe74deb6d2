package nl.waarborg.notification;

import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The mail a group gets about a new task of a system, rendered as the outbox would store it (subject and body in one
 * text), for tests outside this package that check what a system's name does to it.
 */
public final class NewGroupTaskMail {

    private NewGroupTaskMail() {}

    /** The Dutch mail about task {@code task} of system {@code system} for Fleur, linking to {@code link}. */
    public static String rendered(ApplicationContext context, String task, String system, String link) {
        return context.getBean(MailTemplates.class)
                .render(
                        MailKind.NEW_GROUP_TASK,
                        "nl",
                        Map.of("task", task, "system", system, "name", "Fleur", "link", link))
                .toString();
    }

    /** Waarborg's own link to {@code path}, as the mails carry it. */
    public static String link(ApplicationContext context, String path) {
        return context.getBean(MailSettings.class).link(path);
    }
}
