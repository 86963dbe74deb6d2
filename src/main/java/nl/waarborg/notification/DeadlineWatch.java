package nl.waarborg.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.settings.RuntimeSettings;
import nl.waarborg.settings.Setting;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for open tasks whose deadline approaches (the run-time setting {@code deadlineReminderWorkingDays}: that many
 * working days before it) or passed, and
 * has each notice made once per task, kind and due date (wb_deadline_notice, in the same transaction as its mails; a
 * second node that sees the same task loses on the primary key and sends nothing).
 */
@Component
class DeadlineWatch {

    private static final int PAGE = 200;

    private final ProcessEngine engine;
    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final RuntimeSettings settings;
    private final TransactionTemplate transactions;

    DeadlineWatch(
            ProcessEngine engine,
            JdbcClient jdbc,
            Notifications notifications,
            RuntimeSettings settings,
            TransactionTemplate transactions) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Scheduled(
            initialDelayString = "${waarborg.mail.deadline-check:PT15M}",
            fixedDelayString = "${waarborg.mail.deadline-check:PT15M}")
    void scheduled() {
        check(ZonedDateTime.now(MailTemplates.AMSTERDAM));
    }

    /** Makes the notices due at {@code now}; returns how many were made. */
    int check(ZonedDateTime now) {
        if (!notifications.enabled()) {
            return 0;
        }
        int days = settings.workingDays(Setting.DEADLINE_REMINDER_WORKING_DAYS);
        Date horizon = Date.from(DeadlineNotice.horizon(now, days).plusMillis(1));
        int made = 0;
        for (int first = 0; ; first += PAGE) {
            int from = first;
            List<Task> tasks = EngineAccess.withoutAuthorization(
                    engine,
                    () -> engine.getTaskService()
                            .createTaskQuery()
                            .active()
                            .dueBefore(horizon)
                            .orderByDueDate()
                            .asc()
                            .orderByTaskId()
                            .asc()
                            .listPage(from, PAGE));
            for (Task task : tasks) {
                Instant due = task.getDueDate().toInstant();
                Optional<MailKind> kind = DeadlineNotice.of(due, now, days, processKey(task));
                if (kind.isPresent() && notice(task, kind.get(), due)) {
                    made++;
                }
            }
            if (tasks.size() < PAGE) {
                return made;
            }
        }
    }

    private boolean notice(Task task, MailKind kind, Instant due) {
        if (noticed(task.getId(), kind, due)) {
            return false;
        }
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql(
                                "INSERT INTO wb_deadline_notice (task_id, kind, due_at, noticed_at) VALUES (:task, :kind, :due, :now)")
                        .param("task", task.getId())
                        .param("kind", kind.name())
                        .param("due", Timestamp.from(due))
                        .param("now", Timestamp.from(Outbox.now()))
                        .update();
                notifications.deadline(fact(task, due), kind);
            });
            return true;
        } catch (DuplicateKeyException otherNode) {
            return false;
        }
    }

    private String processKey(Task task) {
        return task.getProcessDefinitionId() == null
                ? null
                : EngineAccess.withoutAuthorization(
                        engine,
                        () -> engine.getRepositoryService()
                                .getProcessDefinition(task.getProcessDefinitionId())
                                .getKey());
    }

    private boolean noticed(String taskId, MailKind kind, Instant due) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM wb_deadline_notice WHERE task_id = :task AND kind = :kind AND due_at = :due")
                        .param("task", taskId)
                        .param("kind", kind.name())
                        .param("due", Timestamp.from(due))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private TaskFact fact(Task task, Instant due) {
        List<String> groups = EngineAccess.withoutAuthorization(
                        engine, () -> engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .distinct()
                .toList();
        ProcessInstance instance = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId())
                        .singleResult());
        String systemId = instance == null ? null : instance.getBusinessKey();
        return new TaskFact(task.getId(), task.getName(), systemId, groups, task.getAssignee(), due);
    }
}
