package nl.waarborg.system;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import nl.waarborg.engine.UserTaskObserver;
import nl.waarborg.identity.Groups;
import nl.waarborg.identity.TeamTaskAuthorizations;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Content tasks belong to the system's team. A content task is a user task whose model names candidate group
 * project-lead (triage, IAMA parts, DPIA sections, action points, go-live checks, the DPA consultation steps);
 * the task's process business key is the system. Attached to every user task by the engine configuration:
 * <ul>
 * <li>create: the owner and the co-authors become the task's candidate users. The engine's default task
 * authorizations grant each of them READ and UPDATE on the task; group project-lead itself gets no grant on tasks
 * (identity.TeamTaskAuthorizations), so other project leads neither see nor work it, on any API.</li>
 * <li>update (a claim, a new assignee or owner, a delegation, new candidates): the task's assignee, owner and candidate
 * users must all be in the team, and no other candidate group may be added, so nobody hands a content task to an
 * outsider (Tasklist, /engine-rest).</li>
 * <li>complete: the completing user must be in the team; an administrator who is not cannot write content.</li>
 * </ul>
 * {@link TeamTaskSync} keeps the open tasks in step when the team changes.
 */
@Component
public class TeamTasks implements UserTaskObserver {

    /** Set while Waarborg itself removes a former co-author from open tasks: the check must not refuse that. */
    private static final ThreadLocal<Boolean> SYNCING = ThreadLocal.withInitial(() -> false);

    private final TeamMembers members;

    TeamTasks(TeamMembers members) {
        this.members = members;
    }

    @Override
    public List<String> events() {
        // Every change of a task's people (claim, assignee, owner, delegation, candidates) fires "update" after the
        // change.
        return List.of(EVENTNAME_CREATE, EVENTNAME_UPDATE, EVENTNAME_COMPLETE);
    }

    /** Whether the task's model gives it to candidate group project-lead: a content task of the system's team. */
    public static boolean isContentTask(DelegateTask task) {
        return task instanceof Task plain && TeamTaskAuthorizations.isContentTask(plain);
    }

    @Override
    public void notify(DelegateTask task) {
        if (!isContentTask(task) || task.getExecution() == null) {
            return;
        }
        String systemId = task.getExecution().getProcessBusinessKey();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> members.of(systemId).forEach(task::addCandidateUser);
            case EVENTNAME_UPDATE -> {
                if (!SYNCING.get()) {
                    requireOnlyTeam(task, systemId);
                }
            }
            case EVENTNAME_COMPLETE -> requireCompleterInTeam(task, systemId);
            default -> {}
        }
    }

    private void requireOnlyTeam(DelegateTask task, String systemId) {
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null && !Groups.PROJECT_LEAD.equals(link.getGroupId())) {
                throw new AuthorizationException("Task " + task.getId() + " belongs to the team of system " + systemId
                        + "; it cannot be given to group " + link.getGroupId() + ".");
            }
        }
        Set<String> people = holders(task);
        people.removeAll(members.lockedOf(systemId));
        if (!people.isEmpty()) {
            throw new AuthorizationException("Task " + task.getId() + " belongs to the team of system " + systemId
                    + " (its owner and co-authors); " + String.join(", ", people)
                    + " is not in it. The owner names co-authors on the"
                    + " system's page.");
        }
    }

    /** The people a task is given to: its assignee, its owner and its candidate users. */
    public static Set<String> holders(DelegateTask task) {
        Set<String> people = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            people.add(task.getAssignee());
        }
        if (task.getOwner() != null) {
            people.add(task.getOwner());
        }
        for (IdentityLink link : task.getCandidates()) {
            if (link.getUserId() != null) {
                people.add(link.getUserId());
            }
        }
        return people;
    }

    private void requireCompleterInTeam(DelegateTask task, String systemId) {
        Authentication authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication == null ? null : authentication.getUserId();
        // Without the system's row lock: at completion the content listener has locked the version and the audit head
        // already, and every other path takes the system's row first (a lock here could deadlock with them).
        if (user != null && !members.of(systemId).contains(user)) {
            throw new AuthorizationException("Only the team of system " + systemId
                    + " (its owner and co-authors) may work on its" + " content; " + user + " is not in it.");
        }
    }

    /** Runs Waarborg's own change of a task's people (removing a former co-author) without the team check. */
    static <T> T syncing(Supplier<T> change) {
        boolean before = SYNCING.get();
        SYNCING.set(true);
        try {
            return change.get();
        } finally {
            SYNCING.set(before);
        }
    }
}
