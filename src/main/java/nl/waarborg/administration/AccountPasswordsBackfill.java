package nl.waarborg.administration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.audit.AuditTrail.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts whose password an administrator set before ADR 0058 have no row in {@code wb_account_password}, so their
 * creator could still give them a group with power. Once, at the first start after the upgrade, an existing user
 * without a row whose password the audit trail shows an administrator set (USER_CREATED through the administration,
 * USER_PASSWORD_RESET) gets one: that administrator, then, and a one-time password to replace at the next login, as the
 * administrator may still know it. Users made at start-up or through single sign-on have no such event and stay without
 * a row. The step is then recorded in {@code wb_upgrade_step}: from then on every password an administrator sets gets
 * its row when it is set, and a later start must not give an old event's row to an account made again since (such as
 * the configured first administrator, re-created at a start after a deletion).
 */
@Component
class AccountPasswordsBackfill {

    private static final Logger log = LoggerFactory.getLogger(AccountPasswordsBackfill.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** More than any municipality's count of accounts; the newest events count. */
    static final int SCAN = 100_000;

    private final AuditTrail audit;
    private final AccountStore store;
    private final JdbcClient jdbc;

    AccountPasswordsBackfill(AuditTrail audit, AccountStore store, JdbcClient jdbc) {
        this.audit = audit;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** The step's name in {@code wb_upgrade_step}. */
    static final String STEP = "adr-0058-account-passwords";

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (done()) {
            return;
        }
        int filled = fillIn();
        if (filled > 0) {
            log.info(
                    "{} account(s) whose password an administrator set before ADR 0058 now replace it at the next login.",
                    filled);
        }
        markDone();
    }

    private boolean done() {
        return jdbc.sql("SELECT COUNT(*) FROM wb_upgrade_step WHERE name = :name")
                        .param("name", STEP)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void markDone() {
        try {
            jdbc.sql("INSERT INTO wb_upgrade_step (name, done_at) VALUES (:name, :at)")
                    .param("name", STEP)
                    .param("at", Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // Another node did the same step at the same start.
        }
    }

    /** Fills in the missing rows; answers how many. */
    int fillIn() {
        Map<String, AuditEvent> lastSet = new HashMap<>();
        for (AuditAction action : List.of(AuditAction.USER_CREATED, AuditAction.USER_PASSWORD_RESET)) {
            for (AuditEvent event : audit.recent(action, SCAN)) {
                JsonNode details = details(event);
                String target = details.path("target").asText(null);
                boolean byAdministrator = target != null
                        && event.userId() != null
                        && !event.userId().equals(target)
                        && details.path("source").isMissingNode();
                if (byAdministrator) {
                    lastSet.merge(target, event, (a, b) -> a.seq() > b.seq() ? a : b);
                }
            }
        }
        int filled = 0;
        for (Map.Entry<String, AuditEvent> entry : lastSet.entrySet()) {
            String user = entry.getKey();
            if (store.user(user).isEmpty() || hasRow(user)) {
                continue;
            }
            try {
                jdbc.sql("INSERT INTO wb_account_password (user_id, set_by, set_at, change_required)"
                                + " VALUES (:user, :by, :at, TRUE)")
                        .param("user", user)
                        .param("by", entry.getValue().userId())
                        .param("at", Timestamp.from(entry.getValue().occurredAt()))
                        .update();
                filled++;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // Another node filled it in at the same start: the same row.
            }
        }
        return filled;
    }

    private boolean hasRow(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_account_password WHERE user_id = :user")
                        .param("user", user)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static JsonNode details(AuditEvent event) {
        try {
            return event.details() == null ? JSON.createObjectNode() : JSON.readTree(event.details());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
