package nl.waarborg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.waarborg.notification.MailTemplates.Rendered;
import nl.waarborg.notification.Recipients.Recipient;
import nl.waarborg.support.Http;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delivery never blocks work: with the mail server down a gate decision still completes, and its mail goes out once the
 * server is back. A retry of a sent mail sends nothing; a failed one goes out once; a claim a stopped node left behind is
 * sent again with the same Message-ID (at least once, ADR 0026). The outbox and the settings over HTTP and on the pages.
 */
class MailDeliveryTest extends MailScenario {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxCleanup cleanup;

    @AfterEach
    void smtpBackUp() {
        TestSmtp.start();
    }

    Map<String, Object> row(String id) {
        return jdbc.sql("SELECT status, attempts, last_error FROM wb_mail_outbox WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    String mailFor(String user, String subject) {
        return outbox.add(
                MailKind.TASK_ASSIGNED,
                new Recipient(user, user + DOMAIN, "Test", NotificationSettings.DEFAULTS),
                new Rendered(subject, "Tekst"));
    }

    @Test
    void aMailServerThatIsDownNeverFailsACompletionAndTheMailFollowsWhenItIsBack() throws Exception {
        String owner = newUser("owner", "project-lead");
        putSettings(owner, MailNotificationsTest.settings("nl", false, true));
        String name = uniqueName("Storing");
        Task gate = taskAt(systemAt(name, owner, MailNotificationsTest.FG_GATE), MailNotificationsTest.FG_GATE);
        outboxDrained();
        TestSmtp.stop();

        completeOk("fg", gate.getId(), Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        String id = jdbc.sql("SELECT id FROM wb_mail_outbox WHERE recipient_user = :user AND kind = 'DECISION'")
                .param("user", owner)
                .query(String.class)
                .single();
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) row(id).get("attempts")).intValue() >= 2);
        assertThat(row(id).get("status")).isIn("PENDING", "SENDING");
        assertThat((String) row(id).get("last_error")).isNotBlank();

        TestSmtp.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(id).get("status")));
        List<Received> mails = mailsTo(owner, name);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).messageId()).isEqualTo("<" + id + "@waarborg>");
    }

    @Test
    void aRetryOfASentMailSendsNothingAndAFailedMailGoesOutOnce() {
        String user = newUser("pl", "project-lead");
        String sent = mailFor(user, "Eerste bericht");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(row(sent).get("status")));
        JsonNode retried = json(as("admin").postJson("/api/admin/mail-outbox/" + sent + "/retry", "{}"));
        assertThat(retried.path("status").asText()).isEqualTo("SENT");

        TestSmtp.stop();
        String failed = mailFor(user, "Tweede bericht");
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) row(failed).get("attempts")).intValue() >= 1);
        // As the sender leaves it after its last attempt.
        jdbc.sql("UPDATE wb_mail_outbox SET status = 'FAILED', claimed_at = NULL WHERE id = :id")
                .param("id", failed)
                .update();
        TestSmtp.start();
        assertThat(as("admin")
                        .postJson("/api/admin/mail-outbox/" + failed + "/retry", "{}")
                        .statusCode())
                .isEqualTo(200);
        as("admin").postJson("/api/admin/mail-outbox/" + failed + "/retry", "{}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENT".equals(row(failed).get("status")));
        as("admin").postJson("/api/admin/mail-outbox/" + failed + "/retry", "{}");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);

        assertThat(mailsTo(user)).extracting(Received::subject).containsExactly("Tweede bericht");
    }

    @Test
    void aClaimThatAStoppedNodeLeftIsSentAgainWithTheSameMessageId() {
        String user = newUser("pl", "project-lead");
        String id = mailFor(user, "Na een herstart");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(id).get("status")));
        // The node sent it and stopped before marking it: the row stays claimed.
        jdbc.sql("UPDATE wb_mail_outbox SET status = 'SENDING', claimed_at = :long_ago WHERE id = :id")
                .param("id", id)
                .param("long_ago", Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)))
                .update();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(row(id).get("status")));

        List<Received> mails = mailsTo(user);
        assertThat(mails).hasSize(2);
        assertThat(mails).extracting(Received::messageId).containsOnly("<" + id + "@waarborg>");
    }

    void age(String table, String column, String idColumn, String id, Instant at) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = :at WHERE " + idColumn + " = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    long count(String table, String idColumn, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + idColumn + " = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    @Test
    void sentAndFailedMailsAndUsedDigestItemsAndNoticesOfClosedTasksGoAfterTheRetention() {
        String user = newUser("pl", "project-lead");
        Instant now = Instant.now();
        Instant old = now.minus(91, ChronoUnit.DAYS);
        Instant young = now.minus(89, ChronoUnit.DAYS);
        String oldSent = mailFor(user, "Oud verstuurd");
        String youngSent = mailFor(user, "Jong verstuurd");
        String oldFailed = mailFor(user, "Oud mislukt");
        outboxDrained();
        jdbc.sql("UPDATE wb_mail_outbox SET status = 'FAILED' WHERE id = :id")
                .param("id", oldFailed)
                .update();
        String oldPending = mailFor(user, "Oud en nog te versturen");
        jdbc.sql("UPDATE wb_mail_outbox SET next_attempt_at = :later WHERE id = :id")
                .param("later", Timestamp.from(now.plus(1, ChronoUnit.DAYS)))
                .param("id", oldPending)
                .update();
        for (String id : List.of(oldSent, oldFailed, oldPending)) {
            age("wb_mail_outbox", "created_at", "id", id, old);
        }
        age("wb_mail_outbox", "created_at", "id", youngSent, young);

        String usedItem = digestItem(user, "task-used-" + user, oldSent, old);
        String waitingItem = digestItem(user, "task-waiting-" + user, null, old);
        String youngItem = digestItem(user, "task-young-" + user, youngSent, young);

        org.camunda.bpm.engine.task.Task open = engine.getTaskService().newTask();
        open.setName("Open taak " + user);
        engine.getTaskService().saveTask(open);
        String closedTask = "task-closed-" + user;
        notice(open.getId(), old);
        notice(closedTask, old);
        notice("task-recent-" + user, young);
        try {
            OutboxCleanup.Removed removed = cleanup.removeOld(now);
            assertThat(removed.mails()).isGreaterThanOrEqualTo(2);

            assertThat(count("wb_mail_outbox", "id", oldSent))
                    .as("old and sent")
                    .isZero();
            assertThat(count("wb_mail_outbox", "id", oldFailed))
                    .as("old and failed")
                    .isZero();
            assertThat(count("wb_mail_outbox", "id", oldPending))
                    .as("still to send")
                    .isEqualTo(1);
            assertThat(count("wb_mail_outbox", "id", youngSent))
                    .as("within the retention")
                    .isEqualTo(1);
            assertThat(count("wb_mail_digest_item", "id", usedItem)).isZero();
            assertThat(count("wb_mail_digest_item", "id", waitingItem))
                    .as("waits for a digest")
                    .isEqualTo(1);
            assertThat(count("wb_mail_digest_item", "id", youngItem)).isEqualTo(1);
            assertThat(count("wb_deadline_notice", "task_id", closedTask)).isZero();
            assertThat(count("wb_deadline_notice", "task_id", open.getId()))
                    .as("an open task keeps its notice, or it would be told again")
                    .isEqualTo(1);
            assertThat(count("wb_deadline_notice", "task_id", "task-recent-" + user))
                    .isEqualTo(1);
        } finally {
            engine.getTaskService().deleteTask(open.getId(), true);
            jdbc.sql("DELETE FROM wb_mail_outbox WHERE id = :id")
                    .param("id", oldPending)
                    .update();
            jdbc.sql("DELETE FROM wb_mail_digest_item WHERE user_id = :user")
                    .param("user", user)
                    .update();
        }
    }

    String digestItem(String user, String taskId, String outboxId, Instant at) {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO wb_mail_digest_item (id, user_id, task_id, task_name, created_at, outbox_id)
                        VALUES (:id, :user, :task, 'Taak', :at, :outbox)""")
                .param("id", id)
                .param("user", user)
                .param("task", taskId)
                .param("at", Timestamp.from(at))
                .param("outbox", outboxId)
                .update();
        return id;
    }

    void notice(String taskId, Instant at) {
        jdbc.sql("""
                        INSERT INTO wb_deadline_notice (task_id, kind, due_at, noticed_at)
                        VALUES (:task, 'DEADLINE_PASSED', :at, :at)""").param("task", taskId).param("at", Timestamp.from(at)).update();
    }

    @Test
    void theOutboxIsForTheAdministratorOnly() {
        String user = newUser("pl", "project-lead");
        mailFor(user, "Zichtbaar voor beheer");
        outboxDrained();
        HttpResponse<String> page = as("admin").get("/api/admin/mail-outbox?limit=5");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow()))
                .isGreaterThanOrEqualTo(1);
        assertThat(json(page).size()).isBetween(1, 5);
        assertThat(json(as("admin").get("/api/admin/mail-outbox?status=SENT&limit=500"))
                        .toString())
                .contains("Zichtbaar voor beheer")
                .doesNotContain("\"body\"");
        assertThat(json(as("admin").get("/api/admin/mail-outbox/counts"))
                        .path("enabled")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> refused = as("fg").get("/api/admin/mail-outbox");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> badStatus = as("admin").get("/api/admin/mail-outbox?status=LOST");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json(badStatus).path("field").asText()).isEqualTo("status");
        assertThat(as("admin").get("/api/admin/mail-outbox?limit=0").statusCode())
                .isEqualTo(400);
        assertThat(as("admin")
                        .postJson("/api/admin/mail-outbox/none/retry", "{}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyUserReadsAndChangesTheirOwnSettings() {
        String user = newUser("pl", "project-lead");
        JsonNode defaults = json(as(user).get("/api/me/notification-settings"));
        assertThat(defaults.path("language").asText()).isEqualTo("nl");
        for (String kind : List.of(
                "newGroupTask",
                "digest",
                "taskAssigned",
                "deadlineApproaching",
                "deadlinePassed",
                "decision",
                "sendBack")) {
            assertThat(defaults.path(kind).asBoolean()).as(kind).isTrue();
        }
        HttpResponse<String> missing =
                as(user).sendJson("PUT", "/api/me/notification-settings", "{\"language\":\"en\",\"digest\":true}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).path("field").asText()).isEqualTo("newGroupTask");
        HttpResponse<String> german = as(user).sendJson(
                        "PUT", "/api/me/notification-settings", MailNotificationsTest.settings("de", true, true));
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(json(german).path("field").asText()).isEqualTo("language");
        assertThat(Http.api(port).get("/api/me/notification-settings").statusCode())
                .isEqualTo(401);

        putSettings(user, MailNotificationsTest.settings("en", false, false));
        JsonNode changed = json(as(user).get("/api/me/notification-settings"));
        assertThat(changed.path("language").asText()).isEqualTo("en");
        assertThat(changed.path("newGroupTask").asBoolean()).isFalse();
        assertThat(json(as("lead").get("/api/me/notification-settings"))
                        .path("language")
                        .asText())
                .as("another user's settings are their own")
                .isEqualTo("nl");
    }

    @Test
    void thePagesShowTheSettingsAndTheOutbox() {
        String user = newUser("pl", "project-lead");
        Http browser = Http.browser(port);
        browser.formLogin(user, "demo");
        HttpResponse<String> page = browser.get("/instellingen");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mijn instellingen", "Taal van de e-mails", "hoogstens eens per 15 minuten");
        HttpResponse<String> saved = browser.postForm(
                "/instellingen",
                Http.form("language", "en", "decision", "true", "_csrf", Http.csrfTokenFrom(page.body())));
        assertThat(saved.statusCode()).isEqualTo(302);
        JsonNode now = json(as(user).get("/api/me/notification-settings"));
        assertThat(now.path("language").asText()).isEqualTo("en");
        assertThat(now.path("decision").asBoolean()).isTrue();
        assertThat(now.path("newGroupTask").asBoolean()).isFalse();

        Http admin = Http.browser(port);
        admin.formLogin("admin", "demo");
        HttpResponse<String> outboxPage = admin.get("/beheer/mail");
        assertThat(outboxPage.statusCode()).isEqualTo(200);
        assertThat(outboxPage.body()).contains("E-mail", "Verstuurd");
        assertThat(admin.get("/beheer").body()).contains("/beheer/mail");
        Http officer = Http.browser(port);
        officer.formLogin("fg", "demo");
        assertThat(officer.get("/beheer/mail").statusCode()).isEqualTo(403);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
