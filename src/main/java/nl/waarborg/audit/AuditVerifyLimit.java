package nl.waarborg.audit;

import java.time.Instant;
import nl.waarborg.security.PerUserLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code waarborg.audit-verify.per-minute} audit verifications a minute per user (ADR 0055): each one reads
 * and hashes the whole trail and compares every frozen answer with its save, so a loop would keep the server busy.
 * Over the limit {@code GET /api/audit/verify} answers 429 with Retry-After ({@link PerUserLimit}).
 */
@Component
class AuditVerifyLimit {

    private final PerUserLimit limit;

    AuditVerifyLimit(@Value("${waarborg.audit-verify.per-minute:6}") int perMinute) {
        this.limit = new PerUserLimit(perMinute, "audit verifications", "");
    }

    /** Counts one verification of the user; refuses (429) one over the limit of the current window. */
    void count(String user, Instant now) {
        limit.count(user, now);
    }
}
