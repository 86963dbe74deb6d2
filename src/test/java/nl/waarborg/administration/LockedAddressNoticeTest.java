package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's notice "Accounts onder vuur" names a client address locked by failed logins of any names
 * (ADDRESS_LOCKED, ADR 0050) while the lock holds, on the page and in /api/admin/locked-addresses, and no longer once
 * it has ended. Over real HTTP: the address is locked by a spray of wrong logins from this test's own address, seen by
 * an administrator whose session was opened before (a logged-in session is not throttled).
 */
@WaarborgIntegrationTest
class LockedAddressNoticeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Other tests' failures from this client address must not lock it before the spray here. */
    @BeforeEach
    void forgetAddressCounts() {
        jdbc.sql("DELETE FROM wb_login_failure WHERE throttle_key LIKE 'address:%'")
                .update();
    }

    @Test
    void aLockedAddressIsShownWhileTheLockHoldsAndNotAfterwards() throws InterruptedException {
        Http admin = Http.browser(port);
        assertThat(admin.formLogin("admin", "demo").statusCode()).isEqualTo(302);
        assertThat(admin.get("/beheer").body()).doesNotContain("Geblokkeerde adressen");

        HttpResponse<String> last = null;
        for (int i = 0; i < 30 && (last == null || last.statusCode() != 429); i++) {
            last = Http.api(port).as("spray-" + UUID.randomUUID(), "wrong").get("/api/tasks");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        String key = jdbc.sql("SELECT throttle_key FROM wb_login_failure WHERE throttle_key LIKE 'address:%'"
                        + " AND locked_until IS NOT NULL")
                .query(String.class)
                .single();
        String address = key.substring("address:".length());
        // The test settings lock for 2 s, which a slow machine could spend rendering the page: the lock is made a few
        // seconds longer in the shared table, as a longer waarborg.login.lock would make it.
        Instant lockedUntil = Instant.now().plusSeconds(6);
        jdbc.sql("UPDATE wb_login_failure SET locked_until = :until, expires_at = :until WHERE throttle_key = :key")
                .param("until", lockedUntil.toEpochMilli())
                .param("key", key)
                .update();

        HttpResponse<String> locked = admin.get("/beheer");
        assertThat(locked.statusCode()).isEqualTo(200);
        assertThat(locked.body())
                .contains("Accounts onder vuur", "Geblokkeerde adressen", "Geblokkeerd sinds", "Geblokkeerd tot")
                .contains("<th scope=\"row\">" + address + "</th>")
                .contains("Een adres kunt u niet ontgrendelen");
        HttpResponse<String> api = admin.get("/api/admin/locked-addresses");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"address\":\"" + address + "\"", "\"failures\":25", "\"lockedUntil\":");
        // Logins from the address are still refused while it is shown.
        assertThat(Http.api(port).as("admin", "demo").get("/api/tasks").statusCode())
                .isEqualTo(429);

        while (!Instant.now().isAfter(lockedUntil.plusMillis(200))) {
            Thread.sleep(100);
        }
        String after = admin.get("/beheer").body();
        assertThat(after).doesNotContain("Geblokkeerde adressen").doesNotContain("<th scope=\"row\">" + address + "<");
        assertThat(admin.get("/api/admin/locked-addresses").body()).isEqualTo("[]");
        assertThat(Http.api(port).as("admin", "demo").get("/api/tasks").statusCode())
                .isEqualTo(200);
    }
}
