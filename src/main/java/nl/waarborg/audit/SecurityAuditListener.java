package nl.waarborg.audit;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/** Failed logins go into the audit trail (the attempted name, never the password). */
@Component
public class SecurityAuditListener {

    private final AuditTrail audit;

    public SecurityAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    public void loginFailed(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication() == null ? null : event.getAuthentication().getName();
        audit.recordIndependently(AuditAction.LOGIN_FAILED, name, null, Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
