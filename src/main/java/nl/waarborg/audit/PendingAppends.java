package nl.waarborg.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The events recorded in one transaction, appended to the trail by its beforeCommit (not at all when it rolls back).
 * Before the append, engine operations are folded into an event of Waarborg's own by the same user in the same
 * transaction, where there is one (ADR 0020).
 */
final class PendingAppends implements TransactionSynchronization {

    /** An event waiting for its transaction to commit; {@code attachable} for an engine operation. */
    record PendingEvent(
            Instant at,
            String userId,
            String action,
            String systemId,
            Map<String, Object> details,
            boolean attachable) {}

    static final String ATTACHED = "engineOperations";

    private final AuditTrail owner;
    private final Consumer<List<PendingEvent>> append;
    private final List<PendingEvent> events = new ArrayList<>();

    PendingAppends(AuditTrail owner, Consumer<List<PendingEvent>> append) {
        this.owner = owner;
        this.append = append;
    }

    AuditTrail owner() {
        return owner;
    }

    void add(PendingEvent event) {
        events.add(event);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        append.accept(merged(events));
    }

    /** The events to append: each engine operation goes into the first own event of its user, or stays on its own. */
    @SuppressWarnings("unchecked")
    static List<PendingEvent> merged(List<PendingEvent> events) {
        List<PendingEvent> result = new ArrayList<>();
        for (PendingEvent event : events) {
            PendingEvent carrier = event.attachable()
                    ? events.stream()
                            .filter(e -> !e.attachable() && Objects.equals(e.userId(), event.userId()))
                            .findFirst()
                            .orElse(null)
                    : null;
            if (carrier == null) {
                result.add(event);
            } else {
                ((List<Object>) carrier.details().computeIfAbsent(ATTACHED, k -> new ArrayList<>()))
                        .add(event.details());
            }
        }
        return result;
    }
}
