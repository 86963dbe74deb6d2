package nl.waarborg.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.waarborg.assessment.Gate;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.UserTaskObserver;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps wb_open_wait in step with the tasks a system waits on: the gates, the DPA prior consultation
 * (task ids starting with "dpa-consultation-"), the go-live checks ("go-live-") and every task of process "incident"
 * (ADR 0033: each has a legal deadline; its ids share no prefix, so that process counts as a whole). Attached to every
 * user task by WorkflowEngineConfiguration, so the models need not mention it; runs in the engine's transaction.
 */
@Component
public class WaitTracker implements UserTaskObserver {

    private final JdbcClient jdbc;

    public WaitTracker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The process whose every task is a wait. */
    static final String INCIDENT_PROCESS = "incident";

    /** Whether a task of this process with this id is a wait: the one place that decides it. */
    public static boolean tracks(String processKey, String taskDefinitionKey) {
        return taskDefinitionKey != null
                && (INCIDENT_PROCESS.equals(processKey)
                        || Gate.ofTask(taskDefinitionKey).isPresent()
                        || taskDefinitionKey.startsWith("dpa-consultation-")
                        || taskDefinitionKey.startsWith("go-live-"));
    }

    /** Also "update": a due date corrected later (by an administrator) moves the wait's due date with it. */
    @Override
    public List<String> events() {
        return List.of(EVENTNAME_CREATE, EVENTNAME_UPDATE, EVENTNAME_COMPLETE, EVENTNAME_DELETE);
    }

    /**
     * The gate a wait is filed under: its task id, except for the multi-instance go-live task, whose every instance
     * stands for one duty (variable "goLiveDuty", a code "go-live-…" of GoLiveDuties): so the manager sees which check.
     */
    static String gateOf(DelegateTask task) {
        if (GO_LIVE_DUTY_TASK.equals(task.getTaskDefinitionKey())
                && task.getVariable(GO_LIVE_DUTY) instanceof String duty
                && duty.startsWith("go-live-")) {
            return duty;
        }
        return task.getTaskDefinitionKey();
    }

    /** The multi-instance go-live task of assessment-cycle and its element variable (see workflow's GoLiveChecks). */
    static final String GO_LIVE_DUTY_TASK = "go-live-duty";

    static final String GO_LIVE_DUTY = "goLiveDuty";

    @Override
    public void notify(DelegateTask task) {
        String processKey = EngineAccess.processKeyOf(task.getProcessDefinitionId());
        if (!tracks(processKey, task.getTaskDefinitionKey())) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            String group = task.getCandidates().stream()
                    .filter(l -> l.getGroupId() != null)
                    .map(IdentityLink::getGroupId)
                    .findFirst()
                    .orElse(null);
            String type = "iama".equals(processKey) ? "IAMA" : "dpia".equals(processKey) ? "DPIA" : null;
            jdbc.sql("""
                    INSERT INTO wb_open_wait (task_id, system_id, assessment_type, gate, candidate_group, waiting_since, due_at)
                    VALUES (:task, :system, :type, :gate, :group, :since, :due)""")
                    .param("task", task.getId())
                    .param("system", task.getExecution().getProcessBusinessKey())
                    .param("type", type)
                    .param("gate", gateOf(task))
                    .param("group", group)
                    .param("since", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                    .param(
                            "due",
                            task.getDueDate() == null
                                    ? null
                                    : new Timestamp(task.getDueDate().getTime()))
                    .update();
        } else if (EVENTNAME_UPDATE.equals(task.getEventName())) {
            jdbc.sql("UPDATE wb_open_wait SET due_at = :due WHERE task_id = :task")
                    .param("task", task.getId())
                    .param(
                            "due",
                            task.getDueDate() == null
                                    ? null
                                    : new Timestamp(task.getDueDate().getTime()))
                    .update();
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName()) || EVENTNAME_DELETE.equals(task.getEventName())) {
            jdbc.sql("DELETE FROM wb_open_wait WHERE task_id = :task")
                    .param("task", task.getId())
                    .update();
        }
    }
}
