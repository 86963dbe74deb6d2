package nl.waarborg.workflow;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.waarborg.engine.EngineTables;
import nl.waarborg.engine.UserTaskObserver;
import nl.waarborg.shared.ConflictException;
import nl.waarborg.system.TeamTasks;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A task of a group (the gates, the privacy officer's reviews, the manager's incident steps) stays with the group its
 * model names: after every change of its people (the engine's {@code update} event, on every API) its candidate groups
 * are exactly the model's, and its assignee, owner and candidate users are members of one of them. Otherwise a privacy
 * officer could hand an advice to a project lead of another team (who then reads that team's content) or take it away
 * from the group, so that no colleague and no administrator could give it to anyone any more. Content tasks follow the
 * same rule for the system's team ({@link TeamTasks}).
 */
@Component
class GroupTasks implements UserTaskObserver {

    private final JdbcClient jdbc;

    GroupTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> events() {
        return List.of(EVENTNAME_UPDATE);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TeamTasks.isContentTask(task)
                || !(task instanceof TaskEntity entity)
                || entity.getTaskDefinition() == null) {
            return;
        }
        Set<String> modelGroups = new TreeSet<>();
        entity.getTaskDefinition().getCandidateGroupIdExpressions().stream()
                .map(Expression::getExpressionText)
                .forEach(modelGroups::add);
        if (modelGroups.isEmpty()) {
            return;
        }
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        Set<String> people = TeamTasks.holders(task);
        String group = String.join(" or ", modelGroups);
        if (groups.isEmpty() && !EngineTables.taskExists(jdbc, task.getProcessEngine(), task.getId())) {
            // The task was completed (and its people removed) while this change waited: done, not an intrusion.
            throw new ConflictException("Task " + task.getId() + " was completed at the same moment; nothing of this"
                    + " change was saved.");
        }
        if (!groups.equals(modelGroups)) {
            throw new AuthorizationException("Task " + task.getId() + " is the work of group " + group
                    + ": that stays its candidate group, and no other group is added.");
        }
        String prefix = EngineTables.prefix(task.getProcessEngine());
        people.removeIf(user -> modelGroups.stream().anyMatch(g -> isMember(prefix, user, g)));
        if (!people.isEmpty()) {
            throw new AuthorizationException("Task " + task.getId() + " is the work of group " + group + "; "
                    + String.join(", ", people) + " is not a member of it, so cannot be given this task.");
        }
    }

    /**
     * Membership as the identity store holds it, whoever asks (a privacy officer may not read other users), read under
     * a lock of the membership row: an administrator who takes the user out of the group (or deactivates or deletes
     * them) at the same moment deletes that row and then gives back the user's tasks, so either this change waits and
     * sees the user gone, or the removal waits and gives back the task this change gave them (probe 66).
     */
    private boolean isMember(String prefix, String user, String group) {
        return !jdbc.sql("SELECT USER_ID_ FROM " + prefix
                        + "ACT_ID_MEMBERSHIP WHERE USER_ID_ = :user AND GROUP_ID_ = :group" + " FOR UPDATE")
                .param("user", user)
                .param("group", group)
                .query(String.class)
                .list()
                .isEmpty();
    }
}
