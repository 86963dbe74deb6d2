package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts made before ADR 0058 (no row in wb_account_password): the audit trail tells which administrator set their
 * password, and from the next start that administrator gives them no power and the owner replaces the password first.
 */
@WaarborgIntegrationTest
class AccountPasswordsBackfillTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    AuditTrail audit;

    @Autowired
    AccountPasswords passwords;

    @Autowired
    AccountPasswordsBackfill backfill;

    @Autowired
    JdbcClient jdbc;

    private String oldAccount(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.saveWithDemoPassword(identity, identity.newUser(id));
        return id;
    }

    @Test
    void theAdministratorWhoSetAnOldAccountsPasswordIsFilledInFromTheAuditTrail() {
        String created = oldAccount("oud");
        String reset = oldAccount("oud-reset");
        String sso = oldAccount("oud-sso");
        String untouched = oldAccount("oud-demo");
        audit.record(AuditAction.USER_CREATED, "admin", null, Map.of("target", created, "reason", "Vroeger"));
        audit.record(AuditAction.USER_CREATED, "admin", null, Map.of("target", reset, "reason", "Vroeger"));
        audit.record(AuditAction.USER_PASSWORD_RESET, "admin2", null, Map.of("target", reset, "reason", "Vergeten"));
        audit.record(AuditAction.USER_CREATED, sso, null, Map.of("target", sso, "source", "single-sign-on"));
        audit.record(
                AuditAction.USER_CREATED, "admin", null, Map.of("target", "al-lang-weg-" + created, "reason", "x"));

        // At least these two (another test of the shared context may have left an old-style account too).
        assertThat(backfill.fillIn()).isGreaterThanOrEqualTo(2);
        assertThat(passwords.of(created)).hasValueSatisfying(row -> {
            assertThat(row.setBy()).isEqualTo("admin");
            assertThat(row.changeRequired()).isTrue();
        });
        assertThat(passwords.of(reset).map(AccountPasswords.SetPassword::setBy)).hasValue("admin2");
        assertThat(passwords.of(sso)).isEmpty();
        assertThat(passwords.of(untouched)).isEmpty();
        assertThat(passwords.of("al-lang-weg-" + created)).isEmpty();
        // Once filled in, nothing more: a later start changes no row.
        assertThat(backfill.fillIn()).isZero();

        // From now on the rules of ADR 0058 hold for the old account.
        java.net.http.HttpResponse<String> refused = Http.api(port)
                .as("admin", "demo")
                .sendJson("PUT", "/api/admin/users/" + created + "/groups/alderman", "{\"reason\":\"Benoemd\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.api(port).as(created, "demo").get("/api/tasks").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theBackfillRunsOnceAfterTheUpgradeAndNotAtLaterStarts() {
        // The context's start did the step; a later start finds it recorded and leaves an old-style account alone.
        String again = oldAccount("opnieuw-aangemaakt");
        audit.record(AuditAction.USER_CREATED, "admin", null, Map.of("target", again, "reason", "Vroeger"));
        backfill.atStart();
        assertThat(passwords.of(again)).isEmpty();
        // Without the record (the first start after the upgrade) the start fills it in and records the step.
        jdbc.sql("DELETE FROM wb_upgrade_step WHERE name = :name")
                .param("name", AccountPasswordsBackfill.STEP)
                .update();
        backfill.atStart();
        assertThat(passwords.of(again)).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_upgrade_step WHERE name = :name")
                        .param("name", AccountPasswordsBackfill.STEP)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
