package nl.waarborg.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what the notifications no longer need once it is {@code retention} old: mails that were sent or gave up
 * (pending and claimed ones stay, whatever their age), digest items that went into a digest or were dropped, and
 * deadline notices of tasks that are no longer open (an open task keeps its notices, or it would be told again).
 */
@Component
class OutboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);
    private static final int PAGE = 500;

    /** What one clean-up deleted. */
    record Removed(int mails, int digestItems, int deadlineNotices) {}

    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final MailSettings settings;

    OutboxCleanup(JdbcClient jdbc, ProcessEngine engine, MailSettings settings) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.settings = settings;
    }

    @Scheduled(
            initialDelayString = "${waarborg.mail.cleanup-check:PT6H}",
            fixedDelayString = "${waarborg.mail.cleanup-check:PT6H}")
    void scheduled() {
        Removed removed = removeOld(Outbox.now());
        if (removed.mails() + removed.digestItems() + removed.deadlineNotices() > 0) {
            log.info("Mail clean-up (older than {}): {}", settings.retention(), removed);
        }
    }

    /** Deletes what is older than the retention at {@code now}. */
    Removed removeOld(Instant now) {
        Timestamp before = Timestamp.from(now.minus(settings.retention()));
        int items = jdbc.sql("DELETE FROM wb_mail_digest_item WHERE outbox_id IS NOT NULL AND created_at < :before")
                .param("before", before)
                .update();
        int mails = jdbc.sql("DELETE FROM wb_mail_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < :before")
                .param("before", before)
                .update();
        return new Removed(mails, items, removeNotices(before));
    }

    private int removeNotices(Timestamp before) {
        int removed = 0;
        String after = "";
        while (true) {
            List<String> tasks = jdbc.sql("""
                            SELECT DISTINCT task_id FROM wb_deadline_notice WHERE noticed_at < :before AND task_id > :after
                            ORDER BY task_id LIMIT :limit""")
                    .param("before", before)
                    .param("after", after)
                    .param("limit", PAGE)
                    .query(String.class)
                    .list();
            if (tasks.isEmpty()) {
                return removed;
            }
            Set<String> open = Digests.openTasks(engine, tasks);
            List<String> closed =
                    tasks.stream().filter(task -> !open.contains(task)).toList();
            if (!closed.isEmpty()) {
                removed += jdbc.sql("DELETE FROM wb_deadline_notice WHERE task_id IN (:tasks) AND noticed_at < :before")
                        .param("tasks", closed)
                        .param("before", before)
                        .update();
            }
            after = tasks.get(tasks.size() - 1);
        }
    }
}
