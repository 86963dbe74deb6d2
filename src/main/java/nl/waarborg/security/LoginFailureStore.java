package nl.waarborg.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The login throttle's counts and locks in table wb_login_failure, so that every node on one database sees the same
 * lock and an unlock on one node holds on all. A window runs from its first failure until its length passes or, once
 * locked, until the lock ends (its {@code expires_at}); a failure after that starts a fresh count. Counting runs in a
 * transaction of its own with the row locked, so failures counted at once on two nodes are both counted.
 */
@Component
class LoginFailureStore {

    /** Longer keys (absurd account names) are cut: they cannot be real accounts, but still count. */
    static final int MAX_KEY = 300;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    LoginFailureStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * One key's window: its failures, when it started, the lock if one was set (it may have ended), and whether a
     * refusal during that lock has been recorded ({@link #claimRefusal}; a new lock starts without one).
     */
    record Window(String key, int failures, Instant started, Instant lockedUntil, boolean refusalRecorded) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** What one counted failure did: the window after it, and whether this failure started its lock. */
    record Hit(Window window, boolean lockStarted) {}

    /**
     * Counts one failure for the key (not while it is locked) and locks it for {@code lock} once it reaches
     * {@code max} failures; a window that has ended starts afresh.
     */
    Hit hit(String key, Instant now, Duration length, int max, Duration lock) {
        String k = cut(key);
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.execute(status -> count(k, now, length, max, lock));
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                // Another node or thread inserted the key's first failure at the same moment: count on its row.
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    private Hit count(String key, Instant now, Duration length, int max, Duration lock) {
        Optional<Window> current = jdbc.sql("SELECT * FROM wb_login_failure WHERE throttle_key = :key FOR UPDATE")
                .param("key", key)
                .query((rs, row) -> window(rs))
                .optional();
        boolean ended = current.isEmpty() || !now.isBefore(expiry(current.get(), length));
        Window window;
        if (ended) {
            window = new Window(key, 1, now, null, false);
            if (current.isEmpty()) {
                jdbc.sql("INSERT INTO wb_login_failure (throttle_key, failures, window_started, locked_until,"
                                + " expires_at) VALUES (:key, 1, :now, NULL, :expires)")
                        .param("key", key)
                        .param("now", now.toEpochMilli())
                        .param("expires", now.plus(length).toEpochMilli())
                        .update();
            } else {
                write(window, length);
            }
        } else if (current.get().lockedAt(now)) {
            return new Hit(current.get(), false);
        } else {
            Window w = current.get();
            window = new Window(key, w.failures() + 1, w.started(), w.lockedUntil(), false);
            write(window, length);
        }
        if (window.failures() >= max && window.lockedUntil() == null) {
            Window locked = new Window(key, window.failures(), window.started(), now.plus(lock), false);
            write(locked, length);
            return new Hit(locked, true);
        }
        return new Hit(window, false);
    }

    private void write(Window window, Duration length) {
        jdbc.sql("UPDATE wb_login_failure SET failures = :failures, window_started = :started,"
                        + " locked_until = :locked, expires_at = :expires, refusal_recorded = FALSE"
                        + " WHERE throttle_key = :key")
                .param("failures", window.failures())
                .param("started", window.started().toEpochMilli())
                .param(
                        "locked",
                        window.lockedUntil() == null
                                ? null
                                : window.lockedUntil().toEpochMilli())
                .param("expires", expiry(window, length).toEpochMilli())
                .param("key", window.key())
                .update();
    }

    /**
     * Claims the recording of a refusal during the key's lock that ends at {@code lockedUntil}: true for exactly one
     * caller on any node per lock (an update from FALSE to TRUE in a transaction of its own), false for every later one.
     */
    boolean claimRefusal(String key, Instant lockedUntil) {
        Integer claimed = ownTransaction.execute(
                status -> jdbc.sql("UPDATE wb_login_failure SET refusal_recorded = TRUE WHERE throttle_key = :key"
                                + " AND locked_until = :locked AND refusal_recorded = FALSE")
                        .param("key", cut(key))
                        .param("locked", lockedUntil.toEpochMilli())
                        .update());
        return claimed != null && claimed == 1;
    }

    /** The windows of these keys that have not ended. */
    List<Window> current(List<String> keys, Instant now) {
        return jdbc.sql("SELECT * FROM wb_login_failure WHERE throttle_key IN (:keys) AND expires_at > :now")
                .param("keys", keys.stream().map(LoginFailureStore::cut).toList())
                .param("now", now.toEpochMilli())
                .query((rs, row) -> window(rs))
                .list();
    }

    /** The windows whose key starts with the prefix, have not ended, and are locked or have at least that many failures. */
    List<Window> active(String prefix, int failures, Instant now) {
        return jdbc.sql("SELECT * FROM wb_login_failure WHERE throttle_key LIKE :prefix AND expires_at > :now"
                        + " AND (failures >= :failures OR locked_until > :now) ORDER BY throttle_key")
                .param("prefix", prefix + "%")
                .param("now", now.toEpochMilli())
                .param("failures", failures)
                .query((rs, row) -> window(rs))
                .list();
    }

    /** Ends the key's window and lock; true when it had one that had not ended. Joins the caller's transaction. */
    boolean remove(String key, Instant now) {
        String k = cut(key);
        boolean had = !current(List.of(k), now).isEmpty();
        jdbc.sql("DELETE FROM wb_login_failure WHERE throttle_key = :key")
                .param("key", k)
                .update();
        return had;
    }

    /**
     * Ends the key's window only while it is locked at {@code now}; true for the one caller whose delete removed it (a
     * single statement, so two administrators lifting one lock at once get one true). Joins the caller's transaction.
     */
    boolean removeLocked(String key, Instant now) {
        return jdbc.sql("DELETE FROM wb_login_failure WHERE throttle_key = :key AND locked_until > :now")
                        .param("key", cut(key))
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    /** Deletes the windows that have ended; answers how many. */
    int removeEnded(Instant now) {
        return jdbc.sql("DELETE FROM wb_login_failure WHERE expires_at <= :now")
                .param("now", now.toEpochMilli())
                .update();
    }

    private static Instant expiry(Window window, Duration length) {
        return window.lockedUntil() != null
                ? window.lockedUntil()
                : window.started().plus(length);
    }

    private static Window window(java.sql.ResultSet rs) throws java.sql.SQLException {
        long locked = rs.getLong("locked_until");
        boolean unlocked = rs.wasNull();
        return new Window(
                rs.getString("throttle_key"),
                rs.getInt("failures"),
                Instant.ofEpochMilli(rs.getLong("window_started")),
                unlocked ? null : Instant.ofEpochMilli(locked),
                rs.getBoolean("refusal_recorded"));
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
