package nl.waarborg.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.notification.MailTemplates.Rendered;
import nl.waarborg.notification.Recipients.Recipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail outbox (wb_mail_outbox). Rows are written in the caller's transaction, so a mail exists exactly when the
 * fact it reports committed; the {@link OutboxSender} claims, sends and marks them later, outside any work.
 */
@Component
class Outbox {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    /** A row to send: the id doubles as the mail's Message-ID, so a repeated delivery is recognisably the same mail. */
    record Mail(String id, String address, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts a mail for one recipient in the outbox, due at once; returns its id. */
    String add(MailKind kind, Recipient to, Rendered mail) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(now());
        jdbc.sql("""
                        INSERT INTO wb_mail_outbox (id, kind, recipient_user, recipient_address, subject, body, status,
                            attempts, next_attempt_at, created_at)
                        VALUES (:id, :kind, :user, :address, :subject, :body, 'PENDING', 0, :now, :now)""")
                .param("id", id)
                .param("kind", kind.name())
                .param("user", to.userId())
                .param("address", to.address())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("now", now)
                .update();
        return id;
    }

    /** Ids of mails due now: pending ones whose time has come, and claims older than {@code staleClaim} (a node stopped). */
    List<String> due(Instant staleClaim, int limit) {
        return jdbc.sql("""
                        SELECT id FROM wb_mail_outbox
                        WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_at < :stale)
                        ORDER BY next_attempt_at
                        LIMIT :limit""")
                .param("now", Timestamp.from(now()))
                .param("stale", Timestamp.from(staleClaim))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * Claims a due mail for this sender (one conditional update, so two nodes never both claim it) and counts the
     * attempt; empty when another sender was first or it is no longer due.
     */
    Optional<Mail> claim(String id, Instant staleClaim) {
        Timestamp now = Timestamp.from(now());
        int claimed = jdbc.sql("""
                        UPDATE wb_mail_outbox SET status = 'SENDING', claimed_at = :now, attempts = attempts + 1
                        WHERE id = :id AND ((status = 'PENDING' AND next_attempt_at <= :now)
                            OR (status = 'SENDING' AND claimed_at < :stale))""")
                .param("id", id)
                .param("now", now)
                .param("stale", Timestamp.from(staleClaim))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, recipient_address, subject, body, attempts FROM wb_mail_outbox WHERE id = :id")
                .param("id", id)
                .query((rs, row) ->
                        new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .optional();
    }

    void sent(String id) {
        jdbc.sql(
                        "UPDATE wb_mail_outbox SET status = 'SENT', sent_at = :now, claimed_at = NULL, last_error = NULL WHERE id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now()))
                .update();
    }

    /** A failed attempt: pending again at {@code retryAt}, or FAILED when {@code retryAt} is null (no attempts left). */
    void failed(String id, String error, Instant retryAt) {
        String message = error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (retryAt == null) {
            jdbc.sql(
                            "UPDATE wb_mail_outbox SET status = 'FAILED', claimed_at = NULL, last_error = :error WHERE id = :id")
                    .param("id", id)
                    .param("error", message)
                    .update();
        } else {
            jdbc.sql("""
                            UPDATE wb_mail_outbox SET status = 'PENDING', claimed_at = NULL, last_error = :error,
                                next_attempt_at = :retry
                            WHERE id = :id""")
                    .param("id", id)
                    .param("error", message)
                    .param("retry", Timestamp.from(retryAt))
                    .update();
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
