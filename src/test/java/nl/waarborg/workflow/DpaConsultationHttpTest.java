package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.forms.Fixtures;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GDPR Art. 36 over real HTTP: the DPA's receipt date cannot precede the submission, and while the DPA's written
 * advice says the processing would infringe, the alderman's approval is refused on /api, /engine-rest complete and
 * submit-form and on the task page (in Dutch), naming the DPA's answer; a rejection is still possible.
 */
@WaarborgIntegrationTest
class DpaConsultationHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
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

    static void refusedNaming(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).doesNotContain("\tat ");
    }

    void completed(String user, String systemId, String activityId, Map<String, ?> values) throws Exception {
        HttpResponse<String> response = viaApi(user, task(user, systemId, activityId), values);
        assertThat(response.statusCode())
                .as(activityId + ": " + response.body())
                .isEqualTo(204);
    }

    @Test
    void anInfringementAnswerRefusesTheAldermansApprovalOnEveryPath() throws Exception {
        String systemId = json(as("lead")
                        .postJson(
                                "/api/systems",
                                JSON.writeValueAsString(Map.of("name", "Raadpleging AP", "department", "Werk"))))
                .path("id")
                .asText();
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        Map<String, Object> triage = new HashMap<>(TriageAnswers.neutral());
        triage.put("purpose", "Fraudesignalen");
        triage.put("dpaListType", "PROFILING");
        triage.put("processesPersonalData", "YES");
        completed("lead", systemId, "fill-in-triage", triage);
        for (char section : List.of('a', 'b', 'c')) {
            completed("lead", systemId, "fill-in-dpia-section-" + section, Fixtures.dpiaSection(section));
        }
        Map<String, Object> d = new HashMap<>(Fixtures.dpiaSection('d'));
        d.put(
                "sectionDMeasures",
                List.of(Map.of("riskId", "R1", "measure", "Menselijke toets", "residualRisk", "HIGH")));
        completed("lead", systemId, "fill-in-dpia-section-d", d);
        completed(
                "fg",
                systemId,
                "privacy-officer-advice",
                Map.of("decision", "APPROVED", "motivation", "Raadpleeg de AP"));

        String submit = task("lead", systemId, "dpa-consultation-submit");
        Map<String, Object> early = Map.of(
                "dpaSubmissionDate", "2027-01-04", "dpaReceiptDate", "2027-01-03", "dpaSubmissionReference", "AP-9");
        refusedNaming(viaApi("lead", submit, early), "dpaReceiptDate");
        refusedNaming(viaEngineRest("lead", submit, "complete", early), "dpaReceiptDate");
        completed(
                "lead",
                systemId,
                "dpa-consultation-submit",
                Map.of(
                        "dpaSubmissionDate",
                        "2027-01-04",
                        "dpaReceiptDate",
                        "2027-01-05",
                        "dpaSubmissionReference",
                        "AP-9"));
        completed(
                "lead",
                systemId,
                "dpa-consultation-answer",
                Map.of(
                        "dpaAnswerDate",
                        "2027-02-20",
                        "dpaAnswerOutcome",
                        "INFRINGEMENT",
                        "dpaAnswerSummary",
                        "Geen grondslag voor profilering"));

        String decide = task("alderman", systemId, "alderman-decision");
        Map<String, Object> approve = Map.of("decision", "APPROVED", "motivation", "Toch doorgaan");
        HttpResponse<String> api = viaApi("alderman", decide, approve);
        refusedNaming(api, "dpaAnswerOutcome");
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(api).path("field").asText()).isEqualTo("dpaAnswerOutcome");
        assertThat(json(api).path("detail").asText()).contains("infringe");
        refusedNaming(viaEngineRest("alderman", decide, "complete", approve), "dpaAnswerOutcome");
        refusedNaming(viaEngineRest("alderman", decide, "submit-form", approve), "dpaAnswerOutcome");

        Http browser = Http.browser(port);
        assertThat(browser.formLogin("alderman", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(browser.get("/systemen/nieuw").body().replace("name=\"_csrf\" content", "x"));
        HttpResponse<String> onPage = browser.send(browser.request("/taken/" + decide + "/afronden")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(approve))));
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(400);
        assertThat(json(onPage).path("message").asText()).contains("inbreuk").contains("niet vaststellen");

        assertThat(task("alderman", systemId, "alderman-decision")).isEqualTo(decide);
        assertThat(as("manager").get("/api/audit?systemId=" + systemId).body())
                .contains("DPA_CONSULTATION_SUBMITTED")
                .doesNotContain("VERSION_FROZEN");
        assertThat(viaApi("alderman", decide, Map.of("decision", "REJECTED", "motivation", "De AP ziet een inbreuk"))
                        .statusCode())
                .isEqualTo(204);
    }
}
