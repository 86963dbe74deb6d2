package nl.waarborg.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Accounts made the way ADR 0058 asks: "admin" creates them with a one-time password, the owner chooses their own, and
 * a second administrator (appointed by the operator, here written into the identity store) gives the groups with
 * power. Tests that make a second administrator remove it again, so that "admin" stays the last one elsewhere.
 */
public final class Accounts {

    /** The second administrator's id; password "demo". */
    public static final String SECOND_ADMINISTRATOR = "beheer2";

    private Accounts() {}

    public static void appointSecondAdministrator(IdentityService identity) {
        if (identity.createUserQuery().userId(SECOND_ADMINISTRATOR).count() == 0) {
            User user = identity.newUser(SECOND_ADMINISTRATOR);
            user.setFirstName("Bas");
            user.setLastName("de Tweede Beheerder");
            user.setEmail("beheer2@example.org");
            DemoUsers.saveWithDemoPassword(identity, user);
        }
        if (identity.createUserQuery()
                        .userId(SECOND_ADMINISTRATOR)
                        .memberOfGroup("admin")
                        .count()
                == 0) {
            identity.createMembership(SECOND_ADMINISTRATOR, "admin");
        }
    }

    public static void removeSecondAdministrator(IdentityService identity) {
        identity.deleteUser(SECOND_ADMINISTRATOR);
    }

    /** The owner replaces the one-time password an administrator set with their own. */
    public static void chooseOwnPassword(int port, String user, String oneTime, String own) {
        HttpResponse<String> changed = Http.api(port)
                .as(user, oneTime)
                .postJson(
                        "/api/me/password",
                        "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + own + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    }

    /** The second administrator (who must exist) gives the user a group. */
    public static void grant(int port, String user, String group) {
        HttpResponse<String> added = Http.api(port)
                .as(SECOND_ADMINISTRATOR, "demo")
                .sendJson("PUT", "/api/admin/users/" + user + "/groups/" + group, "{\"reason\":\"Benoemd\"}");
        assertThat(added.statusCode()).as(added.body()).isIn(200, 204);
    }
}
