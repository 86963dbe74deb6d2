package nl.waarborg.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/audit/verify} reads and hashes the whole trail: one manager calling it in a loop is refused with 429
 * and Retry-After once over {@code waarborg.audit-verify.per-minute}, while another manager still verifies (ADR 0055).
 */
@WaarborgIntegrationTest
class AuditVerifyLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Value("${waarborg.audit-verify.per-minute}")
    int perMinute;

    @Test
    void oneManagerVerifyingInALoopIsSlowedDownWhileAnotherIsNot() {
        Http looping = Http.api(port).as(newManager(), "demo");
        HttpResponse<String> refused = null;
        for (int i = 0; i <= perMinute && refused == null; i++) {
            HttpResponse<String> r = looping.get("/api/audit/verify");
            if (r.statusCode() != 200) {
                refused = r;
            }
        }
        assertThat(refused)
                .as("a 429 within %d verifications a minute", perMinute + 1)
                .isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("audit verifications a minute");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 61L);
        assertThat(Http.api(port)
                        .as(newManager(), "demo")
                        .get("/api/audit/verify")
                        .statusCode())
                .isEqualTo(200);
    }

    /** A manager of this test's own: the shared context's "manager" verifies in other tests. */
    private String newManager() {
        String id = "toezicht-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.saveWithDemoPassword(identity, identity.newUser(id));
        identity.createMembership(id, "manager");
        return id;
    }
}
