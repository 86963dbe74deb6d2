package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import nl.waarborg.support.Http;
import nl.waarborg.support.ThisAddress;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

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

    /** Other tests' failures from this client address must not lock it before the spray here. */
    @RegisterExtension
    final ThisAddress thisAddress = new ThisAddress();

    @Test
    void aLockedAddressIsShownWhileTheLockHoldsAndNotAfterwards() throws InterruptedException {
        Http admin = thisAddress.api().session("admin");
        assertThat(admin.get("/beheer").body()).doesNotContain("Geblokkeerde adressen");

        // The test settings lock for 2 s, which a slow machine could spend rendering the page: a few seconds longer.
        Instant lockedUntil = Instant.now().plusSeconds(6);
        String address = thisAddress.lock(lockedUntil);

        HttpResponse<String> locked = admin.get("/beheer");
        assertThat(locked.statusCode()).isEqualTo(200);
        assertThat(locked.body())
                .contains("Accounts onder vuur", "Geblokkeerde adressen", "Geblokkeerd sinds", "Geblokkeerd tot")
                .contains("<th scope=\"row\">" + address + "</th>")
                .contains("Ontgrendel een adres alleen als");
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
