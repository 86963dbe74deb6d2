package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0030 over real HTTP: a decline without reasons and an advice without motivation are refused on every path
 * (/api, /engine-rest complete and submit-form) with a 400 naming the field, nothing is recorded; the decision and the
 * advice are shown in Dutch on the system page and are in the audit trail.
 */
@WaarborgIntegrationTest
class TriageFollowUpHttpTest {

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

    HttpResponse<String> viaApi(String user, String taskId, Map<String, ?> values) throws Exception {
        return as(user).postJson("/api/tasks/" + taskId + "/complete", JSON.writeValueAsString(values));
    }

    HttpResponse<String> viaEngineRest(String user, String taskId, String operation, Map<String, ?> values)
            throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return as(user).postJson(
                        "/engine-rest/task/" + taskId + "/" + operation,
                        JSON.writeValueAsString(Map.of("variables", variables)));
    }

    static void refusedNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).doesNotContain("\tat ");
    }

    @Test
    void aDeclineWithoutReasonsIsRefusedOnEveryPathAndTheDecisionIsShownAndAudited() throws Exception {
        String systemId = json(as("lead")
                        .postJson(
                                "/api/systems",
                                JSON.writeValueAsString(Map.of("name", "Keuze DPIA", "department", "Burgerzaken"))))
                .path("id")
                .asText();
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        Map<String, Object> answers = new HashMap<>(TriageAnswers.neutral());
        answers.put("processesPersonalData", "YES");
        answers.put("edpbLargeScale", "YES");
        assertThat(viaApi("lead", task("lead", systemId, "fill-in-triage"), answers)
                        .statusCode())
                .isEqualTo(204);

        String choose = task("lead", systemId, "choose-dpia");
        for (String reasons : new String[] {"", "  "}) {
            Map<String, Object> blank = Map.of("dpiaChoice", "DECLINE", "dpiaChoiceReasons", reasons);
            HttpResponse<String> api = viaApi("lead", choose, blank);
            refusedNaming(api, "dpiaChoiceReasons");
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(api).path("field").asText()).isEqualTo("dpiaChoiceReasons");
            refusedNaming(viaEngineRest("lead", choose, "complete", blank), "dpiaChoiceReasons");
            refusedNaming(viaEngineRest("lead", choose, "submit-form", blank), "dpiaChoiceReasons");
        }
        refusedNaming(viaApi("lead", choose, Map.of("dpiaChoice", "DECLINE")), "dpiaChoiceReasons");
        refusedNaming(viaApi("lead", choose, Map.of("dpiaChoice", "LATER")), "dpiaChoice");
        // The reasons cannot be put in place beforehand either: only completing the task gives them.
        assertThat(as("lead")
                        .sendJson(
                                "PUT",
                                "/engine-rest/task/" + choose + "/variables/dpiaChoiceReasons",
                                "{\"value\":\"Van tevoren\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(task("lead", systemId, "choose-dpia")).isEqualTo(choose);
        assertThat(as("manager").get("/api/audit?systemId=" + systemId).body())
                .doesNotContain("ASSESSMENT_CHOICE_RECORDED");

        assertThat(viaEngineRest(
                                "lead",
                                choose,
                                "submit-form",
                                Map.of(
                                        "dpiaChoice",
                                        "DECLINE",
                                        "dpiaChoiceReasons",
                                        "Alleen adresgegevens, laag risico"))
                        .statusCode())
                .isEqualTo(204);
        String advice = task("fg", systemId, "advise-dpia-decline");
        Map<String, Object> noMotivation = Map.of("dpiaDeclineAdvice", "AGREED", "dpiaDeclineAdviceMotivation", " ");
        refusedNaming(viaApi("fg", advice, noMotivation), "dpiaDeclineAdviceMotivation");
        refusedNaming(viaEngineRest("fg", advice, "complete", noMotivation), "dpiaDeclineAdviceMotivation");
        refusedNaming(viaEngineRest("fg", advice, "submit-form", noMotivation), "dpiaDeclineAdviceMotivation");
        assertThat(viaEngineRest(
                                "fg",
                                advice,
                                "complete",
                                Map.of("dpiaDeclineAdvice", "AGREED", "dpiaDeclineAdviceMotivation", "Verantwoord"))
                        .statusCode())
                .isEqualTo(204);

        Http browser = Http.browser(port);
        assertThat(browser.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        String page = browser.get("/systemen/" + systemId).body();
        assertThat(page)
                .contains("Besluiten na de pre-scan")
                .contains("Keuze van de eigenaar")
                .contains("afzien")
                .contains("Alleen adresgegevens, laag risico")
                .contains("Advies over afzien")
                .contains("Verantwoord")
                .contains("DPIA (AVG art. 35)");
        assertThat(as("manager").get("/api/audit?systemId=" + systemId).body()).contains("ASSESSMENT_CHOICE_RECORDED");
    }
}
