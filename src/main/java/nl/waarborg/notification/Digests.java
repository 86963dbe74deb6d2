package nl.waarborg.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.identity.Groups;
import nl.waarborg.notification.Recipients.Recipient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New tasks of a user's groups, bundled: each new task becomes an item (in the transaction that created the task), and
 * a user's items go out as one DIGEST mail once their previous digest is at least {@code digest-interval} old. Items of
 * tasks that were done in the meantime are dropped. A digest takes its items under row locks, so two nodes never send
 * the same items.
 */
@Component
class Digests {

    /** Marks items that went into no mail (their tasks were done, or the user has no address or wants none now). */
    private static final String DROPPED = "dropped";

    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final Recipients recipients;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final MailSettings settings;
    private final TransactionTemplate transactions;

    Digests(
            JdbcClient jdbc,
            ProcessEngine engine,
            Recipients recipients,
            MailTemplates templates,
            Outbox outbox,
            MailSettings settings,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Whether a user whose last digest went out at {@code last} (null: never) may get the next one {@code now}. */
    static boolean due(Instant last, Instant now, Duration interval) {
        return last == null || !now.isBefore(last.plus(interval));
    }

    void add(String userId, TaskFact task, String systemName) {
        jdbc.sql("""
                        INSERT INTO wb_mail_digest_item (id, user_id, task_id, task_name, system_id, system_name, created_at)
                        VALUES (:id, :user, :task, :name, :system, :systemName, :at)""")
                .param("id", UUID.randomUUID().toString())
                .param("user", userId)
                .param("task", task.taskId())
                .param("name", cut(task.displayName(systemName)))
                .param("system", task.systemId())
                .param("systemName", cut(systemName))
                .param("at", Timestamp.from(Outbox.now()))
                .update();
    }

    @Scheduled(
            initialDelayString = "${waarborg.mail.digest-check:PT1M}",
            fixedDelayString = "${waarborg.mail.digest-check:PT1M}")
    void scheduled() {
        sendDue();
    }

    /** Puts a digest in the outbox for every user whose items wait and whose last digest is old enough; returns how many. */
    int sendDue() {
        List<String> users = jdbc.sql("SELECT DISTINCT user_id FROM wb_mail_digest_item WHERE outbox_id IS NULL")
                .query(String.class)
                .list();
        int digests = 0;
        for (String user : users) {
            Boolean made = transactions.execute(status -> bundle(user));
            if (Boolean.TRUE.equals(made)) {
                digests++;
            }
        }
        return digests;
    }

    private boolean bundle(String userId) {
        Instant last = jdbc.sql(
                        "SELECT MAX(created_at) FROM wb_mail_outbox WHERE recipient_user = :user AND kind = 'DIGEST'")
                .param("user", userId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
        if (!due(last, Outbox.now(), settings.digestInterval())) {
            return false;
        }
        List<Map<String, Object>> items =
                jdbc.sql("""
                        SELECT id, task_id, task_name, system_name FROM wb_mail_digest_item
                        WHERE user_id = :user AND outbox_id IS NULL ORDER BY created_at FOR UPDATE""").param("user", userId).query().listOfRows();
        if (items.isEmpty()) {
            return false;
        }
        Set<String> open = stillTheirs(
                engine,
                userId,
                items.stream().map(i -> (String) i.get("task_id")).toList());
        List<Map<String, Object>> shown =
                items.stream().filter(i -> open.contains(i.get("task_id"))).toList();
        Recipient to = recipients.person(userId).orElse(null);
        String outboxId = DROPPED;
        if (to != null && !shown.isEmpty() && to.settings().wants(MailKind.DIGEST)) {
            outboxId = outbox.add(
                    MailKind.DIGEST,
                    to,
                    templates.render(MailKind.DIGEST, to.settings().language(), values(to, shown)));
        }
        jdbc.sql("UPDATE wb_mail_digest_item SET outbox_id = :outbox WHERE id IN (:ids)")
                .param("outbox", outboxId)
                .param("ids", items.stream().map(i -> i.get("id")).toList())
                .update();
        return !DROPPED.equals(outboxId);
    }

    private Map<String, Object> values(Recipient to, List<Map<String, Object>> shown) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", to.name());
        values.put("count", shown.size());
        values.put(
                "items",
                shown.stream()
                        .map(i -> Map.of(
                                "task", String.valueOf(i.get("task_name")),
                                "system", String.valueOf(i.get("system_name")),
                                "link", settings.link("/taken/" + i.get("task_id"))))
                        .toList());
        values.put("tasksLink", settings.link("/taken"));
        return values;
    }

    /**
     * Which of these tasks are still open and still the user's: held by them, or open to them as a candidate user (a
     * content task's team) or as a member of a candidate group (not project-lead: a content task is its team's). A
     * co-author taken off the team, or a reviewer taken out of the group, gets no digest of them (probe 68).
     */
    static Set<String> stillTheirs(ProcessEngine engine, String userId, List<String> taskIds) {
        return EngineAccess.withoutAuthorization(engine, () -> {
            Set<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                    .map(org.camunda.bpm.engine.identity.Group::getId)
                    .filter(group -> !Groups.PROJECT_LEAD.equals(group))
                    .collect(Collectors.toSet());
            Set<String> theirs = new java.util.HashSet<>();
            for (Task task : engine.getTaskService()
                    .createTaskQuery()
                    .taskIdIn(taskIds.toArray(String[]::new))
                    .list()) {
                boolean open = userId.equals(task.getAssignee())
                        || engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                                .anyMatch(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(
                                                link.getType())
                                        && (userId.equals(link.getUserId())
                                                || (link.getGroupId() != null && groups.contains(link.getGroupId()))));
                if (open) {
                    theirs.add(task.getId());
                }
            }
            return theirs;
        });
    }

    /** Which of these tasks are still open. */
    static Set<String> openTasks(ProcessEngine engine, List<String> taskIds) {
        return EngineAccess.withoutAuthorization(
                        engine,
                        () -> engine.getTaskService()
                                .createTaskQuery()
                                .taskIdIn(taskIds.toArray(String[]::new))
                                .list())
                .stream()
                .map(Task::getId)
                .collect(Collectors.toSet());
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
