package nl.waarborg.audit;

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

    private final AuditTrail audit;

    public SecurityAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    public void loginAbuse(LoginAbuse event) {
        String name = event.account().length() > MAX_NAME ? event.account().substring(0, MAX_NAME) : event.account();
        String address = event.address() == null ? "unknown" : event.address();
        if (event.locked()) {
            audit.recordIndependently(
                    AuditAction.LOGIN_LOCKED, name, null, Map.of("failures", event.failures(), "address", address));
        } else {
            audit.recordIndependently(AuditAction.LOGIN_FAILED, name, null, Map.of("address", address));
        }
    }
}
