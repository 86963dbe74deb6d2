package nl.waarborg.administration;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether an administrator deactivated a user (ADR 0019), for other modules: a deactivated user keeps their id and
 * e-mail address in the identity store but is no longer to be reached, e.g. by mail (ADR 0026).
 */
@Component
public class DeactivatedAccounts {

    private final AccountStore store;

    DeactivatedAccounts(AccountStore store) {
        this.store = store;
    }

    public boolean isDeactivated(String userId) {
        return userId != null && !store.deactivations(List.of(userId)).isEmpty();
    }
}
