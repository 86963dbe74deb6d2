package nl.waarborg.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database triggers that refuse changes to frozen evidence (migrations V3, V6, V7_15) must be there and enabled.
 * When one is missing or disabled, health goes DOWN and an error names it, at start-up and on every health check:
 * the hashes still reveal a change made meanwhile (ADR 0018), but the database no longer prevents it.
 */
@Component("immutabilityGuards")
class ImmutabilityGuards implements HealthIndicator {

    static final List<String> GUARDS = List.of(
            "wb_version_guard",
            "wb_signature_guard",
            "wb_audit_guard",
            "wb_action_point_guard",
            "wb_answer_save_guard",
            "wb_cycle_start_guard");

    private static final Logger LOG = LoggerFactory.getLogger(ImmutabilityGuards.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImmutabilityGuards(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The guards that are not in place now (absent, or disabled on PostgreSQL). */
    List<String> missing() {
        Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        present.addAll(
                postgres()
                        ? jdbc.sql("""
                        SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                        WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND pg_table_is_visible(c.oid)""").query(String.class).list()
                        : jdbc.sql("SELECT trigger_name FROM information_schema.triggers")
                                .query(String.class)
                                .list());
        List<String> missing = new ArrayList<>();
        for (String guard : GUARDS) {
            if (!present.contains(guard)) {
                missing.add(guard);
            }
        }
        return missing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        health();
    }

    @Override
    public Health health() {
        List<String> missing;
        try {
            missing = missing();
        } catch (RuntimeException unreachable) { // the database is down: DOWN, as the datasource indicator says too
            return Health.down()
                    .withDetail("guards", "not checked: database unreachable")
                    .build();
        }
        if (missing.isEmpty()) {
            return Health.up().build();
        }
        LOG.error(
                "Immutability guard(s) missing or disabled: {}. The database no longer refuses changes to frozen versions, "
                        + "signatures or the audit trail; restore the triggers from the migrations (V3, V6, V7_15) and check "
                        + "/api/audit/verify.",
                missing);
        return Health.down().withDetail("missingGuards", missing).build();
    }

    private boolean postgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database product", e);
        }
    }
}
