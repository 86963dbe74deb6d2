package nl.waarborg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    public void failed(String account, String address) {
        Instant now = clock.instant();
        FixedWindows.Window accountWindow = windows.hit(accountKey(account), now);
        FixedWindows.Window addressWindow = windows.hit(addressKey(address), now);
        if (addressWindow.count() >= properties.addressMaxFailures()) {
            addressWindow.lockUntil(now.plus(properties.lock()));
        }
        if (accountWindow.count() == 1) {
            events.publishEvent(new LoginAbuse(normalised(account), address, 1, false));
        }
        if (accountWindow.count() >= properties.accountMaxFailures()
                && accountWindow.lockUntil(now.plus(properties.lock()))) {
            events.publishEvent(new LoginAbuse(normalised(account), address, accountWindow.count(), true));
        }
    }

    /** A correct password ends the account's count (not the address's: one good login does not hide a spray). */
    public void succeeded(String account) {
        windows.remove(accountKey(account));
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
        return "account:" + normalised(account);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
