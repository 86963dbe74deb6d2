package nl.waarborg.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.shared.NotFoundException;
import nl.waarborg.shared.PageParameters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outbox as the functional administrator sees it (group admin only, 403 otherwise): the mails newest first with
 * their state, attempts and last error (not their text), the count per state, and a retry of a mail that FAILED.
 */
@Service
public class MailOutbox {

    public static final int MAX_PAGE = 500;
    public static final List<String> STATES = List.of(Outbox.PENDING, Outbox.SENDING, Outbox.SENT, Outbox.FAILED);

    /** One mail in the outbox. */
    public record Entry(
            String id,
            String kind,
            String recipientUser,
            String recipientAddress,
            String subject,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

    private static final String SELECT = """
            SELECT id, kind, recipient_user, recipient_address, subject, status, attempts, next_attempt_at,
                   last_error, created_at, sent_at
            FROM wb_mail_outbox""";

    public record Page(long total, int limit, int offset, List<Entry> items) {}

    private final JdbcClient jdbc;
    private final Notifications notifications;

    MailOutbox(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** Whether an SMTP server is configured (without one no mail is made). */
    public boolean enabled() {
        CurrentUser.requireAnyOf(Groups.ADMIN);
        return notifications.enabled();
    }

    /** The mails, newest first; {@code status} (optional) keeps one state. */
    public Page page(String status, int limit, int offset) {
        CurrentUser.requireAnyOf(Groups.ADMIN);
        PageParameters.check(limit, offset, MAX_PAGE);
        String state = status == null || status.isBlank() ? null : status.trim().toUpperCase();
        if (state != null && !STATES.contains(state)) {
            throw new InvalidInputException("status", "Parameter 'status' must be one of " + STATES + ".");
        }
        String where = state == null ? "" : " WHERE status = :status";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM wb_mail_outbox" + where);
        JdbcClient.StatementSpec rows =
                jdbc.sql(SELECT + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset");
        if (state != null) {
            count = count.param("status", state);
            rows = rows.param("status", state);
        }
        List<Entry> items = rows.param("limit", limit)
                .param("offset", offset)
                .query(MailOutbox::entry)
                .list();
        return new Page(count.query(Long.class).single(), limit, offset, items);
    }

    /** The number of mails per state (every state, zero included). */
    public Map<String, Long> counts() {
        CurrentUser.requireAnyOf(Groups.ADMIN);
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0L));
        jdbc.sql("SELECT status, COUNT(*) FROM wb_mail_outbox GROUP BY status")
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /**
     * Tries a FAILED mail again (its attempts start afresh); a mail in any other state is left as it is, so repeating
     * the call, or calling it for a mail already sent, never sends anything twice. Returns the mail as it is then.
     */
    public Entry retry(String id) {
        CurrentUser.requireAnyOf(Groups.ADMIN);
        jdbc.sql("""
                        UPDATE wb_mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND status = 'FAILED'""").param("id", id).param("now", Timestamp.from(Outbox.now())).update();
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(MailOutbox::entry)
                .optional()
                .orElseThrow(() -> new NotFoundException("No mail " + id + " in the outbox."));
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
