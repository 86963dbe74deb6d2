package nl.waarborg.administration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.security.PerUserLimit;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user of a local account chooses their own password (ADR 0058): always allowed, and required first when an
 * administrator set the password (creating the account or resetting it). The current password proves it is the owner
 * at the keyboard; the new one meets the policy and differs from it. Recorded as PASSWORD_CHANGED.
 */
@Service
public class OwnPassword {

    /** Tries of the current password per user and minute: a left-open session is no way to guess it. */
    static final int TRIES_PER_MINUTE = 5;

    /** The current password and the new one. */
    public record Change(String currentPassword, String newPassword) {}

    private final AccountStore store;
    private final AccountPasswords passwords;
    private final AuditTrail audit;
    private final SsoAccounts ssoAccounts;
    private final PerUserLimit tries =
            new PerUserLimit(TRIES_PER_MINUTE, "password changes", " (the current password is checked each time)");

    OwnPassword(AccountStore store, AccountPasswords passwords, AuditTrail audit, SsoAccounts ssoAccounts) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.ssoAccounts = ssoAccounts;
    }

    /** Whether the logged-in user must replace a password an administrator set before anything else. */
    @Transactional(readOnly = true)
    public boolean required() {
        String id = CurrentUser.id();
        return id != null
                && passwords
                        .of(id)
                        .map(AccountPasswords.SetPassword::changeRequired)
                        .orElse(false);
    }

    @Transactional
    public void change(Change change) {
        String id = CurrentUser.id();
        tries.count(id, Instant.now());
        User user = store.existing(id);
        AccountRules.notSingleSignOn(ssoAccounts.linked(id));
        String current = change == null ? null : change.currentPassword();
        if (current == null
                || current.isEmpty()
                || !store.asSystem(() -> store.identity().checkPassword(id, current))) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.CURRENT_PASSWORD_WRONG, "Field 'currentPassword' is not your password.");
        }
        String fresh = AccountRules.password(change.newPassword(), id);
        if (fresh.equals(current)) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.SAME_PASSWORD,
                    "Field 'newPassword' must differ from the current password.");
        }
        store.asSystem(() -> {
            user.setPassword(fresh);
            store.identity().saveUser(user);
            return null;
        });
        boolean replacedOneTime = passwords.chosenByOwner(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", id);
        details.put("replacedOneTimePassword", replacedOneTime);
        audit.record(AuditAction.PASSWORD_CHANGED, id, null, details);
    }
}
