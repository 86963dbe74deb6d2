package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the administrator's notice reads from the throttle, and the unlock that ends a lock before it expires. */
class LoginThrottleUnlockTest {

    private final LoginThrottle throttle =
            new LoginThrottle(new LoginThrottleProperties(4, 1000, Duration.ofHours(1), Duration.ofHours(1)), e -> {});

    @Test
    void anAccountCloseToItsLockOrLockedIsUnderAttack() {
        throttle.failed("Alderman", "10.0.0.9");
        assertThat(throttle.underAttack()).isEmpty();
        throttle.failed("alderman", "10.0.0.9");
        assertThat(throttle.underAttack()).singleElement().satisfies(a -> {
            assertThat(a.account()).isEqualTo("alderman");
            assertThat(a.failures()).isEqualTo(2);
            assertThat(a.lockedUntil()).isNull();
        });
        throttle.failed("alderman", "10.0.0.9");
        throttle.failed("alderman", "10.0.0.9");
        assertThat(throttle.underAttack().get(0).lockedUntil()).isNotNull();
    }

    @Test
    void anUnlockEndsTheLockAtOnce() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("fg", "10.0.0.8");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("fg", "10.0.0.7")).isInstanceOf(LoginThrottledException.class);
        assertThat(throttle.unlock("FG")).isTrue();
        throttle.checkAllowed("fg", "10.0.0.7");
        assertThat(throttle.underAttack()).isEmpty();
        assertThat(throttle.unlock("fg")).isFalse();
    }
}
