package nl.waarborg.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.security.LoginAbuse;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Failed logins go into the audit trail aggregated per account (the attempted name, never the password): the first
 * failure of a window as LOGIN_FAILED and, when the account gets locked for a while, one LOGIN_LOCKED with the count
 * (see LoginThrottle). A flood of bad logins adds two rows per account per window, not one per attempt.
 */
@Component
public class SecurityAuditListener {

    /** The column holds an attempted name, which a stranger chooses: keep it short. */
    static final int MAX_NAME = 64;

    /** A refused single sign-on's cause, partly from the provider: kept short too. */
    static final int MAX_CAUSE = 300;

    private final AuditTrail audit;

    public SecurityAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    public void loginAbuse(LoginAbuse event) {
        String name = event.account().length() > MAX_NAME ? event.account().substring(0, MAX_NAME) : event.account();
        String address = event.address() == null ? "unknown" : event.address();
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.locked()) {
            details.put("failures", event.failures());
        }
        details.put("address", address);
        if (event.cause() != null) {
            details.put(
                    "cause",
                    event.cause().length() > MAX_CAUSE ? event.cause().substring(0, MAX_CAUSE) : event.cause());
        }
        audit.recordIndependently(
                event.locked() ? AuditAction.LOGIN_LOCKED : AuditAction.LOGIN_FAILED, name, null, details);
    }
}
