package nl.waarborg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in a fixed window and refuses attempts for a while once a
 * count reaches its maximum. Nothing is permanent: a lock ends by itself after {@link LoginThrottleProperties#lock()}.
 * While a key is locked the password is not even checked. Publishes {@link LoginAbuse} once for the first failure of an
 * account in a window and once when an account gets locked, so the audit trail gets a few rows, not one per attempt.
 * In memory per node: a restart forgets the counts, which errs on the side of letting the real user in.
 */
@Component
public class LoginThrottle {

    /** Bound on remembered keys, so a flood of invented user names cannot exhaust memory. */
    static final int MAX_KEYS = 50_000;

    private static final String ACCOUNT = "account:";

    private final LoginThrottleProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** Refuses (LoginThrottledException) while the account or the address is locked. */
    public void checkAllowed(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(remainingLock(accountKey(account), now), remainingLock(addressKey(address), now));
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        evictIfFull(now);
        Window accountWindow = windows.compute(accountKey(account), (k, w) -> count(w, now));
        Window addressWindow = windows.compute(addressKey(address), (k, w) -> count(w, now));
        if (addressWindow.failures >= properties.addressMaxFailures()) {
            addressWindow.lockUntil(now.plus(properties.lock()));
        }
        if (accountWindow.failures == 1) {
            events.publishEvent(new LoginAbuse(normalised(account), address, 1, false));
        }
        if (accountWindow.failures >= properties.accountMaxFailures()
                && accountWindow.lockUntil(now.plus(properties.lock()))) {
            events.publishEvent(new LoginAbuse(normalised(account), address, accountWindow.failures, true));
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
        List<AccountFailures> attacked = new ArrayList<>();
        windows.forEach((key, window) -> {
            if (key.startsWith(ACCOUNT) && !window.expired(now)) {
                boolean locked = window.lockedAt(now);
                if (locked || window.failures >= threshold) {
                    attacked.add(new AccountFailures(
                            key.substring(ACCOUNT.length()), window.failures, locked ? window.lockedUntil : null));
                }
            }
        });
        attacked.sort(Comparator.comparing(AccountFailures::account));
        return attacked;
    }

    /** Ends the account's count and lock on this node at once (an administrator's unlock); true if there was one. */
    public boolean unlock(String account) {
        return windows.remove(accountKey(account)) != null;
    }

    private Window count(Window window, Instant now) {
        Window current = window == null || window.expired(now) ? new Window(now) : window;
        if (!current.lockedAt(now)) {
            current.failures++;
        }
        return current;
    }

    private Duration remainingLock(String key, Instant now) {
        Window window = windows.get(key);
        return window == null || !window.lockedAt(now) ? Duration.ZERO : Duration.between(now, window.lockedUntil);
    }

    private void evictIfFull(Instant now) {
        if (windows.size() >= MAX_KEYS) {
            windows.values().removeIf(w -> w.expired(now));
            if (windows.size() >= MAX_KEYS) {
                windows.clear(); // fail open rather than lock everyone out
            }
        }
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

    /** One key's fixed window: from its first failure until the window passes or, once locked, until the lock ends. */
    private final class Window {
        private final Instant started;
        private int failures;
        private Instant lockedUntil;

        Window(Instant started) {
            this.started = started;
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** Starts a lock unless one runs; true when this call started it. */
        synchronized boolean lockUntil(Instant until) {
            if (lockedUntil != null) {
                return false;
            }
            lockedUntil = until;
            return true;
        }

        boolean expired(Instant now) {
            // A lock that ended also ends its window: the next failure starts a fresh count.
            return !now.isBefore(lockedUntil != null ? lockedUntil : started.plus(properties.window()));
        }
    }
}
