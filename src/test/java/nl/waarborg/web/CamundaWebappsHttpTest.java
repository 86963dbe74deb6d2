package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 21 (ADR 0047): Camunda's webapps as Waarborg serves them over HTTP. Each app gets Waarborg's
 * configuration (the language Camunda ships that Dutch users read, day-first dates) and its user stylesheet hides the
 * "migrate to Camunda 8" banner. The test also pins what the configuration relies on in Camunda's files, so that an
 * upgrade which ships Dutch, renames the banner or stops loading the stylesheet fails here.
 */
@WaarborgIntegrationTest
class CamundaWebappsHttpTest {

    static final List<String> APPS = List.of("admin", "cockpit", "tasklist", "welcome");

    @LocalServerPort
    int port;

    @Test
    void everyAppGetsWaarborgsLocaleDatesAndStylesheet() {
        Http lead = loggedIn("lead");
        Http admin = loggedIn("admin");
        // The settings all four apps import (config.js is an ES module that Camunda loads with import()).
        HttpResponse<String> shared = lead.get("/camunda/app/waarborg-webapps.js");
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.body())
                .contains("export default {")
                .contains("availableLocales: ['en']")
                .contains("fallbackLocale: 'en'")
                .contains("normal: 'DD-MM-YYYY HH:mm'")
                .contains("short: 'DD-MM-YYYY'");
        for (String app : APPS) {
            HttpResponse<String> config = lead.get("/camunda/app/" + app + "/scripts/config.js");
            assertThat(config.statusCode()).as(app).isEqualTo(200);
            assertThat(config.body())
                    .as(app + " config.js")
                    .contains("import waarborg from '../../waarborg-webapps.js';")
                    .containsPattern("export default \\{\\s*\\.\\.\\.waarborg");

            HttpResponse<String> styles = lead.get("/camunda/app/" + app + "/styles/user-styles.css");
            assertThat(styles.statusCode()).as(app).isEqualTo(200);
            assertThat(styles.body().replaceAll("/\\*(?s:.)*?\\*/", "").replaceAll("\\s+", " "))
                    .as(app + " user-styles.css, comments left out")
                    .contains(".ce-eol-banner { display: none !important; }");

            // What the two files rely on: the page loads the stylesheet, the banner has that class.
            // Camunda Admin's page is open to no one (ADR 0019): its index answers 403 even for the administrator.
            if (!app.equals("admin")) {
                // Cockpit is for the administrator, Tasklist and the welcome page for everyone.
                Http reader = app.equals("cockpit") ? admin : lead;
                assertThat(reader.get("/camunda/app/" + app + "/default/").body())
                        .as(app + " index.html")
                        .contains("app/" + app + "/styles/user-styles.css");
            }
            assertThat(lead.get("/camunda/app/" + app + "/camunda-" + app + "-bootstrap.js")
                            .body())
                    .as(app + " bootstrap")
                    .contains("class=\"ce-eol-banner\"");
        }
    }

    @Test
    void tasklistKeepsCamundasShortcutsAndCamundaShipsNoDutch() {
        Http lead = loggedIn("lead");
        assertThat(lead.get("/camunda/app/tasklist/scripts/config.js").body())
                .contains("claimTask: {key: 'ctrl+alt+c'")
                .contains("startProcess: {key: 'ctrl+alt+p'");
        for (String app : APPS) {
            assertThat(lead.get("/camunda/app/" + app + "/locales/en.json").statusCode())
                    .as(app + " English")
                    .isEqualTo(200);
            // When a Camunda release ships Dutch, this fails: then add 'nl' to availableLocales (ADR 0047).
            assertThat(lead.get("/camunda/app/" + app + "/locales/nl.json").statusCode())
                    .as(app + " Dutch")
                    .isEqualTo(404);
        }
    }

    private Http loggedIn(String user) {
        Http http = Http.browser(port);
        assertThat(http.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return http;
    }
}
