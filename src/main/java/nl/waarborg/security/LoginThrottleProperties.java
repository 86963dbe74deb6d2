package nl.waarborg.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling: after {@code accountMaxFailures} failed logins for one account, or {@code addressMaxFailures}
 * from one client address, within {@code window}, further attempts are refused for {@code lock}. Locks always expire.
 */
@ConfigurationProperties(prefix = "waarborg.login")
public record LoginThrottleProperties(
        Integer accountMaxFailures, Integer addressMaxFailures, Duration window, Duration lock) {

    public LoginThrottleProperties {
        accountMaxFailures = accountMaxFailures == null ? 10 : accountMaxFailures;
        addressMaxFailures = addressMaxFailures == null ? 100 : addressMaxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        lock = lock == null ? Duration.ofMinutes(15) : lock;
    }
}
