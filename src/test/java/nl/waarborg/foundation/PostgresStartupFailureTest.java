package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * With the postgres profile a start-up that cannot reach its database, or lacks one of its settings, fails
 * quickly with a message that names the setting to fix. No database is involved, so this runs once (on the H2 run).
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresStartupFailureTest {

    @BeforeAll
    static void noDatabaseSettingsFromTheEnvironment() {
        assumeTrue(
                System.getenv("WAARBORG_DB_URL") == null
                        && System.getenv("WAARBORG_DB_USER") == null
                        && System.getenv("WAARBORG_DB_PASSWORD") == null,
                "WAARBORG_DB_* set in the environment");
    }

    @Test
    void anUnreachableDatabaseFailsFastNamingTheSettings(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/waarborg";

        Instant started = Instant.now();
        Throwable failure = Starts.of("unreachable")
                .with("spring.profiles.active", "postgres")
                .with("WAARBORG_DB_URL", url)
                .with("WAARBORG_DB_USER", "waarborg")
                .with("WAARBORG_DB_PASSWORD", "not-printed-anywhere")
                .with("waarborg.test.keep-datasource", true)
                .runExpectingFailure();

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(Starts.messages(failure)).contains("127.0.0.1:" + closedPort);
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains(
                        "could not connect to its database at jdbc:postgresql://127.0.0.1:" + closedPort + "/waarborg")
                .contains("WAARBORG_DB_URL")
                .contains("spring.datasource.url")
                .contains("WAARBORG_DB_USER")
                .contains("WAARBORG_DB_PASSWORD")
                .doesNotContain("not-printed-anywhere");
    }

    @Test
    void missingDatabaseSettingsAreNamed(CapturedOutput output) {
        Starts.of("nosettings")
                .with("spring.profiles.active", "postgres")
                .with("waarborg.test.keep-datasource", true)
                .runExpectingFailure();

        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains(
                        "database settings are incomplete: WAARBORG_DB_URL (spring.datasource.url),"
                                + " WAARBORG_DB_USER (spring.datasource.username), WAARBORG_DB_PASSWORD (spring.datasource.password) not set")
                .contains("Set WAARBORG_DB_URL, WAARBORG_DB_USER and WAARBORG_DB_PASSWORD (environment variables)");
    }

    @Test
    void aMissingDatabaseUserIsNamedOnItsOwn(CapturedOutput output) {
        Starts.of("nouser")
                .with("spring.profiles.active", "postgres")
                .with("WAARBORG_DB_URL", "jdbc:postgresql://127.0.0.1:9/waarborg")
                .with("WAARBORG_DB_PASSWORD", "not-printed-anywhere")
                .with("waarborg.test.keep-datasource", true)
                .runExpectingFailure();

        assertThat(output.getOut())
                .contains("database settings are incomplete: WAARBORG_DB_USER (spring.datasource.username) not set")
                .contains("Set WAARBORG_DB_USER (environment variables)")
                .doesNotContain("not-printed-anywhere");
    }
}
