package nl.waarborg.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.security.FixedWindows;
import nl.waarborg.security.LoginAbuse;
import nl.waarborg.security.LoginThrottled;
import nl.waarborg.security.SessionEnded;
import nl.waarborg.shared.CanonicalJson;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Failed logins go into the audit trail aggregated per account (the attempted name, never the password): the first
 * failure of a window as LOGIN_FAILED and, when the account gets locked for a while, one LOGIN_LOCKED with the count
 * (see LoginThrottle); a client address locked for failures of any names, one ADDRESS_LOCKED. Attempts refused during a lock give one LOGIN_THROTTLED per lock of an account and of an address
 * (the throttle publishes only the first). A session ended by the per-request account re-check gives one
 * SESSION_ENDED; a request without a session that the re-check refuses (HTTP Basic, a bearer token) is a refusal like
 * any other, aggregated by {@link RefusalAudit}. A flood adds a few rows per account and address per window, not one
 * per attempt (ADR 0050).
 */
@Component
public class SecurityAuditListener {

    /** The column holds an attempted name, which a stranger chooses: keep it short. */
    static final int MAX_NAME = 64;

    /** A refused single sign-on's cause, partly from the provider: kept short too. */
    static final int MAX_CAUSE = 300;

    /** Enough hex digits of a session id's digest to tell sessions apart, too few to matter if the id were guessed. */
    static final int SESSION_DIGEST = 16;

    private final AuditTrail audit;
    private final RefusalAudit refusals;

    /** Requests racing on one session at the moment it ends: one row for the session. */
    private final FixedWindows endedSessions = new FixedWindows(Duration.ofMinutes(1), RefusalAudit.MAX_KEYS);

    public SecurityAuditListener(AuditTrail audit, RefusalAudit refusals) {
        this.audit = audit;
        this.refusals = refusals;
    }

    @EventListener
    public void loginAbuse(LoginAbuse event) {
        String address = event.address() == null ? "unknown" : event.address();
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.locked()) {
            details.put("failures", event.failures());
        }
        details.put("address", address);
        if (event.cause() != null) {
            details.put("cause", cut(event.cause(), MAX_CAUSE));
        }
        if (event.account() == null) {
            audit.recordIndependently(AuditAction.ADDRESS_LOCKED, null, null, details);
            return;
        }
        audit.recordIndependently(
                event.locked() ? AuditAction.LOGIN_LOCKED : AuditAction.LOGIN_FAILED,
                cut(event.account(), MAX_NAME),
                null,
                details);
    }

    @EventListener
    public void loginThrottled(LoginThrottled event) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.typed() != null && !event.typed().equals(event.account())) {
            details.put("typed", cut(event.typed(), MAX_NAME));
        }
        details.put("address", event.address() == null ? "unknown" : event.address());
        details.put("lockedBy", event.lockedBy());
        details.put("retryAfterSeconds", event.retryAfterSeconds());
        details.put("via", event.via());
        details.put("outcome", "refused");
        audit.recordIndependently(
                AuditAction.LOGIN_THROTTLED,
                event.account() == null ? null : cut(event.account(), MAX_NAME),
                null,
                details);
    }

    @EventListener
    public void sessionEnded(SessionEnded event) {
        if (!event.hadSession()) {
            refusals.refused(
                    event.userId(),
                    event.address(),
                    event.method(),
                    event.path(),
                    401,
                    "account " + event.reason(),
                    Instant.now());
            return;
        }
        String session = CanonicalJson.sha256(event.sessionId()).substring(0, SESSION_DIGEST);
        if (endedSessions.hit(session, Instant.now()).count() > 1) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.reason());
        details.put("session", session);
        details.put("channel", RefusalAudit.channel(event.path()));
        details.put("target", cut(event.path(), RefusalAudit.MAX_TARGET));
        details.put("address", event.address() == null ? "unknown" : event.address());
        audit.recordIndependently(AuditAction.SESSION_ENDED, cut(event.userId(), MAX_NAME), null, details);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
