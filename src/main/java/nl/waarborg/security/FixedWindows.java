package nl.waarborg.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts repeated events per key in fixed windows, bounded in memory: the one way Waarborg aggregates what a stranger
 * or a script can repeat at will, so that it cannot flood the audit trail or memory. Used by {@link LoginThrottle}
 * (failed logins per account and address, with locks) and by the audit trail's record of refused requests (one row per
 * user, operation and window). A window runs from its first event until its length passes or, once locked, until the
 * lock ends; the next event after that starts a fresh count. In memory per node.
 */
public final class FixedWindows {

    private final Duration length;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindows(Duration length, int maxKeys) {
        this.length = length;
        this.maxKeys = maxKeys;
    }

    /** Counts one event for the key (not while its window is locked) and answers its window after the count. */
    public Window hit(String key, Instant now) {
        evictIfFull(now);
        return windows.compute(key, (k, w) -> {
            Window current = w == null || w.expired(now) ? new Window(now) : w;
            if (!current.lockedAt(now)) {
                current.count++;
                current.last = now;
            }
            return current;
        });
    }

    /** The key's window, or null when it has none or it has ended. */
    public Window current(String key, Instant now) {
        Window window = windows.get(key);
        return window == null || window.expired(now) ? null : window;
    }

    /** Removes the key's window; true if it had one. */
    public boolean remove(String key) {
        return windows.remove(key) != null;
    }

    /** The windows whose key starts with the prefix and that have not ended, with their keys. */
    public List<Map.Entry<String, Window>> active(String prefix, Instant now) {
        List<Map.Entry<String, Window>> active = new ArrayList<>();
        windows.forEach((key, window) -> {
            if (key.startsWith(prefix) && !window.expired(now)) {
                active.add(Map.entry(key, window));
            }
        });
        return active;
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

    /** One key's window: when it started, how many events it counted, the last one, and a lock if one runs. */
    public final class Window {
        private final Instant started;
        private volatile int count;
        private volatile Instant last;
        private Instant lockedUntil;

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

        public synchronized Instant lockedUntil() {
            return lockedUntil;
        }

        public synchronized boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** Starts a lock unless one runs; true when this call started it. */
        public synchronized boolean lockUntil(Instant until) {
            if (lockedUntil != null) {
                return false;
            }
            lockedUntil = until;
            return true;
        }

        synchronized boolean expired(Instant now) {
            // A lock that ended also ends its window.
            return !now.isBefore(lockedUntil != null ? lockedUntil : started.plus(length));
        }
    }
}
