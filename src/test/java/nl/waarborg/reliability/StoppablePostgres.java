package nl.waarborg.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.support.TestDatabaseInitializer;

/**
 * An embedded PostgreSQL 17 of one test alone, which the test may stop (pg_ctl stop -m fast: connections are cut, as
 * in an outage or a fail-over) and start again on the same data and port. The suite's shared server
 * (TestDatabases) is never stopped.
 */
final class StoppablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static StoppablePostgres start(Path dataDirectory, String database) {
        StoppablePostgres postgres = new StoppablePostgres(dataDirectory, ForkedWaarborg.freePort());
        postgres.start();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres;
    }

    void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings that point Waarborg at a database of this server. */
    Map<String, Object> settings(String database) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres");
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        settings.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        settings.put(TestDatabaseInitializer.KEEP_DATASOURCE, true);
        return settings;
    }

    java.sql.Connection connect(String database) throws SQLException {
        return dataSource(database).getConnection();
    }

    javax.sql.DataSource dataSource(String database) {
        return server.getDatabase("postgres", database);
    }

    @Override
    public void close() {
        stop();
    }
}
