package nl.waarborg.task;

import java.util.List;
import nl.waarborg.engine.EngineTables;
import nl.waarborg.engine.UserTaskObserver;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes every draft of a task when it is completed or deleted (a cancelled cycle, a retired system, a new round),
 * in the engine's transaction: a refused completion keeps the drafts, a done task leaves none (ADR 0045).
 */
@Component
class TaskDraftCleanup implements UserTaskObserver {

    private final JdbcClient jdbc;

    TaskDraftCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> events() {
        return List.of(EVENTNAME_COMPLETE, EVENTNAME_DELETE);
    }

    @Override
    public void notify(DelegateTask task) {
        // The task's row first, as a draft's save takes it (TaskDrafts): no draft is written beside this removal.
        EngineTables.lockTask(jdbc, task.getProcessEngine(), task.getId());
        jdbc.sql("DELETE FROM wb_task_draft WHERE task_id = ?")
                .params(task.getId())
                .update();
    }
}
