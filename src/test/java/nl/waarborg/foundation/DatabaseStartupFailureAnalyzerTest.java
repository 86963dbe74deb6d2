package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import nl.waarborg.config.DatabaseStartupFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** The analyzer on its own: what it recognises as a database failure, what it says, and what it leaves alone. */
class DatabaseStartupFailureAnalyzerTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty(
                    "spring.datasource.url", "jdbc:postgresql://db.example:5432/waarborg?password=s3cret&ssl=true")
            .withProperty("spring.datasource.username", "waarborg")
            .withProperty("spring.datasource.password", "s3cret");

    private final DatabaseStartupFailureAnalyzer analyzer = new DatabaseStartupFailureAnalyzer(environment);

    private static BeanCreationException wrapped(Throwable cause) {
        return new BeanCreationException(
                "processEngineFactoryBean",
                "FactoryBean threw exception on object creation",
                new IllegalStateException("ENGINE-12012 Exception on accessing the database connection", cause));
    }

    @Test
    void aRefusedConnectionNamesTheUrlSettingWithoutParameters() {
        PSQLException refused = new PSQLException(
                "Connection to db.example:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));

        FailureAnalysis analysis = analyzer.analyze(wrapped(refused));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("Waarborg could not connect to its database at jdbc:postgresql://db.example:5432/waarborg:"
                        + " Connection to db.example:5432 refused.");
        assertThat(analysis.getAction())
                .startsWith("Check WAARBORG_DB_URL: is the database server running")
                .contains("WAARBORG_DB_USER")
                .contains("WAARBORG_DB_PASSWORD");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cret");
    }

    @Test
    void aBareConnectExceptionIsRecognisedToo() {
        FailureAnalysis analysis = analyzer.analyze(wrapped(new ConnectException("Connection refused")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("WAARBORG_DB_URL");
    }

    @Test
    void refusedCredentialsPointAtUserAndPassword() {
        PSQLException login = new PSQLException(
                "FATAL: password authentication failed for user \"waarborg\"", PSQLState.INVALID_PASSWORD);

        FailureAnalysis analysis = analyzer.analyze(wrapped(login));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).startsWith("Check WAARBORG_DB_USER and WAARBORG_DB_PASSWORD");
    }

    @Test
    void aMissingDatabasePointsAtTheNameInTheUrl() {
        SQLException missing = new SQLException("FATAL: database \"waarborg\" does not exist", "3D000");

        assertThat(analyzer.analyze(wrapped(missing)).getAction()).startsWith("Create the database");
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(analyzer.analyze(wrapped(new IllegalStateException("Refusing to start: user 'admin' ..."))))
                .isNull();
        assertThat(analyzer.analyze(
                        wrapped(new PSQLException("ERROR: relation x does not exist", PSQLState.UNDEFINED_TABLE))))
                .isNull();
    }

    @Test
    void unresolvedVariablesAreNamedWhateverTheFailure() {
        MockEnvironment incomplete = new MockEnvironment()
                .withProperty("spring.datasource.url", "${WAARBORG_DB_URL}")
                .withProperty("spring.datasource.username", "waarborg")
                .withProperty("spring.datasource.password", "${WAARBORG_DB_PASSWORD}");

        FailureAnalysis analysis = new DatabaseStartupFailureAnalyzer(incomplete)
                .analyze(wrapped(new RuntimeException(
                        "Driver org.postgresql.Driver claims to not accept jdbcUrl, ${WAARBORG_DB_URL}")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo(
                        "Waarborg's database settings are incomplete:"
                                + " WAARBORG_DB_URL (spring.datasource.url), WAARBORG_DB_PASSWORD (spring.datasource.password) not set.");
        assertThat(analysis.getAction())
                .startsWith("Set WAARBORG_DB_URL and WAARBORG_DB_PASSWORD (environment variables)");
    }

    @Test
    void withoutAnEnvironmentItStillRecognisesTheFailure() {
        FailureAnalysis analysis =
                new DatabaseStartupFailureAnalyzer(null).analyze(wrapped(new ConnectException("Connection refused")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("Waarborg could not connect to its database: Connection refused");
    }
}
