package nl.waarborg.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The login throttle's lock of the test's own client address (ADR 0050), in the table that all nodes share. Register
 * it with {@code @RegisterExtension final ThisAddress thisAddress = new ThisAddress();} ({@link InContext}): before
 * each test it forgets every address's count, so that other tests' failures from this address do not lock it early or
 * in the middle of a count.
 */
public class ThisAddress extends InContext {

    @Override
    public void beforeEach(ExtensionContext extension) {
        super.beforeEach(extension);
        bean(JdbcClient.class)
                .sql("DELETE FROM wb_login_failure WHERE throttle_key LIKE 'address:%'")
                .update();
    }

    /**
     * Locks this address with wrong logins under new names (the test settings lock after 25, for 2 s) and makes the
     * lock last until {@code until} in the shared table, as a longer waarborg.login.lock would, so that a slow machine
     * cannot outlast it. Answers the address as the throttle counts it.
     */
    public String lock(Instant until) {
        HttpResponse<String> last = null;
        for (int i = 0; i < 30 && (last == null || last.statusCode() != 429); i++) {
            last = Http.api(port()).as("spray-" + UUID.randomUUID(), "wrong").get("/api/tasks");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        JdbcClient jdbc = bean(JdbcClient.class);
        String key = jdbc.sql("SELECT throttle_key FROM wb_login_failure WHERE throttle_key LIKE 'address:%'"
                        + " AND locked_until IS NOT NULL")
                .query(String.class)
                .single();
        jdbc.sql("UPDATE wb_login_failure SET locked_until = :until, expires_at = :until WHERE throttle_key = :key")
                .param("until", until.toEpochMilli())
                .param("key", key)
                .update();
        return key.substring("address:".length());
    }
}
