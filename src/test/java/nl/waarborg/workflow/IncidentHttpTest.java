package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0033 over real HTTP: "Incident melden" by the owner or the privacy officer (others 403, no description 400), a
 * classification outside the choices refused on /engine-rest naming the field, and a suspension shown in Dutch on the
 * system's page.
 */
@WaarborgIntegrationTest
class IncidentHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    String task(String user, String systemId, String activityId) throws Exception {
        for (JsonNode task : json(as(user).get("/api/tasks?limit=1000"))) {
            if (systemId.equals(task.path("systemId").asText())
                    && activityId.equals(task.path("activityId").asText())) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("No open task " + activityId + " for " + systemId);
    }

    HttpResponse<String> complete(String user, String taskId, Map<String, ?> values) throws Exception {
        return as(user).postJson("/api/tasks/" + taskId + "/complete", JSON.writeValueAsString(values));
    }

    @Test
    void theOwnerOrThePrivacyOfficerReportsAnIncidentAndASuspensionShowsOnTheSystemPage() throws Exception {
        String systemId = json(as("lead")
                        .postJson(
                                "/api/systems",
                                JSON.writeValueAsString(
                                        Map.of("name", "Incidentmelding", "department", "Burgerzaken"))))
                .path("id")
                .asText();
        String path = "/api/systems/" + systemId + "/incidents";
        assertThat(as("ethics").postJson(path, "{\"description\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(as("lead").postJson(path, "{\"description\":\"\"}").statusCode())
                .isEqualTo(400);
        assertThat(as("fg").postJson(path, "{\"description\":\"Gegevens naar verkeerde adressen\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> reported = as("lead").postJson(path, "{\"description\":\"Foute afwijzingen\"}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat(json(reported).path("incidentId").asText()).isNotBlank();

        String classify = task("lead", systemId, "classify-incident");
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("incidentSeriousness", Map.of("value", "VERY"));
        wrong.put("incidentBreachRisk", Map.of("value", "NO_BREACH"));
        wrong.put("incidentClassificationMotivation", Map.of("value", "x"));
        HttpResponse<String> refused = as("lead")
                .postJson(
                        "/engine-rest/task/" + classify + "/complete",
                        JSON.writeValueAsString(Map.of("variables", wrong)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("incidentSeriousness");

        assertThat(complete(
                                "lead",
                                classify,
                                Map.of(
                                        "incidentSeriousness", "SERIOUS",
                                        "incidentBreachRisk", "NO_BREACH",
                                        "incidentClassificationMotivation", "Schade aan grondrechten"))
                        .statusCode())
                .isEqualTo(204);
        String provider = task("lead", systemId, "notify-provider");
        assertThat(json(as("lead").get("/engine-rest/task/" + provider))
                        .path("due")
                        .asText())
                .isNotBlank();

        String suspension = task("lead", systemId, "decide-suspension");
        assertThat(complete("lead", suspension, Map.of("suspendUse", "YES", "suspensionMotivation", "Veiligheid"))
                        .statusCode())
                .isEqualTo(204);

        Http browser = Http.browser(port);
        assertThat(browser.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        String page = browser.get("/systemen/" + systemId).body();
        assertThat(page)
                .contains("Incidenten")
                .contains("Opgeschort na een incident")
                .contains("Foute afwijzingen")
                .contains("Ernstig incident (melden binnen 15 dagen)")
                .contains("Incident melden");
        assertThat(json(as("manager").get("/api/audit?systemId=" + systemId)).toString())
                .contains("INCIDENT_REPORTED")
                .contains("INCIDENT_CLASSIFIED")
                .contains("USE_SUSPENDED");
    }
}
