package nl.waarborg.notification;

import java.time.Duration;
import java.util.Optional;

/**
 * When a mail that failed is tried again: after {@code first}, doubling with each further failed attempt up to
 * {@code longest}; never again once {@code maxAttempts} attempts failed.
 */
record RetryBackoff(int maxAttempts, Duration first, Duration longest) {

    /** The wait before the next attempt after {@code failedAttempts} failed ones; empty when it is time to give up. */
    Optional<Duration> after(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < failedAttempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(wait.compareTo(longest) > 0 ? longest : wait);
    }
}
