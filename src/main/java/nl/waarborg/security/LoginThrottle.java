package nl.waarborg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in a fixed window and refuses attempts for a while once a
 * count reaches its maximum. Nothing is permanent: a lock ends by itself after {@link LoginThrottleProperties#lock()}.
 * While a key is locked the password is not even checked. Publishes {@link LoginAbuse} once for the first failure of an
 * account in a window and once when an account or an address gets locked, and {@link LoginThrottled} once per lock for the attempts
 * it refuses, so the audit trail gets a few rows, not one per attempt.
 * The counts and locks are in the database ({@link LoginFailureStore}): every node on it sees the same lock, and an
 * administrator's unlock on one node holds on all (ADR 0027).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String ACCOUNT = "account:";
    private static final String ADDRESS = "address:";

    private final LoginThrottleProperties properties;
    private final ApplicationEventPublisher events;
    private final LoginFailureStore store;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(LoginThrottleProperties properties, ApplicationEventPublisher events, LoginFailureStore store) {
        this.properties = properties;
        this.events = events;
        this.store = store;
    }

    /**
     * Refuses (LoginThrottledException) while the account or the address is locked; otherwise answers whether the
     * account has failures counted, which a correct password then ends ({@link #succeeded}).
     */
    public boolean checkAllowed(String account, String address) {
        Instant now = clock.instant();
        String accountKey = accountKey(account);
        List<LoginFailureStore.Window> windows = store.current(List.of(accountKey, addressKey(address)), now);
        refuseWhileLocked(windows, now, account, address);
        return windows.stream().anyMatch(w -> w.key().equals(accountKey));
    }

    /** Refuses (LoginThrottledException) while the address is locked: a single sign-on login, which no password guard. */
    public void checkAddress(String address) {
        Instant now = clock.instant();
        refuseWhileLocked(store.current(List.of(addressKey(address)), now), now, null, address);
    }

    public void failed(String account, String address) {
        failed(account, address, null);
    }

    /** Counts a failed login; {@code cause} (e.g. a refused single sign-on) goes with the audit events, if any. */
    public void failed(String account, String address, String cause) {
        Instant now = clock.instant();
        LoginFailureStore.Hit accountHit = store.hit(
                accountKey(account), now, properties.window(), properties.accountMaxFailures(), properties.lock());
        LoginFailureStore.Hit addressHit = store.hit(
                addressKey(address), now, properties.window(), properties.addressMaxFailures(), properties.lock());
        if (accountHit.window().failures() == 1 && !accountHit.lockStarted()) {
            events.publishEvent(new LoginAbuse(normalised(account), address, 1, false, cause));
        }
        if (accountHit.lockStarted()) {
            events.publishEvent(new LoginAbuse(
                    normalised(account), address, accountHit.window().failures(), true, cause));
        }
        if (addressHit.lockStarted()) {
            events.publishEvent(
                    new LoginAbuse(null, address, addressHit.window().failures(), true, cause));
        }
    }

    /** A correct password ends the account's count (not the address's: one good login does not hide a spray). */
    public void succeeded(String account) {
        store.remove(accountKey(account), clock.instant());
    }

    /**
     * An account with failed logins in its current window: locked until {@code lockedUntil} (null when not locked).
     */
    public record AccountFailures(String account, int failures, Instant lockedUntil) {}

    /**
     * The accounts that look attacked, counted on every node: locked now, or with at least half the failures that lock
     * an account. For the administrator's notice.
     */
    public List<AccountFailures> underAttack() {
        Instant now = clock.instant();
        int threshold = Math.max(1, (properties.accountMaxFailures() + 1) / 2);
        return store.active(ACCOUNT, threshold, now).stream()
                .map(w -> new AccountFailures(
                        w.key().substring(ACCOUNT.length()), w.failures(), w.lockedAt(now) ? w.lockedUntil() : null))
                .toList();
    }

    /** A client address locked now: its failures, since when and until when the lock holds. */
    public record AddressLock(String address, int failures, Instant lockedSince, Instant lockedUntil) {}

    /**
     * The client addresses locked now, counted on every node (ADR 0050), for the administrator's notice. A lock starts
     * with a length of {@link LoginThrottleProperties#lock()}, so it started that long before it ends.
     */
    public List<AddressLock> lockedAddresses() {
        Instant now = clock.instant();
        return store.active(ADDRESS, Integer.MAX_VALUE, now).stream()
                .filter(w -> w.lockedAt(now))
                .map(w -> new AddressLock(
                        w.key().substring(ADDRESS.length()),
                        w.failures(),
                        w.lockedUntil().minus(properties.lock()),
                        w.lockedUntil()))
                .toList();
    }

    /** Ends the account's count and lock on every node at once (an administrator's unlock); true if there was one. */
    public boolean unlock(String account) {
        return store.remove(accountKey(account), clock.instant());
    }

    /**
     * Ends the address's lock and its count on every node at once (an administrator's unlock, e.g. of a municipality's
     * proxy); false, and nothing changed, when the address is not locked now.
     */
    public boolean unlockAddress(String address) {
        return store.removeLocked(addressKey(address), clock.instant());
    }

    /** Forgets the windows that have ended, so invented account names do not pile up. */
    @Scheduled(fixedDelayString = "${waarborg.login.cleanup-interval:PT1M}")
    void forgetEnded() {
        store.removeEnded(clock.instant());
    }

    /**
     * Refuses while one of the windows is locked. The first refusal of each lock (on any node) is published as
     * {@link LoginThrottled}; later ones are not, so a flood of attempts during a lock adds one audit row per locked
     * account and per locked address, not one per attempt (ADR 0050). A window read with its refusal recorded is not
     * claimed again: the flag and the lock come from one row, and only a new lock clears the flag, so skipping the
     * claim's update then changes nothing but the work done per refused attempt.
     */
    private void refuseWhileLocked(
            List<LoginFailureStore.Window> windows, Instant now, String account, String address) {
        Duration wait = Duration.ZERO;
        List<String> firstOfLock = new ArrayList<>();
        for (LoginFailureStore.Window window : windows) {
            if (window.lockedAt(now)) {
                Duration left = Duration.between(now, window.lockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
                if (!window.refusalRecorded() && store.claimRefusal(window.key(), window.lockedUntil())) {
                    firstOfLock.add(window.key().startsWith(ACCOUNT) ? "account" : "address");
                }
            }
        }
        if (wait.isZero()) {
            return;
        }
        LoginThrottledException refused = new LoginThrottledException(wait);
        if (!firstOfLock.isEmpty()) {
            publishRefusal(account, address, firstOfLock, refused.retryAfterSeconds());
        }
        throw refused;
    }

    private void publishRefusal(String account, String address, List<String> lockedBy, long retryAfterSeconds) {
        try {
            events.publishEvent(new LoginThrottled(
                    account == null ? null : normalised(account),
                    account,
                    address,
                    List.copyOf(lockedBy),
                    retryAfterSeconds,
                    account == null ? "single sign-on" : "password"));
        } catch (RuntimeException e) {
            // The login stays refused even when the refusal cannot be recorded.
            log.error("Could not record a throttled login in the audit trail", e);
        }
    }

    private static String normalised(String account) {
        return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    }

    private static String accountKey(String account) {
        return ACCOUNT + normalised(account);
    }

    private static String addressKey(String address) {
        return ADDRESS + (address == null ? "unknown" : address);
    }
}
