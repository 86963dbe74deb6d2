package nl.waarborg.task;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.MyTaskList;
import nl.waarborg.engine.OpenTaskFacts;
import nl.waarborg.engine.OpenTaskFacts.Facts;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.forms.FormCatalog;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.ConflictException;
import nl.waarborg.shared.NotFoundException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work on tasks for Waarborg's API and UI: my tasks, claim, and complete with the form's values. Runs as the
 * logged-in user, so the engine's authorizations and the bridge's rules (required gate fields, segregation of
 * duties) apply exactly as in Tasklist or /engine-rest.
 */
@Service
public class TaskWork {

    private final ProcessEngine engine;
    private final FormCatalog forms;
    private final OpenTaskFacts facts;
    private final MyTaskList myTaskList;

    private final TransactionTemplate transactions;

    public TaskWork(
            ProcessEngine engine,
            FormCatalog forms,
            OpenTaskFacts facts,
            MyTaskList myTaskList,
            TransactionTemplate transactions) {
        this.engine = engine;
        this.transactions = transactions;
        this.forms = forms;
        this.facts = facts;
        this.myTaskList = myTaskList;
    }

    public record TaskView(
            String id,
            String name,
            String activityId,
            String formId,
            String candidateGroup,
            String assignee,
            String systemId,
            String processInstanceId,
            Instant created,
            Instant due,
            boolean overdue,
            Map<String, Object> values) {}

    /** One page of my tasks, and how many there are in all. */
    public record TaskPage(List<TaskView> tasks, long total) {}

    /**
     * Tasks assigned to me, open to me by name (the content tasks of the systems whose team I am in) or open to one of my
     * groups, earliest due first, at most {@code limit} from {@code offset}: a group of a large shared service can have
     * thousands of open tasks. The engine's authorizations filter the rows: a project lead sees only the content tasks
     * of their own teams, though the tasks name group project-lead. {@link MyTaskList} picks the page's ids and the
     * total in one statement that grows with my tasks, not with the portfolio, applying the engine's authorization
     * rule; the engine then reads those tasks, and the page's groups and systems come in one more query. A task completed meanwhile is left
     * out, never looked up again.
     */
    public TaskPage myTasks(int limit, int offset) {
        List<String> groups = CurrentUser.groups();
        Optional<MyTaskList.Page> page = myTaskList.page(CurrentUser.id(), groups, limit, offset);
        if (page.isEmpty()) {
            return myTasksByEngineQuery(groups, limit, offset);
        }
        List<String> ids = page.get().taskIds();
        Map<String, Task> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            // MyTaskList applied the user's authorizations (as the engine's query would); checking again here would
            // cost the engine's slow authorization join once more.
            EngineAccess.withoutAuthorization(
                            engine,
                            () -> engine.getTaskService()
                                    .createTaskQuery()
                                    .taskIdIn(ids.toArray(String[]::new))
                                    .initializeFormKeys()
                                    .list())
                    .forEach(task -> byId.put(task.getId(), task));
        }
        List<Task> tasks = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return page(tasks, page.get().total());
    }

    /** The engine's own query, for when {@link MyTaskList} cannot answer as the engine would (revokes in use). */
    private TaskPage myTasksByEngineQuery(List<String> groups, int limit, int offset) {
        TaskQuery query = engine.getTaskService()
                .createTaskQuery()
                .or()
                .taskAssignee(CurrentUser.id())
                .taskCandidateUser(CurrentUser.id())
                .taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
                .endOr();
        long total = query.count();
        List<Task> tasks = query.initializeFormKeys()
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc() // a total order, so that pages neither repeat nor skip a task
                .listPage(offset, limit);
        return page(tasks, total);
    }

    private TaskPage page(List<Task> tasks, long total) {
        Map<String, Facts> known = facts.of(tasks.stream().map(Task::getId).toList());
        return new TaskPage(
                tasks.stream()
                        .filter(t -> known.containsKey(t.getId()))
                        .map(t -> view(t, known.get(t.getId()), false))
                        .toList(),
                total);
    }

    public TaskView task(String id) {
        return view(readable(id), true);
    }

    public TaskView claim(String id) {
        Task task = readable(id);
        if (task.getAssignee() != null && !task.getAssignee().equals(CurrentUser.id())) {
            throw new ConflictException("Task " + id + " is already claimed by " + task.getAssignee() + ".");
        }
        try {
            engine.getTaskService().claim(id, CurrentUser.id());
        } catch (org.camunda.bpm.engine.AuthorizationException | ConflictException e) {
            // Completed while this claim waited: its grants and people went with it. Done, not an intrusion.
            if (completedMeanwhile(id)) {
                throw new TaskCompletedException(
                        "Task " + id + " was completed at the same moment; it was not claimed.");
            }
            throw e;
        }
        return view(readable(id), false);
    }

    /**
     * Completes the task with the form's values. A task nobody has claimed is claimed for the user first, in the same
     * transaction: no separate "Oppakken" for one's own steps, and a refused completion leaves no claim behind. The
     * claim is the engine's own, as the user, so only someone who may work the task gets this far; segregation of
     * duties is checked at completion as before. Answers the system the task was for.
     */
    public String complete(String id, Map<String, Object> values) {
        Task task = readable(id);
        if (task.getDelegationState() == DelegationState.PENDING
                && CurrentUser.id() != null
                && CurrentUser.id().equals(task.getOwner())
                && !CurrentUser.id().equals(task.getAssignee())) {
            throw new TaskDelegatedException(id, task.getAssignee(), CurrentUser.id());
        }
        Facts found = facts.of(List.of(id)).get(id);
        VariableMap variables = Variables.createVariables();
        if (values != null) {
            values.forEach((key, value) -> variables.put(key, VariableValues.toVariable(value)));
        }
        try {
            transactions.executeWithoutResult(status -> {
                if (task.getAssignee() == null) {
                    engine.getTaskService().claim(id, CurrentUser.id());
                }
                engine.getFormService().submitTaskForm(id, variables);
            });
        } catch (RuntimeException e) {
            // Someone completed the task while this request waited for the version lock: a conflict, not an error.
            // (How the engine notices depends on the database: an exception of its own, a constraint, even an NPE.)
            if (completedMeanwhile(id)) {
                throw new TaskCompletedException("Task " + id + " was completed by someone else at the same moment;"
                        + " your input was not saved.");
            }
            throw e;
        }
        return found == null ? null : found.businessKey();
    }

    private boolean completedMeanwhile(String id) {
        return ended(id) != null;
    }

    /** The task as the history keeps it once it ended (completed or deleted), or null while it is open or unknown. */
    private HistoricTaskInstance ended(String id) {
        HistoricTaskInstance done = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .taskId(id)
                        .singleResult());
        return done != null && done.getEndTime() != null ? done : null;
    }

    /** The task, if it exists and the user may see it; a task completed meanwhile is a conflict, not a 404. */
    Task readable(String id) {
        Task task = engine.getTaskService()
                .createTaskQuery()
                .taskId(id)
                .initializeFormKeys()
                .singleResult();
        if (task != null) {
            return task;
        }
        throw gone(id);
    }

    /**
     * Why a task is not there: completed (409) for someone who could have worked it, or else never there for this user
     * (404, the same answer as for an id that never existed: an outsider learns neither the task nor who completed it).
     */
    private RuntimeException gone(String id) {
        HistoricTaskInstance done = ended(id);
        if (done != null && couldHaveWorked(done)) {
            return new TaskCompletedException("Task " + id + " was already completed by "
                    + (done.getAssignee() == null ? "someone else" : done.getAssignee()) + ".");
        }
        return new NotFoundException("No task " + id + " that you can see.");
    }

    /**
     * Whether the user could have worked the completed task, from its people in the history: its assignee or owner, one
     * of its candidate users (a content task's team) or a member of its candidate group (project-lead excepted: a
     * content task is its team's, {@link CurrentUser#taskGroups}), as the task had them when it was completed: a
     * co-author removed from the team before then is an outsider to it.
     */
    private boolean couldHaveWorked(HistoricTaskInstance done) {
        String user = CurrentUser.id();
        if (user == null) {
            return false;
        }
        if (user.equals(done.getAssignee()) || user.equals(done.getOwner())) {
            return true;
        }
        List<String> groups = CurrentUser.taskGroups();
        Map<String, Boolean> linked = new HashMap<>();
        EngineAccess.withoutAuthorization(
                        engine,
                        () -> engine.getHistoryService()
                                .createHistoricIdentityLinkLogQuery()
                                .taskId(done.getId())
                                .orderByTime()
                                .asc()
                                .list())
                .stream()
                .filter(link -> user.equals(link.getUserId())
                        || (link.getGroupId() != null && groups.contains(link.getGroupId())))
                .forEach(link -> linked.put(
                        link.getType() + ":" + link.getUserId() + ":" + link.getGroupId(),
                        !"delete".equals(link.getOperationType())));
        return linked.containsValue(true);
    }

    /** One task with its facts; completed since it was read: the same answer as when it had been gone already. */
    private TaskView view(Task task, boolean withValues) {
        Facts found = facts.of(List.of(task.getId())).get(task.getId());
        if (found == null) {
            throw gone(task.getId());
        }
        return view(task, found, withValues);
    }

    private TaskView view(Task task, Facts found, boolean withValues) {
        String formId = formIdOf(task);
        Map<String, Object> values = new LinkedHashMap<>();
        if (withValues && formId != null) {
            forms.form(formId).ifPresent(form -> {
                Map<String, Object> all = variablesOf(task.getId());
                // The fields to prefill, and what the form's texts show (e.g. the action point's what and owner).
                Stream.concat(form.fields().keySet().stream(), form.shownVariables().stream())
                        .forEach(key -> {
                            if (all.containsKey(key)) {
                                values.put(key, VariableValues.toPlain(all.get(key)));
                            }
                        });
            });
        }
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new TaskView(
                task.getId(),
                task.getName(),
                task.getTaskDefinitionKey(),
                formId,
                found.candidateGroup(),
                task.getAssignee(),
                found.businessKey(),
                task.getProcessInstanceId(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                due,
                due != null && due.isBefore(Instant.now()),
                values);
    }

    /** The task's variables; a task completed a moment ago answers as {@link #gone}, not as an engine error. */
    private Map<String, Object> variablesOf(String taskId) {
        try {
            return engine.getTaskService().getVariables(taskId);
        } catch (ProcessEngineException e) {
            if (facts.of(List.of(taskId)).isEmpty()) {
                throw gone(taskId);
            }
            throw e;
        }
    }

    static String formIdOf(Task task) {
        CamundaFormRef ref = task.getCamundaFormRef();
        return ref == null ? null : ref.getKey();
    }
}
