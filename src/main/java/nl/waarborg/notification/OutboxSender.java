package nl.waarborg.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import nl.waarborg.notification.Outbox.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on a schedule and outside any user's work: each mail is claimed (one conditional
 * update), sent over SMTP and marked SENT; a failure puts it back with a growing wait ({@link RetryBackoff}) until the
 * last attempt marks it FAILED. Delivery is at least once: a node that stops between sending and marking leaves a
 * claim that another attempt takes over after {@code claim-timeout}; that mail then arrives twice with the same
 * Message-ID (ADR 0026).
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailSettings settings;
    private final RetryBackoff backoff;

    OutboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mailSender, MailSettings settings) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
        this.backoff = new RetryBackoff(settings.maxAttempts(), settings.retryBackoff(), settings.retryBackoffMax());
    }

    @Scheduled(
            initialDelayString = "${waarborg.mail.send-interval:PT30S}",
            fixedDelayString = "${waarborg.mail.send-interval:PT30S}")
    void scheduled() {
        sendDue();
    }

    /** Sends the mails that are due now; returns how many went out. */
    int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Instant stale = Instant.now().minus(settings.claimTimeout());
        int sent = 0;
        for (String id : outbox.due(stale, BATCH)) {
            Mail mail = outbox.claim(id, stale).orElse(null);
            if (mail != null && send(sender, mail)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(JavaMailSender sender, Mail mail) {
        try {
            sender.send(message(sender, mail));
        } catch (RuntimeException | MessagingException e) {
            Instant retry = backoff.after(mail.attempts())
                    .map(wait -> Instant.now().plus(wait))
                    .orElse(null);
            log.warn(
                    "Mail {} (attempt {}) was not sent: {}; {}",
                    mail.id(),
                    mail.attempts(),
                    e.getMessage(),
                    retry == null ? "giving up" : "next attempt at " + retry);
            outbox.failed(mail.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), retry);
            return false;
        }
        outbox.sent(mail.id());
        return true;
    }

    private MimeMessage message(JavaMailSender sender, Mail mail) throws MessagingException {
        MimeMessage message = sender instanceof JavaMailSenderImpl impl
                ? new FixedIdMessage(impl.getSession(), "<" + mail.id() + "@waarborg>")
                : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.address());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        return message;
    }

    /** A message whose Message-ID is the outbox row's, on every attempt (JavaMail would make a new one each time). */
    static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
