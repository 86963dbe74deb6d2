package nl.waarborg.audit;

import java.util.List;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for managers and administrators. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    public List<AuditTrail.AuditEvent> events(
            @RequestParam(required = false) String systemId, @RequestParam(defaultValue = "500") int limit) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        PageParameters.checkLimit(limit, 10000);
        return audit.events(systemId, limit);
    }

    @GetMapping("/verify")
    public AuditTrail.Verification verify() {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        return audit.verify();
    }
}
