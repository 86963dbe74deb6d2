package nl.waarborg.task;

import java.util.List;
import java.util.Optional;
import nl.waarborg.security.CurrentUser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The step that follows for the same user and system after a completion ("Afronden" opens it directly instead of going
 * back to the list): the oldest open task of that system that is assigned to the user or open to them by name or
 * group, and not claimed by someone else. Asked as the user, so the engine's authorizations decide, as for "Mijn taken".
 */
@Service
public class NextTask {

    private final ProcessEngine engine;

    public NextTask(ProcessEngine engine) {
        this.engine = engine;
    }

    public Optional<String> of(String systemId) {
        if (systemId == null) {
            return Optional.empty();
        }
        List<String> groups = CurrentUser.groups();
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .or()
                .taskAssignee(CurrentUser.id())
                .taskCandidateUser(CurrentUser.id())
                .taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
                .endOr()
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc()
                .listPage(0, 20);
        // Not a step someone else has claimed, though the user could see it through their group.
        return tasks.stream()
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(CurrentUser.id()))
                .map(Task::getId)
                .findFirst();
    }
}
