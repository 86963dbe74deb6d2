package nl.waarborg.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts repeated events per key in fixed windows, bounded in memory: the one way Waarborg aggregates what a stranger
 * or a script can repeat at will, so that it cannot flood the audit trail or memory. Used by the audit trail's record of
 * refused requests (one row per user, operation and window); failed logins are counted the same way, but in the
 * database, shared by all nodes ({@link LoginFailureStore}). A window runs from its first event until its length
 * passes; the next event after that starts a fresh count. In memory per node.
 */
public final class FixedWindows {

    private final Duration length;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindows(Duration length, int maxKeys) {
        this.length = length;
        this.maxKeys = maxKeys;
    }

    /** Counts one event for the key and answers its window after the count. */
    public Window hit(String key, Instant now) {
        evictIfFull(now);
        return windows.compute(key, (k, w) -> {
            Window current = w == null || w.expired(now) ? new Window(now) : w;
            current.count++;
            current.last = now;
            return current;
        });
    }

    /** Removes the key's window; true if it had one. */
    public boolean remove(String key) {
        return windows.remove(key) != null;
    }

    /** Removes the windows that have ended and answers them with their keys, e.g. to record their totals. */
    public List<Map.Entry<String, Window>> removeEnded(Instant now) {
        List<Map.Entry<String, Window>> ended = new ArrayList<>();
        windows.forEach((key, window) -> {
            if (window.expired(now) && windows.remove(key, window)) {
                ended.add(Map.entry(key, window));
            }
        });
        return ended;
    }

    private void evictIfFull(Instant now) {
        if (windows.size() >= maxKeys) {
            windows.values().removeIf(w -> w.expired(now));
            if (windows.size() >= maxKeys) {
                windows.clear(); // fail open rather than refuse or forget selectively
            }
        }
    }

    /** One key's window: when it started, how many events it counted, and the last one. */
    public final class Window {
        private final Instant started;
        private volatile int count;
        private volatile Instant last;

        Window(Instant started) {
            this.started = started;
        }

        public Instant started() {
            return started;
        }

        public int count() {
            return count;
        }

        public Instant last() {
            return last;
        }

        boolean expired(Instant now) {
            return !now.isBefore(started.plus(length));
        }
    }
}
