package nl.waarborg.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The e-mail notifications' settings ({@code waarborg.mail.*}; the SMTP server itself is Spring's {@code spring.mail.*}).
 * Mail is on only where an SMTP host is configured. How many working days before a deadline the "approaching" mail goes
 * out is a run-time setting (Setting.DEADLINE_REMINDER_WORKING_DAYS, from waarborg.mail.deadline-working-days).
 *
 * @param baseUrl where users reach Waarborg, for the links in the mails
 * @param from the sender address
 * @param digestInterval a user gets at most one digest of new group tasks per this interval
 * @param sendInterval how often the sender looks for mail to send
 * @param maxAttempts attempts per mail before it is marked FAILED
 * @param retryBackoff the wait after the first failed attempt; it doubles with each further one, up to retryBackoffMax
 * @param retryBackoffMax the longest wait between attempts
 * @param claimTimeout a mail claimed for sending this long ago without a result (the node stopped) is sent again
 * @param retention sent and failed mails, used digest items and deadline notices of closed tasks are deleted after this
 *     long (at least a day)
 */
@ConfigurationProperties(prefix = "waarborg.mail")
public record MailSettings(
        String baseUrl,
        String from,
        Duration digestInterval,
        Duration sendInterval,
        Integer maxAttempts,
        Duration retryBackoff,
        Duration retryBackoffMax,
        Duration claimTimeout,
        Duration retention) {

    public MailSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : stripSlash(baseUrl.trim());
        from = from == null || from.isBlank() ? "Waarborg <waarborg@localhost>" : from.trim();
        digestInterval = digestInterval == null ? Duration.ofMinutes(15) : digestInterval;
        sendInterval = sendInterval == null ? Duration.ofSeconds(30) : sendInterval;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
        retryBackoffMax = retryBackoffMax == null ? Duration.ofHours(1) : retryBackoffMax;
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(5) : claimTimeout;
        retention = retention == null ? Duration.ofDays(90) : retention;
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalStateException("waarborg.mail.retention must be at least a day, not " + retention);
        }
        if (maxAttempts < 1) {
            throw new IllegalStateException("waarborg.mail.max-attempts must be at least 1, not " + maxAttempts);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String link(String path) {
        return baseUrl + path;
    }
}
