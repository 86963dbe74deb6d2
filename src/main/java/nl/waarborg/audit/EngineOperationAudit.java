package nl.waarborg.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.engine.EngineOperation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every operation a user performs through the engine goes into the trail in the engine's own transaction: who, which
 * operation on what, what it changed, and that it was done (refused operations are recorded by {@link RefusalAudit}).
 */
@Component
class EngineOperationAudit {

    private final AuditTrail audit;

    EngineOperationAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void operation(EngineOperation operation) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", operation.type());
        details.put("entityType", operation.entityType());
        details.put("target", operation.target());
        if (!operation.changes().isEmpty()) {
            details.put("changes", operation.changes());
        }
        details.put("outcome", "done");
        audit.recordEngineOperation(operation.userId(), operation.systemId(), details);
    }
}
