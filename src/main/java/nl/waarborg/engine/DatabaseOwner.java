package nl.waarborg.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Two database accounts on PostgreSQL (ADR 0021): the owner creates and migrates the schema, the application works
 * as a user that may only read and write rows, so it can neither drop nor disable the immutability triggers. The
 * split is on when Flyway's account ({@code spring.flyway.user}, WAARBORG_DB_OWNER_USER) differs from the
 * application's. Then, before the engine starts, the owner grants the application user its rows (also in tables
 * created later, through default privileges), creates or upgrades Camunda's tables with a short-lived engine of its
 * own and creates {@link EngineIndexes}; the application's engine then never changes the schema.
 */
@Component
public class DatabaseOwner extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOwner.class);

    private final String url;
    private final String appUser;
    private final String ownerUser;
    private final String ownerPassword;

    public DatabaseOwner(
            @Value("${spring.flyway.url:${spring.datasource.url:}}") String url,
            @Value("${spring.datasource.username:}") String appUser,
            @Value("${spring.flyway.user:}") String ownerUser,
            @Value("${spring.flyway.password:}") String ownerPassword) {
        this.url = url;
        this.appUser = appUser;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
    }

    /** Whether the schema belongs to an owner account other than the application's. */
    public boolean split() {
        return !ownerUser.isBlank() && !ownerUser.equalsIgnoreCase(appUser);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!split()) {
            return;
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("A separate schema owner (spring.flyway.user, WAARBORG_DB_OWNER_USER) is "
                    + "supported on PostgreSQL only; leave it empty for " + url);
        }
        DataSource owner = new DriverManagerDataSource(url, ownerUser, ownerPassword);
        grantRows(owner);
        createEngineSchema(owner, configuration);
        EngineIndexes.create(owner);
        // The application's engine only checks that the schema is there and current.
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        LOG.info(
                "Database schema owned by '{}'; Waarborg works as '{}', without rights to change the schema",
                ownerUser,
                appUser);
    }

    /** Rows of every table and sequence the owner has made or will make; nothing else (no DDL, no TRUNCATE). */
    private void grantRows(DataSource owner) {
        try (Connection connection = owner.getConnection();
                Statement statement = connection.createStatement()) {
            String app = quoted(appUser);
            String schema = schema(connection);
            statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + app);
            for (String[] grant :
                    new String[][] {{"TABLES", "SELECT, INSERT, UPDATE, DELETE"}, {"SEQUENCES", "USAGE, SELECT"}}) {
                statement.execute("GRANT " + grant[1] + " ON ALL " + grant[0] + " IN SCHEMA " + schema + " TO " + app);
                statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT " + grant[1] + " ON "
                        + grant[0] + " TO " + app);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The schema owner '" + ownerUser + "' could not grant '" + appUser + "' its rows at " + url + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Camunda's own schema update, run by the owner: a short-lived engine that creates or upgrades the tables. */
    private void createEngineSchema(DataSource owner, ProcessEngineConfigurationImpl app) {
        ProcessEngineConfigurationImpl schema = new StandaloneProcessEngineConfiguration();
        schema.setProcessEngineName(app.getProcessEngineName() + "-schema-owner");
        schema.setDataSource(owner);
        schema.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        schema.setDatabaseSchema(app.getDatabaseSchema());
        schema.setDatabaseTablePrefix(app.getDatabaseTablePrefix());
        schema.setHistory(app.getHistory());
        schema.setHistoryLevel(app.getHistoryLevel());
        schema.setJobExecutorActivate(false);
        schema.setMetricsEnabled(false);
        schema.setDbMetricsReporterActivate(false);
        ProcessEngine engine = schema.buildProcessEngine();
        engine.close();
    }

    private static String schema(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        return quoted(schema == null ? "public" : schema);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
