package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import nl.waarborg.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The login throttle's lock of the test's own client address (ADR 0050), in the table that all nodes share. */
final class ThisAddress {

    private ThisAddress() {}

    /** Forgets every address's count, so that other tests' failures from this address do not lock it early. */
    static void forgetCounts(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM wb_login_failure WHERE throttle_key LIKE 'address:%'")
                .update();
    }

    /**
     * Locks this address with wrong logins under new names (the test settings lock after 25, for 2 s) and makes the
     * lock last until {@code until} in the shared table, as a longer waarborg.login.lock would, so that a slow machine
     * cannot outlast it. Answers the address as the throttle counts it.
     */
    static String lock(int port, JdbcClient jdbc, Instant until) {
        HttpResponse<String> last = null;
        for (int i = 0; i < 30 && (last == null || last.statusCode() != 429); i++) {
            last = Http.api(port).as("spray-" + UUID.randomUUID(), "wrong").get("/api/tasks");
        }
        assertThat(last.statusCode()).isEqualTo(429);
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
