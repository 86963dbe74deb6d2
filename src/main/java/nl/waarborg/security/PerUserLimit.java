package nl.waarborg.security;

import java.time.Duration;
import java.time.Instant;
import nl.waarborg.shared.TooManyRequestsException;

/**
 * At most so many of one costly request a minute per user (ADR 0055): the PDF export, the audit verification. Counted
 * per node in memory ({@link FixedWindows}); one over the limit is refused with 429 and the seconds until the window
 * ends (Retry-After).
 */
public final class PerUserLimit {

    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final FixedWindows windows = new FixedWindows(WINDOW, 10_000);
    private final int perMinute;
    private final String what;
    private final String note;

    /**
     * @param what the requests counted, plural, for the refusal ("PDF exports")
     * @param note said after the retry time, e.g. what is not limited; empty for nothing
     */
    public PerUserLimit(int perMinute, String what, String note) {
        this.perMinute = perMinute;
        this.what = what;
        this.note = note;
    }

    /** Counts one request of the user; refuses (429) one over the limit of the current window. */
    public void count(String user, Instant now) {
        FixedWindows.Window window = windows.hit(user, now);
        if (window.count() > perMinute) {
            long retryAfter = Math.max(
                    1, Duration.between(now, window.started().plus(WINDOW)).toSeconds() + 1);
            throw new TooManyRequestsException(
                    "At most " + perMinute + " " + what + " a minute per user; try again in " + retryAfter + " seconds"
                            + note + ".",
                    retryAfter);
        }
    }
}
