package nl.waarborg.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The users' notification settings (wb_notification_setting); a user without a row has the defaults. */
@Component
class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NotificationSettings of(String userId) {
        Optional<NotificationSettings> stored =
                jdbc.sql("""
                        SELECT language, new_group_task, digest, task_assigned, deadline_approaching, deadline_passed,
                               decision, send_back
                        FROM wb_notification_setting WHERE user_id = :user""").param("user", userId).query(SettingsStore::row).optional();
        return stored.orElse(NotificationSettings.DEFAULTS);
    }

    /** Replaces the user's settings (a row is written on the first change). */
    @Transactional
    void save(String userId, NotificationSettings settings) {
        jdbc.sql("DELETE FROM wb_notification_setting WHERE user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("""
                        INSERT INTO wb_notification_setting (user_id, language, new_group_task, digest, task_assigned,
                            deadline_approaching, deadline_passed, decision, send_back, updated_at)
                        VALUES (:user, :language, :newGroupTask, :digest, :taskAssigned, :deadlineApproaching,
                            :deadlinePassed, :decision, :sendBack, :at)""")
                .param("user", userId)
                .param("language", settings.language())
                .param("newGroupTask", settings.newGroupTask())
                .param("digest", settings.digest())
                .param("taskAssigned", settings.taskAssigned())
                .param("deadlineApproaching", settings.deadlineApproaching())
                .param("deadlinePassed", settings.deadlinePassed())
                .param("decision", settings.decision())
                .param("sendBack", settings.sendBack())
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }

    private static NotificationSettings row(ResultSet rs, int row) throws SQLException {
        return new NotificationSettings(
                rs.getString(1),
                rs.getBoolean(2),
                rs.getBoolean(3),
                rs.getBoolean(4),
                rs.getBoolean(5),
                rs.getBoolean(6),
                rs.getBoolean(7),
                rs.getBoolean(8));
    }
}
