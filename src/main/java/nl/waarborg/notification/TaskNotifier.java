package nl.waarborg.notification;

import java.util.List;
import nl.waarborg.engine.UserTaskObserver;
import nl.waarborg.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hears every user task's creation and assignment, in the engine's transaction, and hands them to
 * {@link Notifications}. The use cases come through a provider: the engine's configuration needs this observer before
 * the engine exists, and the use cases read the identity store through the engine.
 */
@Component
class TaskNotifier implements UserTaskObserver {

    private final ObjectProvider<Notifications> notifications;

    TaskNotifier(ObjectProvider<Notifications> notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<String> events() {
        return List.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getExecution() == null) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            notifications.getObject().taskCreated(fact(task), actor(task));
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            notifications.getObject().taskAssigned(fact(task), actor(task));
        }
    }

    private static TaskFact fact(DelegateTask task) {
        return new TaskFact(
                task.getId(),
                task.getName(),
                task.getExecution().getProcessBusinessKey(),
                task.getCandidates().stream()
                        .map(IdentityLink::getGroupId)
                        .filter(g -> g != null)
                        .distinct()
                        .toList(),
                task.getAssignee(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }

    /** Who acts: the engine's user, else the request's (Waarborg's own calls, e.g. an administrator's, run as the system). */
    private static String actor(DelegateTask task) {
        Authentication current =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : CurrentUser.id();
    }
}
