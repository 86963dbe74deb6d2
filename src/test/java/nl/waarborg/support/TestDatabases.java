package nl.waarborg.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database the tests run on, chosen by the system property waarborg.test.database (set by the two
 * surefire executions): "h2" (default) or "postgresql", a real PostgreSQL 17 started once per JVM.
 * Every call to {@link #newDatabase()} gives a fresh, empty database so that contexts never share state.
 */
public final class TestDatabases {

    /** System property: load pg_stat_statements into the embedded server (the benchmark's statement profile). */
    public static final String STATEMENT_STATISTICS = "waarborg.test.pg-stat-statements";
    /** Server settings for the embedded PostgreSQL, e.g. {@code shared_buffers=1GB,work_mem=8MB} (the benchmark's). */
    public static final String SERVER_SETTINGS = "waarborg.test.pg-settings";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    /** Contexts on the embedded server; it stops only after they have closed. */
    static void track(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    private TestDatabases() {}

    public static boolean isPostgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty("waarborg.test.database", "h2"));
    }

    public static String name() {
        return isPostgres() ? "PostgreSQL 17 (embedded)" : "H2";
    }

    /** Spring properties for a new, empty database. */
    public static Map<String, Object> newDatabase() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (isPostgres()) {
            String database = "waarborg_test_" + COUNTER.incrementAndGet();
            EmbeddedPostgres server = server();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + database, e);
            }
            properties.put("spring.datasource.url", server.getJdbcUrl("postgres", database));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "postgres");
            properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:waarborg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        return properties;
    }

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // Our own hook stops the server, after the Spring contexts have closed (its built-in hook would race
                // them).
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
                for (String setting : System.getProperty(SERVER_SETTINGS, "").split(",")) {
                    if (setting.contains("=")) {
                        builder.setServerConfig(
                                setting.substring(0, setting.indexOf('=')).trim(),
                                setting.substring(setting.indexOf('=') + 1).trim());
                    }
                }
                if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                    builder.setServerConfig("pg_stat_statements.track_planning", "on");
                }
                postgres = builder.start();
                System.out.println("[waarborg-test] Started embedded PostgreSQL at "
                        + postgres.getJdbcUrl("postgres", "postgres"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        // Let the Spring contexts (closed by their own shutdown hooks) release their connections first.
                        long deadline = System.currentTimeMillis() + 20_000;
                        while (CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive)
                                && System.currentTimeMillis() < deadline) {
                            Thread.sleep(100);
                        }
                        postgres.close();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }
}
