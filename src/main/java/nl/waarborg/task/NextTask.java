package nl.waarborg.task;

import java.util.List;
import java.util.Optional;
import nl.waarborg.engine.MyTaskList;
import nl.waarborg.security.CurrentUser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The step that follows for the same user and system after a completion ("Afronden" opens it directly instead of going
 * back to the list): the first task of "Mijn taken" (earliest due first, then the oldest) that belongs to that system,
 * i.e. assigned to the user or open to them by name or group and not claimed by someone else. {@link MyTaskList} picks
 * it with the engine's authorization rule for the user, narrowed to the system, so it costs what the user's own tasks
 * cost, not the portfolio (ADR 0038, 0045); where that class cannot answer (revokes in use), the engine's own query.
 */
@Service
public class NextTask {

    private final ProcessEngine engine;
    private final MyTaskList myTaskList;

    public NextTask(ProcessEngine engine, MyTaskList myTaskList) {
        this.engine = engine;
        this.myTaskList = myTaskList;
    }

    public Optional<String> of(String systemId) {
        if (systemId == null) {
            return Optional.empty();
        }
        List<String> groups = CurrentUser.groups();
        Optional<MyTaskList.Page> page = myTaskList.page(CurrentUser.id(), groups, systemId, 1, 0);
        if (page.isPresent()) {
            return page.get().taskIds().stream().findFirst();
        }
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .or()
                .taskAssignee(CurrentUser.id())
                .taskCandidateUser(CurrentUser.id())
                .taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
                .endOr()
                .orderByDueDate()
                .asc()
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
