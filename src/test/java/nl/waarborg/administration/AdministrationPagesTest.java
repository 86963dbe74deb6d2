package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import nl.waarborg.identity.Groups;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Beheer pages over real HTTP with a browser session: for administrators only, linked from the navigation, with the
 * notice of accounts under attack, the link to stuck work, and Dutch messages for refusals.
 */
@WaarborgIntegrationTest
class AdministrationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private Http loggedIn(String user) {
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return browser;
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    @Test
    void onlyAdministratorsSeeBeheerAndItsLink() {
        Http lead = loggedIn("lead");
        HttpResponse<String> refused = lead.get("/beheer");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("U heeft geen toegang tot deze pagina.");
        assertThat(lead.get("/systemen").body()).doesNotContain("href=\"/beheer\"");
        assertThat(loggedIn("manager").get("/beheer").statusCode()).isEqualTo(403);

        Http admin = loggedIn("admin");
        HttpResponse<String> page = admin.get("/beheer");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Beheer</h1>")
                .contains("href=\"/beheer\"")
                .contains("href=\"/beheer/werk\"")
                .contains("Vastgelopen werk")
                .contains("href=\"/beheer/gebruikers/lead\"");
        assertThat(admin.get("/beheer/gebruikers/lead").body()).contains("Lotte de Projectleider (lead)");
    }

    /** The demo data has a mayor (ADR 0035): a member of the alderman's gate group and of the mayor's group. */
    @Test
    void theDemoMayorLogsInAndIsInTheAldermanAndMayorGroups() {
        Http mayor = loggedIn("burgemeester");
        assertThat(mayor.get("/taken").statusCode()).isEqualTo(200);
        for (String group : List.of(Groups.ALDERMAN, Groups.MAYOR)) {
            assertThat(identity.createUserQuery()
                            .userId("burgemeester")
                            .memberOfGroup(group)
                            .count())
                    .as("member of %s", group)
                    .isEqualTo(1);
        }
        assertThat(loggedIn("admin").get("/beheer/gebruikers/burgemeester").body())
                .contains("Bram de Burgemeester (burgemeester)");
    }

    @Test
    void theNoticeNamesAnAccountUnderAttack() {
        String target = "aanval-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            Http.api(port).as(target, "fout").get("/api/tasks");
        }
        Http admin = loggedIn("admin");
        String page = admin.get("/beheer").body();
        assertThat(page).contains("Accounts onder vuur").contains(target);

        // Its row's unlock form: the account, a labelled reason, the button; sending it ends the count.
        UnlockForm.shownIn(page, "/beheer/ontgrendelen", "account", target, "reason-");
        HttpResponse<String> done = admin.postForm(
                "/beheer/ontgrendelen",
                Http.form("account", target, "reason", "Eigen medewerker", "_csrf", Http.csrfTokenFrom(page)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(admin.get("/beheer").body())
                .contains("Het account is ontgrendeld")
                .doesNotContain(target);
    }

    @Test
    void refusalsComeBackInDutch() {
        Http admin = loggedIn("admin");
        String id = "pagina-" + UUID.randomUUID().toString().substring(0, 8);
        String csrf = Http.csrfTokenFrom(admin.get("/beheer/gebruikers/nieuw").body());
        HttpResponse<String> weak = admin.postForm(
                "/beheer/gebruikers/nieuw",
                form(
                        "id",
                        id,
                        "firstName",
                        "Els",
                        "lastName",
                        "Proef",
                        "email",
                        "els@gemeente.example",
                        "password",
                        "kort",
                        "groups",
                        "manager",
                        "reason",
                        "Nieuw",
                        "_csrf",
                        csrf));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body())
                .contains("Het wachtwoord voldoet niet aan het beleid")
                .contains("value=\"" + id + "\"");
        assertThat(identity.createUserQuery().userId(id).count()).isZero();

        HttpResponse<String> created = admin.postForm(
                "/beheer/gebruikers/nieuw",
                form(
                        "id",
                        id,
                        "firstName",
                        "Els",
                        "lastName",
                        "Proef",
                        "email",
                        "els@gemeente.example",
                        "password",
                        "Paars-Fietspad-Molen-7",
                        "groups",
                        "manager",
                        "reason",
                        "Nieuw",
                        "_csrf",
                        csrf));
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/beheer/gebruikers/" + id);
        assertThat(admin.get("/beheer/gebruikers/" + id).body()).contains("De gebruiker is aangemaakt.");
        assertThat(identity.createUserQuery()
                        .userId(id)
                        .memberOfGroup("manager")
                        .count())
                .isEqualTo(1);

        admin.postForm(
                "/beheer/gebruikers/admin/groepen", form("group", "alderman", "reason", "Mag ik", "_csrf", csrf));
        assertThat(admin.get("/beheer/gebruikers/admin").body()).contains("U kunt uzelf niet aan een groep toevoegen.");
        admin.postForm("/beheer/gebruikers/" + id + "/deactiveren", form("reason", "", "_csrf", csrf));
        assertThat(admin.get("/beheer/gebruikers/" + id).body()).contains("Vul een reden in");
        assertThat(identity.createUserQuery()
                        .userId(id)
                        .memberOfGroup("manager")
                        .count())
                .isEqualTo(1);
    }
}
