package nl.waarborg.administration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.audit.AuditTrail.AuditEvent;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.security.LoginThrottle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's notice of accounts under attack: the accounts with failed logins counted now on any node (locked
 * or close to it, {@link LoginThrottle#underAttack()}), and the accounts locked in the last
 * {@link #PERIOD} (LOGIN_LOCKED in the audit trail) that no administrator unlocked since; the client addresses locked
 * now. And the unlock of an account or an address.
 */
@Service
public class LoginAlerts {

    static final Duration PERIOD = Duration.ofHours(24);
    private static final int SCAN = 500;

    /**
     * An account under attack: failed logins counted now, locked until (null: not locked now), how often it was locked
     * in the period and when last, and the client addresses of those locks.
     */
    public record Alert(
            String account, int failures, Instant lockedUntil, int locks, Instant lastLocked, List<String> addresses) {}

    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final AccountStore store;
    private final ObjectMapper json;

    LoginAlerts(LoginThrottle throttle, AuditTrail audit, AccountStore store, ObjectMapper json) {
        this.throttle = throttle;
        this.audit = audit;
        this.store = store;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<Alert> current() {
        UserAccounts.requireAdministrator();
        Instant since = Instant.now().minus(PERIOD);
        Map<String, Instant> unlocked = new HashMap<>();
        for (AuditEvent event : audit.recent(AuditAction.ACCOUNT_UNLOCKED, SCAN)) {
            unlocked.merge(normalised(detail(event, "target")), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, Builder> alerts = new TreeMap<>();
        for (AuditEvent event : audit.recent(AuditAction.LOGIN_LOCKED, SCAN)) {
            String account = normalised(event.userId());
            Instant lastUnlock = unlocked.get(account);
            if (event.occurredAt().isBefore(since)
                    || (lastUnlock != null && !event.occurredAt().isAfter(lastUnlock))) {
                continue;
            }
            Builder alert = alerts.computeIfAbsent(account, Builder::new);
            alert.locks++;
            if (alert.lastLocked == null || event.occurredAt().isAfter(alert.lastLocked)) {
                alert.lastLocked = event.occurredAt();
            }
            String address = detail(event, "address");
            if (!address.isEmpty()) {
                alert.addresses.add(address);
            }
        }
        for (LoginThrottle.AccountFailures now : throttle.underAttack()) {
            Builder alert = alerts.computeIfAbsent(normalised(now.account()), Builder::new);
            alert.failures = now.failures();
            alert.lockedUntil = now.lockedUntil();
        }
        List<Alert> result = new ArrayList<>();
        alerts.values().forEach(b -> result.add(b.build()));
        result.sort(Comparator.comparing((Alert a) -> a.lockedUntil() == null).thenComparing(Alert::account));
        return result;
    }

    /** The client addresses locked now after failed logins of any names (ADR 0050). */
    public List<LoginThrottle.AddressLock> lockedAddresses() {
        UserAccounts.requireAdministrator();
        return throttle.lockedAddresses();
    }

    /** Ends the account's login lock on every node (and any lock the engine kept from before). */
    @Transactional
    public boolean unlock(String account, Account.Reason request) {
        UserAccounts.requireAdministrator();
        String name = AccountRules.account(account);
        String reason = Reasons.required(request == null ? null : request.reason());
        boolean wasLocked = throttle.unlock(name);
        store.user(name)
                .ifPresent(user -> store.asSystem(() -> {
                    store.identity().unlockUser(user.getId());
                    return null;
                }));
        Map<String, Object> details = UserAccounts.details(name, reason);
        details.put("wasLocked", wasLocked);
        audit.record(AuditAction.ACCOUNT_UNLOCKED, CurrentUser.id(), null, details);
        return wasLocked;
    }

    /**
     * Ends a client address's login lock on every node (ADR 0050): behind a proxy one address can stand for every
     * employee. 404 (nothing recorded) when the address is not locked now.
     */
    @Transactional
    public void unlockAddress(String address, Account.Reason request) {
        UserAccounts.requireAdministrator();
        String reason = Reasons.required(request == null ? null : request.reason());
        String target = address == null ? "" : address.trim();
        if (!throttle.unlockAddress(target)) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.ADDRESS_NOT_LOCKED, "Address '" + target + "' is not locked now.");
        }
        audit.record(AuditAction.ADDRESS_UNLOCKED, CurrentUser.id(), null, UserAccounts.details(target, reason));
    }

    private String detail(AuditEvent event, String field) {
        try {
            JsonNode details = json.readTree(event.details() == null ? "{}" : event.details());
            return details.path(field).asText("");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String normalised(String account) {
        return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Builder {
        private final String account;
        private int failures;
        private Instant lockedUntil;
        private int locks;
        private Instant lastLocked;
        private final TreeSet<String> addresses = new TreeSet<>();

        Builder(String account) {
            this.account = account;
        }

        Alert build() {
            return new Alert(account, failures, lockedUntil, locks, lastLocked, List.copyOf(addresses));
        }
    }
}
