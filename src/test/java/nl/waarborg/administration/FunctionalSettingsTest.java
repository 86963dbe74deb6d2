package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Period;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.workflow.GateServiceLevel;
import nl.waarborg.workflow.ReviewSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The run-time settings (ADR 0027) over real HTTP: administrators only, each change checked on the server (400
 * problem+json naming the setting or the reason, nothing stored), recorded with before, after and reason, and used at
 * once by the process beans; the Dutch page does the same.
 */
@WaarborgIntegrationTest
class FunctionalSettingsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GateServiceLevel gateSla;

    @Autowired
    ReviewSchedule reviews;

    @AfterEach
    void backToTheEnvironmentsValues() {
        jdbc.sql("DELETE FROM wb_setting").update();
    }

    private Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    private HttpResponse<String> put(String user, String name, String body) {
        return as(user).sendJson("PUT", "/api/admin/settings/" + name, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private long changes() {
        return jdbc.sql("SELECT COUNT(*) FROM wb_audit_event WHERE action = 'SETTING_CHANGED'")
                .query(Long.class)
                .single();
    }

    private static void refused(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("field").asText()).isEqualTo(field);
    }

    @Test
    void anAdministratorChangesASettingWithAReasonAndItHoldsAtOnce() throws Exception {
        HttpResponse<String> list = as("admin").get("/api/admin/settings");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).findValuesAsText("name"))
                .containsExactly(
                        "gateSlaWorkingDays",
                        "deadlineReminderWorkingDays",
                        "reviewIntervalA",
                        "reviewIntervalB",
                        "reviewIntervalC");
        assertThat(json(list).get(0).path("value").asText()).isEqualTo("10");
        assertThat(json(list).get(0).path("changedBy").isNull()).isTrue();
        assertThat(gateSla.workingDays()).isEqualTo(10);

        long before = changes();
        HttpResponse<String> changed =
                put("admin", "gateSlaWorkingDays", "{\"value\":\" 15 \",\"reason\":\"Besluit college: 3 weken\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).path("value").asText()).isEqualTo("15");
        assertThat(json(changed).path("environmentValue").asText()).isEqualTo("10");
        assertThat(json(changed).path("changedBy").asText()).isEqualTo("admin");
        assertThat(gateSla.workingDays()).as("new gates use it at once").isEqualTo(15);
        assertThat(changes()).isEqualTo(before + 1);
        String details = jdbc.sql(
                        "SELECT details FROM wb_audit_event WHERE action = 'SETTING_CHANGED' ORDER BY seq DESC")
                .query(String.class)
                .list()
                .get(0);
        assertThat(JSON.readTree(details).path("target").asText()).isEqualTo("gateSlaWorkingDays");
        assertThat(JSON.readTree(details).path("before").asText()).isEqualTo("10");
        assertThat(JSON.readTree(details).path("after").asText()).isEqualTo("15");
        assertThat(JSON.readTree(details).path("reason").asText()).isEqualTo("Besluit college: 3 weken");

        assertThat(put("admin", "reviewIntervalA", "{\"value\":\"p18m\",\"reason\":\"Beleid\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(reviews.interval("A")).isEqualTo(Period.ofMonths(18).normalized());
        assertThat(reviews.interval("B")).isEqualTo(Period.ofYears(2));
    }

    @Test
    void refusedChangesNameTheFieldAndChangeNothing() throws Exception {
        long before = changes();
        refused(put("admin", "gateSlaWorkingDays", "{\"value\":\"0\",\"reason\":\"x\"}"), 400, "gateSlaWorkingDays");
        refused(put("admin", "gateSlaWorkingDays", "{\"value\":\"tien\",\"reason\":\"x\"}"), 400, "gateSlaWorkingDays");
        refused(put("admin", "gateSlaWorkingDays", "{\"value\":\"61\",\"reason\":\"x\"}"), 400, "gateSlaWorkingDays");
        refused(put("admin", "reviewIntervalC", "{\"value\":\"P10D\",\"reason\":\"x\"}"), 400, "reviewIntervalC");
        refused(put("admin", "reviewIntervalC", "{\"value\":\"P6Y\",\"reason\":\"x\"}"), 400, "reviewIntervalC");
        refused(put("admin", "gateSlaWorkingDays", "{\"value\":\"12\"}"), 400, "reason");
        refused(
                put("admin", "gateSlaWorkingDays", "{\"value\":\"12\",\"reason\":\"" + "x".repeat(2001) + "\"}"),
                400,
                "reason");
        refused(put("admin", "gateSlaWorkingDays", null), 400, "gateSlaWorkingDays");
        refused(put("admin", "databaseUrl", "{\"value\":\"jdbc:h2:mem:x\",\"reason\":\"x\"}"), 404, "name");
        // Attack: a manager and a privacy officer are no functional administrators.
        assertThat(put("manager", "gateSlaWorkingDays", "{\"value\":\"60\",\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(put("fg", "reviewIntervalA", "{\"value\":\"P5Y\",\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("manager").get("/api/admin/settings").statusCode()).isEqualTo(403);
        assertThat(changes()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_setting").query(Long.class).single())
                .isZero();
        assertThat(gateSla.workingDays()).isEqualTo(10);
    }

    @Test
    void theDutchPageChangesSettingsAndSaysWhatStaysInTheEnvironment() {
        Http admin = Http.browser(port);
        assertThat(admin.formLogin("admin", "demo").statusCode()).isEqualTo(302);
        HttpResponse<String> page = admin.get("/beheer/instellingen");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Termijn van een adviespoort")
                .contains("Herinnering voor een termijn")
                .contains("Niet hier: instellingen van de installatie")
                .contains("single sign-on");
        assertThat(admin.get("/beheer").body()).contains("href=\"/beheer/instellingen\"");
        String csrf = Http.csrfTokenFrom(page.body().replace("name=\"_csrf\" content", "x"));

        HttpResponse<String> wrong = admin.postForm(
                "/beheer/instellingen/deadlineReminderWorkingDays",
                Http.form("value", "-1", "reason", "Proef", "_csrf", csrf));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(admin.follow(wrong.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Deze waarde kan niet");

        HttpResponse<String> saved = admin.postForm(
                "/beheer/instellingen/deadlineReminderWorkingDays",
                Http.form("value", "3", "reason", "Eerder herinneren", "_csrf", csrf));
        assertThat(admin.follow(saved.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("De instelling is opgeslagen en geldt meteen.")
                .contains("Gewijzigd door");

        Http lead = Http.browser(port);
        assertThat(lead.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        assertThat(lead.get("/beheer/instellingen").statusCode()).isEqualTo(403);
    }
}
