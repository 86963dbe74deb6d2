package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.ThisAddress;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator lifts the lock of a client address (ADR 0050), over the API and with the button in "Accounts onder
 * vuur": logins from the address work again at once, the lift is one ADDRESS_UNLOCKED row (who, address, reason), a
 * non-administrator gets 403 and an address that is not locked 404 problem+json. Over real HTTP: the test locks its own
 * address with a spray of wrong logins; the sessions that act were opened before (a session is not throttled).
 */
@WaarborgIntegrationTest
class AddressUnlockTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Other tests' failures from this client address must not lock it before the spray here. */
    @RegisterExtension
    final ThisAddress thisAddress = new ThisAddress();

    @Test
    void anAdministratorLiftsAnAddressLockOverTheApiAndLoginsWorkAtOnce() {
        Http admin = session("admin");
        Http manager = session("manager");
        String address = thisAddress.lock(Instant.now().plusSeconds(60));
        long before = lastSeq();
        String path = "/api/admin/locked-addresses/" + address + "/unlock";

        HttpResponse<String> refused = post(manager, path, "{\"reason\":\"Proxy van de gemeente\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> noReason = post(admin, path, "{}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(Http.api(port).as("admin", "demo").get("/api/tasks").statusCode())
                .isEqualTo(429);

        HttpResponse<String> lifted = post(admin, path, "{\"reason\":\"Proxy van de gemeente\"}");
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(204);
        assertThat(Http.api(port).as("admin", "demo").get("/api/tasks").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/api/admin/locked-addresses").body()).isEqualTo("[]");

        HttpResponse<String> again = post(admin, path, "{\"reason\":\"Nog een keer\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(again.body()).contains("not locked");
        assertThat(jdbc.sql("SELECT user_id, details FROM wb_audit_event WHERE action = 'ADDRESS_UNLOCKED'"
                                + " AND seq > :before")
                        .param("before", before)
                        .query((rs, row) -> rs.getString("user_id") + " " + rs.getString("details"))
                        .list())
                .singleElement()
                .asString()
                .startsWith("admin ")
                .contains("\"target\":\"" + address + "\"", "\"reason\":\"Proxy van de gemeente\"");
    }

    @Test
    void theButtonInTheNoticeLiftsTheLock() {
        Http admin = session("admin");
        String address = thisAddress.lock(Instant.now().plusSeconds(60));
        String page = admin.get("/beheer").body();
        UnlockForm.shownIn(page, "/beheer/adressen/ontgrendelen", "address", address, "address-reason-");

        HttpResponse<String> done = admin.postForm(
                "/beheer/adressen/ontgrendelen",
                Http.form("address", address, "reason", "Proxy van de gemeente", "_csrf", Http.csrfTokenFrom(page)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/beheer"));
        assertThat(admin.get("/beheer").body())
                .contains("Het adres is ontgrendeld")
                .doesNotContain("Geblokkeerde adressen");
        assertThat(Http.api(port).as("admin", "demo").get("/api/tasks").statusCode())
                .isEqualTo(200);
    }

    private Http session(String user) {
        return thisAddress.api().session(user);
    }

    /** A JSON POST in the session, with the CSRF token of a page of that session. */
    private static HttpResponse<String> post(Http session, String path, String json) {
        return ApiSteps.postOnPage(session, path, json);
    }

    private long lastSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM wb_audit_event")
                .query(Long.class)
                .single();
    }
}
