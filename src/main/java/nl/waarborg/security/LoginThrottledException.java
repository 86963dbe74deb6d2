package nl.waarborg.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Too many failed logins for this account or from this address: try again after {@link #retryAfterSeconds()}. */
public class LoginThrottledException extends LockedException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration wait) {
        super("Too many failed logins; try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " seconds.");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
