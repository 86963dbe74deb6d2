package nl.waarborg.administration;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.administration.AdministrationRefusal.Code;
import nl.waarborg.assessment.Gate;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.EngineTables;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleCancellation;
import nl.waarborg.workflow.CycleService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The functional administrator's actions on stuck work, for /api/admin/work and the page /beheer/werk: reassign a task,
 * correct its due date, cancel a cycle, retire a system, retry a failed job. Only group admin; each action needs a
 * reason and writes one audit event with who, what, on what and why, in the transaction of the action itself. The
 * engine calls run as Waarborg (no user): the engine's command guard refuses the same operations to every user on
 * /engine-rest, and the administrator holds no engine rights for them; the rules are checked here instead.
 */
@Service
public class StuckWorkService {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final ProcessEngine engine;
    private final AssigneeEligibility eligibility;
    private final SystemRegistry systems;
    private final CycleService cycles;
    private final CycleCancellation cancellation;
    private final AuditTrail audit;

    private final JdbcClient jdbc;

    public StuckWorkService(
            ProcessEngine engine,
            AssigneeEligibility eligibility,
            SystemRegistry systems,
            CycleService cycles,
            CycleCancellation cancellation,
            AuditTrail audit,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.eligibility = eligibility;
        this.systems = systems;
        this.cycles = cycles;
        this.cancellation = cancellation;
        this.audit = audit;
    }

    /** Refuses (403) unless the current user is a functional administrator. */
    public static void requireAdmin() {
        CurrentUser.requireAnyOf(Groups.ADMIN);
    }

    /** Gives an open task to a user of its candidate group (null or blank: back to the group). */
    @Transactional
    public void reassign(String taskId, String assignee, String reasonText) {
        requireAdmin();
        String reason = Reasons.required(reasonText);
        Task task = openTask(taskId);
        String target = assignee == null || assignee.isBlank() ? null : assignee.trim();
        if (target != null) {
            eligibility.require(task, target);
        }
        String before = task.getAssignee();
        run(() -> engine.getTaskService().setAssignee(taskId, target));
        Map<String, Object> details = details(task);
        details.put("previousAssignee", before == null ? "" : before);
        details.put("assignee", target == null ? "" : target);
        details.put("reason", reason);
        audit.record(AuditAction.TASK_REASSIGNED, CurrentUser.id(), systemOf(task.getProcessInstanceId()), details);
    }

    /** Sets a new due date (today or later); a gate's service-level timer moves with it. */
    @Transactional
    public void correctDueDate(String taskId, java.time.LocalDate dueDate, String reasonText) {
        requireAdmin();
        String reason = Reasons.required(reasonText);
        Date due = Date.from(StuckWorkRules.dueAt(dueDate, ZonedDateTime.now(ZONE)));
        Task task = openTask(taskId);
        Date before = task.getDueDate();
        int timers = asWaarborg(() -> {
            task.setDueDate(due);
            engine.getTaskService().saveTask(task);
            return Gate.ofTask(task.getTaskDefinitionKey()).isPresent() ? moveServiceLevelTimers(task, due) : 0;
        });
        Map<String, Object> details = details(task);
        details.put("previousDueDate", before == null ? "" : before.toInstant().toString());
        details.put("dueDate", due.toInstant().toString());
        details.put("timersMoved", timers);
        details.put("reason", reason);
        audit.record(
                AuditAction.TASK_DUE_DATE_CORRECTED, CurrentUser.id(), systemOf(task.getProcessInstanceId()), details);
    }

    /** Cancels the system's running cycle (see {@link CycleCancellation}). */
    @Transactional
    public CycleCancellation.Cancelled cancelCycle(String systemId, String reasonText) {
        requireAdmin();
        String reason = Reasons.required(reasonText);
        requireSystem(systemId);
        return cancellation.cancel(systemId, reason, CurrentUser.id());
    }

    /** Retires the system through its cycle's own retirement (Evaluate phase only), with the reason. */
    @Transactional
    public void retire(String systemId, String reasonText) {
        requireAdmin();
        String reason = Reasons.required(reasonText);
        requireSystem(systemId);
        if (!cycles.retire(systemId, reason, CurrentUser.id())) {
            throw new AdministrationRefusal(
                    Code.NOT_IN_EVALUATE,
                    "System " + systemId + " is in phase "
                            + systems.get(systemId).phase()
                            + "; a system is retired only from the Evaluate phase. A running cycle that should not"
                            + " go on can be cancelled instead.");
        }
    }

    /** Gives a failed job one more attempt, due now: the job executor runs it again. */
    @Transactional
    public void retryJob(String jobId, String reasonText) {
        requireAdmin();
        String reason = Reasons.required(reasonText);
        Job job = jobId == null || jobId.isBlank()
                ? null
                : asWaarborg(() -> engine.getManagementService()
                        .createJobQuery()
                        .jobId(jobId)
                        .singleResult());
        if (job == null) {
            throw new AdministrationRefusal(Code.JOB_NOT_FOUND, "There is no job " + jobId + ".");
        }
        if (job.getRetries() > 0 && job.getExceptionMessage() == null) {
            throw new AdministrationRefusal(
                    Code.JOB_NOT_FAILED, "Job " + jobId + " has not failed; the engine runs it when it is due.");
        }
        run(() -> engine.getManagementService()
                .setJobRetries(1)
                .jobId(jobId)
                .dueDate(new Date())
                .execute());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("jobId", jobId);
        details.put("processInstanceId", String.valueOf(job.getProcessInstanceId()));
        details.put("activityId", String.valueOf(job.getFailedActivityId()));
        details.put("previousRetries", job.getRetries());
        details.put("reason", reason);
        audit.record(AuditAction.JOB_RETRIED, CurrentUser.id(), systemOf(job.getProcessInstanceId()), details);
    }

    /** The gate's non-interrupting service-level timers (boundary timers on the task) move to the new due date. */
    private int moveServiceLevelTimers(Task task, Date due) {
        List<String> timerEvents = engine
                .getRepositoryService()
                .getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementsByType(BoundaryEvent.class)
                .stream()
                .filter(b -> b.getAttachedTo() != null
                        && task.getTaskDefinitionKey().equals(b.getAttachedTo().getId())
                        && !b.cancelActivity()
                        && !b.getChildElementsByType(TimerEventDefinition.class).isEmpty())
                .map(BoundaryEvent::getId)
                .toList();
        int moved = 0;
        for (String event : timerEvents) {
            for (Job timer : engine.getManagementService()
                    .createJobQuery()
                    .processInstanceId(task.getProcessInstanceId())
                    .activityId(event)
                    .timers()
                    .list()) {
                engine.getManagementService().setJobDuedate(timer.getId(), due);
                moved++;
            }
        }
        return moved;
    }

    private void requireSystem(String systemId) {
        if (systemId == null || systemId.isBlank() || systems.find(systemId).isEmpty()) {
            throw new AdministrationRefusal(Code.SYSTEM_NOT_FOUND, "There is no system " + systemId + ".");
        }
    }

    private Task openTask(String taskId) {
        Task task = taskId == null || taskId.isBlank()
                ? null
                : asWaarborg(() ->
                        engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        // Under the task row's lock: a task completed at this moment is done, not handed over (probe 66).
        if (task == null || !EngineTables.lockTask(jdbc, engine, taskId)) {
            throw new AdministrationRefusal(
                    Code.TASK_NOT_FOUND, "There is no open task " + taskId + " (it may have been completed).");
        }
        return task;
    }

    private static Map<String, Object> details(Task task) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.getId());
        details.put("activityId", task.getTaskDefinitionKey());
        details.put("processInstanceId", task.getProcessInstanceId());
        return details;
    }

    /** The system a process instance belongs to: its business key (passed on to the IAMA and DPIA instances). */
    private String systemOf(String processInstanceId) {
        if (processInstanceId == null) {
            return null;
        }
        return asWaarborg(() ->
                engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .list()
                        .stream()
                        .map(p -> p.getBusinessKey())
                        .filter(k -> k != null && systems.find(k).isPresent())
                        .findFirst()
                        .orElse(null));
    }

    private <T> T asWaarborg(java.util.function.Supplier<T> call) {
        return EngineAccess.withoutAuthorization(engine, call);
    }

    private void run(Runnable call) {
        EngineAccess.withoutAuthorization(engine, () -> {
            call.run();
            return null;
        });
    }
}
