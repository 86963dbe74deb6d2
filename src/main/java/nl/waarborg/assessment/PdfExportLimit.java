package nl.waarborg.assessment;

import java.time.Duration;
import java.time.Instant;
import nl.waarborg.security.FixedWindows;
import nl.waarborg.shared.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code waarborg.pdf-export.per-minute} PDF exports a minute per user (ADR 0055): rendering a version is the
 * costliest read Waarborg offers, and one user (or a script with their password) must not keep the server busy with
 * it. Counted per node in memory ({@link FixedWindows}); over the limit the export answers 429 with Retry-After.
 */
@Component
public class PdfExportLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final FixedWindows windows = new FixedWindows(WINDOW, 10_000);
    private final int perMinute;

    public PdfExportLimit(@Value("${waarborg.pdf-export.per-minute:20}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts one export of the user; refuses (429) one over the limit of the current window. */
    public void count(String user, Instant now) {
        FixedWindows.Window window = windows.hit(user, now);
        if (window.count() > perMinute) {
            long retryAfter = Math.max(
                    1, Duration.between(now, window.started().plus(WINDOW)).toSeconds() + 1);
            throw new TooManyRequestsException(
                    "At most " + perMinute + " PDF exports a minute per user; try again in " + retryAfter
                            + " seconds (the JSON export is not limited).",
                    retryAfter);
        }
    }
}
