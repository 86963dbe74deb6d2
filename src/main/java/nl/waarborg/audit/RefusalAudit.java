package nl.waarborg.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import nl.waarborg.security.FixedWindows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refused requests on every path (Waarborg's pages, /api, /engine-rest, the Camunda webapps) in the trail, aggregated
 * as failed logins are (with {@link FixedWindows}): the first refusal of a user, operation and status in a window is
 * recorded at once (ACCESS_DENIED for 401/403, REQUEST_REFUSED for other refused writes) with the target and the
 * reason; repeats only count, and when the window ends one REFUSALS_REPEATED row gives their number. An operation is the
 * method and the path with its ids left out, so a script that tries the same thing on many ids stays one row; and a
 * user gets at most {@link #MAX_OPERATIONS} rows per window, after which their refusals are counted under one key.
 */
@Component
public class RefusalAudit {

    static final int MAX_KEYS = 50_000;
    static final int MAX_OPERATIONS = 50;
    static final int MAX_TARGET = 200;
    private static final String PER_USER = "user-operations|";
    private static final Pattern WORD = Pattern.compile("[a-zA-Z][a-zA-Z-]{0,39}");

    private final AuditTrail audit;
    private final FixedWindows windows;

    RefusalAudit(AuditTrail audit, @Value("${waarborg.audit.refusal-window:15m}") Duration window) {
        this.audit = audit;
        this.windows = new FixedWindows(window, MAX_KEYS);
    }

    /** The filter that sees every request's outcome: inside Spring Security (which knows the user), outside the rest. */
    @Bean
    FilterRegistrationBean<RefusalAuditFilter> refusalAuditFilter() {
        FilterRegistrationBean<RefusalAuditFilter> registration =
                new FilterRegistrationBean<>(new RefusalAuditFilter(this));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** One refused request; {@code userId} null for a request without login (then the address counts). */
    public void refused(
            String userId, String address, String method, String path, int status, String reason, Instant now) {
        String principal = userId != null ? userId : "anonymous@" + address;
        String operation = method + " " + operation(path);
        String key = principal + "|" + status + "|" + operation;
        if (windows.hit(key, now).count() > 1) {
            return;
        }
        if (windows.hit(PER_USER + principal, now).count() > MAX_OPERATIONS) {
            windows.remove(key);
            operation = "* (more than " + MAX_OPERATIONS + " operations in this window)";
            if (windows.hit(principal + "|" + status + "|" + operation, now).count() > 1) {
                return;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", channel(path));
        details.put("operation", operation);
        details.put("target", path.length() > MAX_TARGET ? path.substring(0, MAX_TARGET) + "…" : path);
        details.put("status", status);
        details.put("outcome", "refused");
        if (reason != null) {
            details.put("reason", reason);
        }
        if (userId == null) {
            details.put("address", address);
        }
        audit.recordIndependently(
                status == 401 || status == 403 ? AuditAction.ACCESS_DENIED : AuditAction.REQUEST_REFUSED,
                userId,
                null,
                details);
    }

    /** Records how often each refusal was repeated in the windows that have ended. */
    @Scheduled(fixedDelayString = "${waarborg.audit.refusal-flush:PT1M}")
    public void recordRepeats() {
        recordRepeats(Instant.now());
    }

    void recordRepeats(Instant now) {
        for (Map.Entry<String, FixedWindows.Window> ended : windows.removeEnded(now)) {
            if (ended.getKey().startsWith(PER_USER) || ended.getValue().count() < 2) {
                continue;
            }
            String[] parts = ended.getKey().split("\\|", 3);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("operation", parts[2]);
            details.put("status", Integer.parseInt(parts[1]));
            details.put("count", ended.getValue().count());
            details.put("from", ended.getValue().started().toString());
            details.put("until", ended.getValue().last().toString());
            audit.recordIndependently(
                    AuditAction.REFUSALS_REPEATED, parts[0].startsWith("anonymous@") ? null : parts[0], null, details);
        }
    }

    /** The path with every segment that is not a plain word (an id, a number, a key) as {id}. */
    static String operation(String path) {
        StringBuilder operation = new StringBuilder();
        int segments = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (++segments > 8) {
                operation.append("/…");
                break;
            }
            operation.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return operation.isEmpty() ? "/" : operation.toString();
    }

    static String channel(String path) {
        if (path.startsWith("/engine-rest")) {
            return "engine-rest";
        }
        if (path.startsWith("/camunda")) {
            return "camunda-webapps";
        }
        return path.startsWith("/api/") ? "api" : "pages";
    }
}
