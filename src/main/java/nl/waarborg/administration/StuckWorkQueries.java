package nl.waarborg.administration;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What the administrator looks at for stuck work, a page at a time (limit/offset, with the full count): open tasks
 * waiting longest first, running cycles oldest first, and failed jobs (with and without an incident). Read as Waarborg,
 * so the lists are complete whatever engine rights the administrator holds; only group admin may read them.
 */
@Service
public class StuckWorkQueries {

    private final ProcessEngine engine;
    private final SystemRegistry systems;

    public StuckWorkQueries(ProcessEngine engine, SystemRegistry systems) {
        this.engine = engine;
        this.systems = systems;
    }

    /** One page of a list and the count of the whole list. */
    public record Page<T>(long total, List<T> items) {}

    public record OpenTask(
            String taskId,
            String name,
            String activityId,
            String systemId,
            String systemName,
            String assignee,
            Instant since,
            Instant dueAt,
            boolean overdue) {}

    public record RunningCycle(
            String processInstanceId,
            String systemId,
            String systemName,
            String phase,
            String startedBy,
            Instant startedAt) {}

    public record FailedJob(
            String jobId,
            String processInstanceId,
            String systemId,
            String systemName,
            String activityId,
            int retries,
            boolean incident,
            String exceptionMessage,
            Instant dueAt) {}

    public Page<OpenTask> openTasks(int limit, int offset) {
        StuckWorkService.requireAdmin();
        return EngineAccess.withoutAuthorization(engine, () -> {
            long total = engine.getTaskService().createTaskQuery().count();
            List<Task> tasks = engine.getTaskService()
                    .createTaskQuery()
                    .orderByTaskCreateTime()
                    .asc()
                    .orderByTaskId()
                    .asc()
                    .listPage(offset, limit);
            Map<String, SystemRecord> bySystem =
                    systemsOf(tasks.stream().map(Task::getProcessInstanceId).toList());
            Instant now = Instant.now();
            return new Page<>(
                    total,
                    tasks.stream()
                            .map(t -> {
                                SystemRecord system = bySystem.get(t.getProcessInstanceId());
                                return new OpenTask(
                                        t.getId(),
                                        t.getName(),
                                        t.getTaskDefinitionKey(),
                                        system == null ? null : system.id(),
                                        system == null ? null : system.name(),
                                        t.getAssignee(),
                                        instant(t.getCreateTime()),
                                        instant(t.getDueDate()),
                                        t.getDueDate() != null
                                                && t.getDueDate().toInstant().isBefore(now));
                            })
                            .toList());
        });
    }

    public Page<RunningCycle> runningCycles(int limit, int offset) {
        StuckWorkService.requireAdmin();
        return EngineAccess.withoutAuthorization(engine, () -> {
            var query = engine.getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(CycleService.CYCLE_KEY)
                    .unfinished();
            long total = query.count();
            List<HistoricProcessInstance> cycles = query.orderByProcessInstanceStartTime()
                    .asc()
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(offset, limit);
            Map<String, SystemRecord> byKey = byId(
                    cycles.stream().map(HistoricProcessInstance::getBusinessKey).toList());
            return new Page<>(
                    total,
                    cycles.stream()
                            .map(c -> {
                                SystemRecord system = byKey.get(c.getBusinessKey());
                                return new RunningCycle(
                                        c.getId(),
                                        c.getBusinessKey(),
                                        system == null ? null : system.name(),
                                        system == null ? null : system.phase().name(),
                                        c.getStartUserId(),
                                        instant(c.getStartTime()));
                            })
                            .toList());
        });
    }

    /** Jobs that failed, those without retries left (an incident) first, then by due date. */
    public Page<FailedJob> failedJobs(int limit, int offset) {
        StuckWorkService.requireAdmin();
        return EngineAccess.withoutAuthorization(engine, () -> {
            long total = engine.getManagementService()
                    .createJobQuery()
                    .withException()
                    .count();
            List<Job> jobs = engine.getManagementService()
                    .createJobQuery()
                    .withException()
                    .orderByJobRetries()
                    .asc()
                    .orderByJobDuedate()
                    .asc()
                    .orderByJobId()
                    .asc()
                    .listPage(offset, limit);
            Map<String, SystemRecord> bySystem =
                    systemsOf(jobs.stream().map(Job::getProcessInstanceId).toList());
            return new Page<>(
                    total,
                    jobs.stream()
                            .map(j -> {
                                SystemRecord system = bySystem.get(j.getProcessInstanceId());
                                return new FailedJob(
                                        j.getId(),
                                        j.getProcessInstanceId(),
                                        system == null ? null : system.id(),
                                        system == null ? null : system.name(),
                                        j.getFailedActivityId(),
                                        j.getRetries(),
                                        j.getRetries() == 0,
                                        j.getExceptionMessage(),
                                        instant(j.getDuedate()));
                            })
                            .toList());
        });
    }

    /** The system of each process instance (by its business key), for instances that belong to one. */
    private Map<String, SystemRecord> systemsOf(Collection<String> processInstanceIds) {
        Set<String> ids = new HashSet<>(processInstanceIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ProcessInstance> instances = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceIds(ids)
                .list();
        Map<String, SystemRecord> byKey =
                byId(instances.stream().map(ProcessInstance::getBusinessKey).toList());
        Map<String, SystemRecord> result = new HashMap<>();
        for (ProcessInstance instance : instances) {
            SystemRecord system = byKey.get(instance.getBusinessKey());
            if (system != null) {
                result.put(instance.getId(), system);
            }
        }
        return result;
    }

    private Map<String, SystemRecord> byId(Collection<String> systemIds) {
        return systems.findAll(systemIds); // one query for the page, not one per system
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
