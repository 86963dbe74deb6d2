package nl.waarborg.notification;

import nl.waarborg.assessment.GateDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hears gate decisions in their own transaction (a synchronous listener) and hands them to {@link Notifications}. */
@Component
class DecisionNotifier {

    private final Notifications notifications;

    DecisionNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(GateDecided decided) {
        notifications.gateDecided(decided);
    }
}
