package nl.waarborg.notification;

import nl.waarborg.workflow.IncidentDeadlineNear;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hears that an incident's notification nears its deadline, in the engine's transaction, and mails the managers. */
@Component
class IncidentEscalationNotifier {

    private final Notifications notifications;

    IncidentEscalationNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(IncidentDeadlineNear near) {
        notifications.incidentDeadlineNear(near);
    }
}
