package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the administrator's notice reads from the throttle, and the unlock that ends a lock before it expires, with the
 * counts in the database: two throttles on one database (as two nodes have) count together, see the same lock, and an
 * unlock on one holds on the other. On H2 and PostgreSQL.
 */
@WaarborgIntegrationTest
class LoginThrottleUnlockTest {

    private static final LoginThrottleProperties SETTINGS =
            new LoginThrottleProperties(4, 1000, Duration.ofHours(1), Duration.ofHours(1));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<Object> published = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LoginThrottle node() {
        return new LoginThrottle(SETTINGS, published::add, new LoginFailureStore(jdbc, transactions));
    }

    private <T> java.util.stream.Stream<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast);
    }

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<LoginThrottle.AccountFailures> of(LoginThrottle throttle, String account) {
        return throttle.underAttack().stream()
                .filter(a -> a.account().equals(account))
                .toList();
    }

    @Test
    void anAccountCloseToItsLockOrLockedIsUnderAttackOnEveryNode() {
        LoginThrottle one = node();
        LoginThrottle two = node();
        String name = account("alderman");
        one.failed(name.toUpperCase(), "10.0.0.9");
        assertThat(of(two, name)).isEmpty();
        two.failed(name, "10.0.0.9");
        assertThat(of(one, name)).singleElement().satisfies(a -> {
            assertThat(a.failures()).isEqualTo(2);
            assertThat(a.lockedUntil()).isNull();
        });
        one.failed(name, "10.0.0.9");
        two.failed(name, "10.0.0.9");
        assertThat(of(one, name).get(0).lockedUntil()).isNotNull();
        assertThatThrownBy(() -> one.checkAllowed(name, "10.0.0.7")).isInstanceOf(LoginThrottledException.class);
        assertThat(published(LoginAbuse.class).filter(e -> name.equals(e.account())))
                .extracting(LoginAbuse::locked, LoginAbuse::failures)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, 1), org.assertj.core.groups.Tuple.tuple(true, 4));
    }

    @Test
    void anUnlockOnOneNodeEndsTheLockOnTheOther() {
        LoginThrottle one = node();
        LoginThrottle two = node();
        String name = account("fg");
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? one : two).failed(name, "10.0.0.8");
        }
        assertThatThrownBy(() -> two.checkAllowed(name, "10.0.0.7")).isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> one.checkAllowed(name, "10.0.0.7")).isInstanceOf(LoginThrottledException.class);
        assertThat(one.unlock(name.toUpperCase())).isTrue();
        assertThat(two.checkAllowed(name, "10.0.0.7")).isFalse();
        assertThat(of(two, name)).isEmpty();
        assertThat(two.unlock(name)).isFalse();
    }

    @Test
    void aCorrectPasswordEndsTheCountOnEveryNodeButNotTheAddresssCount() {
        LoginThrottle one = node();
        LoginThrottle two = node();
        String name = account("lead");
        one.failed(name, "10.0.0.6");
        assertThat(two.checkAllowed(name, "10.0.0.6")).isTrue();
        two.succeeded(name);
        assertThat(one.checkAllowed(name, "10.0.0.6")).isFalse();
        assertThat(jdbc.sql("SELECT failures FROM wb_login_failure WHERE throttle_key = 'address:10.0.0.6'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void failuresCountedAtOnceOnTwoNodesAreAllCounted() throws InterruptedException {
        LoginThrottle one = node();
        LoginThrottle two = node();
        String name = account("raced");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            LoginThrottle node = t % 2 == 0 ? one : two;
            String address = "10.0.1." + t;
            Thread thread = new Thread(() -> node.failed(name, address));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(jdbc.sql("SELECT failures FROM wb_login_failure WHERE throttle_key = :key")
                        .param("key", "account:" + name)
                        .query(Integer.class)
                        .single())
                .as("four count, the other two arrive while it is locked")
                .isEqualTo(4);
        assertThat(published(LoginAbuse.class).filter(e -> name.equals(e.account()) && e.locked()))
                .hasSize(1);
    }

    /** Refused attempts on two nodes at once while an account is locked: one of them is published, whichever node. */
    @Test
    void aLockGivesOneThrottledRefusalWhateverTheNodesAndAttempts() throws InterruptedException {
        LoginThrottle one = node();
        LoginThrottle two = node();
        String name = account("locked");
        for (int i = 0; i < 4; i++) {
            one.failed(name, "10.0.2.1");
        }
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            LoginThrottle node = t % 2 == 0 ? one : two;
            String address = "10.0.2." + (10 + t);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    try {
                        node.checkAllowed(name.toUpperCase(), address);
                    } catch (LoginThrottledException expected) {
                        refused.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(refused).hasValue(40);
        assertThat(published(LoginThrottled.class).filter(e -> name.equals(e.account())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.lockedBy()).containsExactly("account");
                    assertThat(e.typed()).isEqualTo(name.toUpperCase());
                    assertThat(e.via()).isEqualTo("password");
                });
        // After an unlock the next lock is a new one, with a refusal of its own.
        one.unlock(name);
        for (int i = 0; i < 4; i++) {
            two.failed(name, "10.0.2.1");
        }
        assertThatThrownBy(() -> one.checkAllowed(name, "10.0.2.1")).isInstanceOf(LoginThrottledException.class);
        assertThat(published(LoginThrottled.class).filter(e -> name.equals(e.account())))
                .hasSize(2);
    }

    /**
     * Once a lock's refusal is recorded, later refusals of that lock on any node see it in the window they read and
     * do not claim it again (no update per refused attempt); a new lock is claimed afresh.
     */
    @Test
    void aRecordedRefusalIsNotClaimedAgain() {
        java.util.concurrent.atomic.AtomicInteger claims = new java.util.concurrent.atomic.AtomicInteger();
        LoginThrottle counted = new LoginThrottle(SETTINGS, published::add, new LoginFailureStore(jdbc, transactions) {
            @Override
            boolean claimRefusal(String key, java.time.Instant lockedUntil) {
                claims.incrementAndGet();
                return super.claimRefusal(key, lockedUntil);
            }
        });
        LoginThrottle other = node();
        String name = account("claimed");
        for (int i = 0; i < 4; i++) {
            other.failed(name, "10.0.3.1");
        }
        assertThatThrownBy(() -> counted.checkAllowed(name, "10.0.3.1")).isInstanceOf(LoginThrottledException.class);
        assertThat(claims).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> counted.checkAllowed(name, "10.0.3.1"))
                    .isInstanceOf(LoginThrottledException.class);
            assertThatThrownBy(() -> other.checkAllowed(name, "10.0.3.2")).isInstanceOf(LoginThrottledException.class);
        }
        assertThat(claims).hasValue(1);
        assertThat(published(LoginThrottled.class).filter(e -> name.equals(e.account())))
                .hasSize(1);

        other.unlock(name);
        for (int i = 0; i < 4; i++) {
            other.failed(name, "10.0.3.1");
        }
        assertThatThrownBy(() -> other.checkAllowed(name, "10.0.3.1")).isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> counted.checkAllowed(name, "10.0.3.1")).isInstanceOf(LoginThrottledException.class);
        assertThat(claims).hasValue(1);
        assertThat(published(LoginThrottled.class).filter(e -> name.equals(e.account())))
                .hasSize(2);
    }

    /** A locked address is published once as locked, and once for the single sign-on it then refuses. */
    @Test
    void aLockedAddressIsPublishedAndRefusesASingleSignOnOnce() {
        LoginThrottle node = new LoginThrottle(
                new LoginThrottleProperties(4, 2, Duration.ofHours(1), Duration.ofHours(1)),
                published::add,
                new LoginFailureStore(jdbc, transactions));
        String address = "10.9." + UUID.randomUUID();
        node.failed(account("one"), address);
        node.failed(account("two"), address);
        assertThat(published(LoginAbuse.class).filter(e -> address.equals(e.address()) && e.account() == null))
                .singleElement()
                .satisfies(e -> assertThat(e.failures()).isEqualTo(2));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> node.checkAddress(address)).isInstanceOf(LoginThrottledException.class);
        }
        assertThat(published(LoginThrottled.class).filter(e -> address.equals(e.address())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.account()).isNull();
                    assertThat(e.lockedBy()).containsExactly("address");
                    assertThat(e.via()).isEqualTo("single sign-on");
                });
    }

    @Test
    void endedWindowsAreForgotten() {
        LoginThrottle throttle = node();
        String name = account("old");
        throttle.failed(name, "10.0.0.5");
        jdbc.sql("UPDATE wb_login_failure SET expires_at = 0 WHERE throttle_key = :key")
                .param("key", "account:" + name)
                .update();
        throttle.forgetEnded();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_login_failure WHERE throttle_key = :key")
                        .param("key", "account:" + name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
