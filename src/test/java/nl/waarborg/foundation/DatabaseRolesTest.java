package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.engine.DatabaseOwner;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On PostgreSQL Waarborg works as a user without rights on the schema, and migrates as a separate owner (ADR 0021):
 * the roles come from docker/postgres-init/waarborg-roles.psql, as in Docker Compose; a whole cycle runs (up to the
 * go-live checks, with frozen versions and the audit trail), and the application's account cannot drop or disable a
 * trigger, alter or drop a table, or create one. The subject is PostgreSQL's roles, so this always runs on the embedded
 * PostgreSQL, once (in the default execution).
 */
class DatabaseRolesTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<String, Object> HIGH_RISK_AI = Map.of(
            "isAiSystem", "YES",
            "annexIiiArea", "ESSENTIAL_SERVICES",
            "profilesPersons", "YES",
            "processesPersonalData", "YES",
            "edpbEvaluationScoring", "YES");

    private final int n = COUNTER.incrementAndGet();
    private final String database = "waarborg_roles_" + n;
    private final String owner = "waarborg_owner_" + n;
    private final String app = "waarborg_app_" + n;
    private final EmbeddedPostgres server = TestDatabases.server();

    @Test
    void theApplicationWorksWithRowsOnlyAndCannotTouchTheGuards() throws Exception {
        createRoles();
        ConfigurableApplicationContext first = start("roles-first");
        try {
            assertThat(first.getBean(DatabaseOwner.class).split()).isTrue();
            assertThat(((ProcessEngineConfigurationImpl)
                                    first.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                            .getDatabaseSchemaUpdate())
                    .isEqualTo("false");
            SystemRecord system =
                    first.getBean(SystemRegistry.class).register("Rollen in de database", null, "ICT", "lead");
            DemoDriver driver = first.getBean(DemoDriver.class);
            CycleService cycles = first.getBean(CycleService.class);
            driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
            List<OpenStep> open = driver.driveUntil(system.id(), "go-live-log-retention", HIGH_RISK_AI);
            OpenSteps.reached(open, "go-live-log-retention");
            assertThat(first.getBean(AuditTrail.class).verify().valid()).isTrue();
        } finally {
            first.close();
        }

        assertThat(tableOwner("act_ru_task")).isEqualTo(owner);
        assertThat(tableOwner("wb_audit_event")).isEqualTo(owner);
        assertThat(tableOwner("waarborg_schema_history")).isEqualTo(owner);
        try (Connection connection = connect(app);
                Statement statement = connection.createStatement()) {
            for (String ddl : List.of(
                    "DROP TRIGGER wb_audit_guard ON wb_audit_event",
                    "ALTER TABLE wb_assessment_version DISABLE TRIGGER wb_version_guard",
                    "ALTER TABLE wb_audit_event ADD COLUMN forged TEXT",
                    "DROP TABLE wb_signature",
                    "TRUNCATE wb_audit_event",
                    "CREATE TABLE wb_forgery (x INT)",
                    "CREATE OR REPLACE FUNCTION wb_refuse_change() RETURNS trigger AS $$ BEGIN RETURN OLD; END $$"
                            + " LANGUAGE plpgsql",
                    "ALTER TABLE act_ru_task DROP COLUMN name_")) {
                assertThatThrownBy(() -> statement.execute(ddl))
                        .as(ddl)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                refusal -> assertThat(refusal.getSQLState())
                                        .as("insufficient_privilege: %s", refusal.getMessage())
                                        .isEqualTo("42501"));
            }
        }

        // A second start on the same database: the owner's steps repeat without harm, and the data is there.
        ConfigurableApplicationContext second = start("roles-second");
        try {
            assertThat(second.getBean(AuditTrail.class).verify().valid()).isTrue();
            assertThat(second.getBean(SystemRegistry.class).list())
                    .extracting(SystemRecord::name)
                    .contains("Rollen in de database");
        } finally {
            second.close();
        }
    }

    private ConfigurableApplicationContext start(String purpose) {
        Map<String, Object> datasource = new LinkedHashMap<>();
        datasource.put("spring.datasource.url", url());
        datasource.put("spring.datasource.username", app);
        datasource.put("spring.datasource.password", app + "-secret");
        datasource.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        return Starts.of(purpose)
                .database(datasource)
                .with("spring.flyway.user", owner)
                .with("spring.flyway.password", owner + "-secret")
                .run();
    }

    /** Runs the Compose script (psql variables filled in) as the superuser in a new database. */
    private void createRoles() throws IOException, SQLException {
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String script = Files.readString(Path.of("docker/postgres-init/waarborg-roles.psql"))
                .replaceAll("(?m)^(--|\\\\).*$", "")
                .replace(":\"db\"", database)
                .replace(":\"owner_user\"", owner)
                .replace(":'owner_password'", "'" + owner + "-secret'")
                .replace(":\"app_user\"", app)
                .replace(":'app_password'", "'" + app + "-secret'");
        try (Connection admin = DriverManager.getConnection(url(), "postgres", "postgres");
                Statement statement = admin.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private String tableOwner(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), "postgres", "postgres");
                Statement statement = connection.createStatement();
                var result = statement.executeQuery(
                        "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table
                                + "'")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(url(), user, user + "-secret");
    }

    /** Without the user in the URL (the embedded server's own URL names the superuser, which would win). */
    private String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }
}
