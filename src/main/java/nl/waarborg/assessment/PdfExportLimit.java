package nl.waarborg.assessment;

import java.time.Instant;
import nl.waarborg.security.PerUserLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code waarborg.pdf-export.per-minute} PDF exports a minute per user (ADR 0055): rendering a version is the
 * costliest read Waarborg offers, and one user (or a script with their password) must not keep the server busy with
 * it. Over the limit the export answers 429 with Retry-After ({@link PerUserLimit}).
 */
@Component
public class PdfExportLimit {

    private final PerUserLimit limit;

    public PdfExportLimit(@Value("${waarborg.pdf-export.per-minute:20}") int perMinute) {
        this.limit = new PerUserLimit(perMinute, "PDF exports", " (the JSON export is not limited)");
    }

    /** Counts one export of the user; refuses (429) one over the limit of the current window. */
    public void count(String user, Instant now) {
        limit.count(user, now);
    }
}
