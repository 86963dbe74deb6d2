package nl.waarborg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in a fixed window and refuses attempts for a while once a
 * count reaches its maximum. Nothing is permanent: a lock ends by itself after {@link LoginThrottleProperties#lock()}.
 * While a key is locked the password is not even checked. Publishes {@link LoginAbuse} once for the first failure of an
 * account in a window and once when an account gets locked, so the audit trail gets a few rows, not one per attempt.
 * The counting is {@link FixedWindows}. In memory per node: a restart forgets the counts, which errs on the side of letting the real user in.
 */
@Component
public class LoginThrottle {

    /** Bound on remembered keys, so a flood of invented user names cannot exhaust memory. */
    static final int MAX_KEYS = 50_000;

    private static final String ACCOUNT = "account:";

    private final LoginThrottleProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FixedWindows windows;

    public LoginThrottle(LoginThrottleProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.windows = new FixedWindows(properties.window(), MAX_KEYS);
    }

    /** Refuses (LoginThrottledException) while the account or the address is locked. */
    public void checkAllowed(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(remainingLock(accountKey(account), now), remainingLock(addressKey(address), now));
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
    }

    /** Refuses (LoginThrottledException) while the address is locked: a single sign-on login, which no password guard. */
    public void checkAddress(String address) {
        Instant now = clock.instant();
        Duration wait = remainingLock(addressKey(address), now);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
    }

    public void failed(String account, String address) {
        failed(account, address, null);
    }

    /** Counts a failed login; {@code cause} (e.g. a refused single sign-on) goes with the audit events, if any. */
    public void failed(String account, String address, String cause) {
        Instant now = clock.instant();
        FixedWindows.Window accountWindow = windows.hit(accountKey(account), now);
        FixedWindows.Window addressWindow = windows.hit(addressKey(address), now);
        if (addressWindow.count() >= properties.addressMaxFailures()) {
            addressWindow.lockUntil(now.plus(properties.lock()));
        }
        if (accountWindow.count() == 1) {
            events.publishEvent(new LoginAbuse(normalised(account), address, 1, false, cause));
        }
        if (accountWindow.count() >= properties.accountMaxFailures()
                && accountWindow.lockUntil(now.plus(properties.lock()))) {
            events.publishEvent(new LoginAbuse(normalised(account), address, accountWindow.count(), true, cause));
        }
    }

    /** A correct password ends the account's count (not the address's: one good login does not hide a spray). */
    public void succeeded(String account) {
        windows.remove(accountKey(account));
    }

    /**
     * An account with failed logins in its current window: locked until {@code lockedUntil} (null when not locked).
     */
    public record AccountFailures(String account, int failures, Instant lockedUntil) {}

    /**
     * The accounts on this node that look attacked: locked now, or with at least half the failures that lock an
     * account. For the administrator's notice; counts of other nodes are not included (their locks are in the audit
     * trail as LOGIN_LOCKED).
     */
    public List<AccountFailures> underAttack() {
        Instant now = clock.instant();
        int threshold = Math.max(1, (properties.accountMaxFailures() + 1) / 2);
        return windows.active(ACCOUNT, now).stream()
                .filter(e -> e.getValue().lockedAt(now) || e.getValue().count() >= threshold)
                .map(e -> new AccountFailures(
                        e.getKey().substring(ACCOUNT.length()),
                        e.getValue().count(),
                        e.getValue().lockedAt(now) ? e.getValue().lockedUntil() : null))
                .sorted(Comparator.comparing(AccountFailures::account))
                .toList();
    }

    /** Ends the account's count and lock on this node at once (an administrator's unlock); true if there was one. */
    public boolean unlock(String account) {
        return windows.remove(accountKey(account));
    }

    private Duration remainingLock(String key, Instant now) {
        FixedWindows.Window window = windows.current(key, now);
        return window == null || !window.lockedAt(now) ? Duration.ZERO : Duration.between(now, window.lockedUntil());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String normalised(String account) {
        return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    }

    private static String accountKey(String account) {
        return ACCOUNT + normalised(account);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
