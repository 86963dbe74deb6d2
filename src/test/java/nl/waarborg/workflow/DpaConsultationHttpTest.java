package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.forms.Fixtures;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.EngineClock;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GDPR Art. 36 over real HTTP: the DPA's receipt date cannot precede the submission, and while the DPA's written
 * advice says the processing would infringe, the alderman's approval is refused on /api, /engine-rest complete and
 * submit-form and on the task page (in Dutch), naming the DPA's answer; a rejection is still possible.
 */
@WaarborgIntegrationTest
class DpaConsultationHttpTest {

    @RegisterExtension
    final EngineClock clock = new EngineClock();

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

    /** A system whose DPIA (DPA list: profiling) waits for section D, with section C as given. */
    String dpiaAtSectionD(String name, Object sectionCRisks) throws Exception {
        String systemId = json(as("lead")
                        .postJson("/api/systems", JSON.writeValueAsString(Map.of("name", name, "department", "Werk"))))
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
        for (char section : List.of('a', 'b')) {
            completed("lead", systemId, "fill-in-dpia-section-" + section, Fixtures.dpiaSection(section));
        }
        completed("lead", systemId, "fill-in-dpia-section-c", Map.of("sectionCRisks", sectionCRisks));
        return systemId;
    }

    /** A system whose DPIA leaves a high residual risk: the privacy officer has advised, the DPA is to be consulted. */
    String consultation(String name) throws Exception {
        String systemId = dpiaAtSectionD(name, Fixtures.dpiaSection('c').get("sectionCRisks"));
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
        return systemId;
    }

    HttpResponse<String> onPage(String user, String taskId, Map<String, ?> values) {
        return new ApiSteps(port).viaPage(user, taskId, values);
    }

    HttpResponse<String> putVariable(String user, String path, String value) throws Exception {
        return as(user).sendJson("PUT", "/engine-rest/" + path, value);
    }

    @Test
    void anInfringementAnswerRefusesTheAldermansApprovalOnEveryPath() throws Exception {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String systemId = consultation("Raadpleging AP");
        clock.today("2027-02-20");
        String submit = task("lead", systemId, "dpa-consultation-submit");
        Map<String, Object> early = submission("2027-01-03", "AP-9");
        refusedNaming(viaApi("lead", submit, early), "dpaReceiptDate");
        refusedNaming(viaEngineRest("lead", submit, "complete", early), "dpaReceiptDate");
        completed("lead", systemId, "dpa-consultation-submit", submission("2027-01-05", "AP-9"));
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
        // The alderman's form shows the answer given on this content, from the version.
        JsonNode shown = json(as("alderman").get("/api/tasks/" + decide)).path("values");
        assertThat(shown.path("dpaAnswerForDecision").asText()).isEqualTo("INFRINGEMENT");
        assertThat(shown.path("dpaAnswerForDecisionSummary").asText()).isEqualTo("Geen grondslag voor profilering");
        // A hostile project lead cannot rewrite the recorded answer: not through /api ...
        String assessmentId = json(as("lead").get("/api/systems/" + systemId))
                .path("assessments")
                .get(0)
                .path("id")
                .asText();
        String forged = JSON.writeValueAsString(Map.of(
                "dpaAnswerDate", "2027-02-20", "dpaAnswerOutcome", "NO_OBJECTION", "dpaAnswerSummary", "Geen bezwaar"));
        refusedNaming(
                as("lead")
                        .sendJson(
                                "PUT",
                                "/api/assessments/" + assessmentId + "/versions/1/sections/dpa-consultation-answer",
                                forged),
                "section");
        // ... nor through the engine's variables: what the form shows is engine-owned, the answer task's own field
        // is not what the alderman's form or the refusal read.
        for (String user : List.of("lead", "alderman")) {
            HttpResponse<String> put = putVariable(
                    user, "task/" + decide + "/variables/dpaAnswerForDecision", "{\"value\":\"NO_OBJECTION\"}");
            assertThat(put.statusCode()).as(user + ": " + put.body()).isBetween(400, 404);
        }
        refusedNaming(
                putVariable("alderman", "task/" + decide + "/variables/dpaAnswerForDecision", "{\"value\":\"x\"}"),
                "dpaAnswerForDecision");
        putVariable("alderman", "task/" + decide + "/variables/dpaAnswerOutcome", "{\"value\":\"NO_OBJECTION\"}");
        assertThat(json(as("alderman").get("/api/tasks/" + decide))
                        .path("values")
                        .path("dpaAnswerForDecision")
                        .asText())
                .isEqualTo("INFRINGEMENT");
        // A complete approval (advice governance, ADR 0035): only the DPA's answer stands in its way.
        Map<String, Object> approve = new HashMap<>(Map.of("decision", "APPROVED", "motivation", "Toch doorgaan"));
        approve.put("competentBody", "COLLEGE");
        approve.put("conditionVerdicts", JSON.convertValue(shown.path("conditionVerdicts"), List.class));
        List<Map<String, Object>> risks = new ArrayList<>();
        shown.path("residualRiskAcceptances").forEach(row -> {
            Map<String, Object> accepted = new HashMap<>(JSON.convertValue(row, Map.class));
            accepted.put("accepted", true);
            risks.add(accepted);
        });
        approve.put("residualRiskAcceptances", risks);
        HttpResponse<String> api = viaApi("alderman", decide, approve);
        refusedNaming(api, "dpaAnswerOutcome");
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(api).path("field").asText()).isEqualTo("dpaAnswerOutcome");
        assertThat(json(api).path("detail").asText()).contains("infringe");
        refusedNaming(viaEngineRest("alderman", decide, "complete", approve), "dpaAnswerOutcome");
        refusedNaming(viaEngineRest("alderman", decide, "submit-form", approve), "dpaAnswerOutcome");

        HttpResponse<String> onPage = onPage("alderman", decide, approve);
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(400);
        assertThat(json(onPage).path("message").asText()).contains("inbreuk").contains("niet vaststellen");

        assertThat(task("alderman", systemId, "alderman-decision")).isEqualTo(decide);
        assertThat(as("manager").get("/api/audit?systemId=" + systemId).body())
                .contains("DPA_CONSULTATION_SUBMITTED")
                .doesNotContain("VERSION_FROZEN");
        assertThat(viaApi(
                                "alderman",
                                decide,
                                Map.of(
                                        "decision",
                                        "REJECTED",
                                        "motivation",
                                        "De AP ziet een inbreuk",
                                        "competentBody",
                                        "COLLEGE"))
                        .statusCode())
                .isEqualTo(204);
    }

    /** Submitted on 4 January 2027, received by the DPA as given. */
    static Map<String, Object> submission(String receivedOn, String reference) {
        return Map.of(
                "dpaSubmissionDate", "2027-01-04", "dpaReceiptDate", receivedOn, "dpaSubmissionReference", reference);
    }

    static Map<String, Object> extension(String announcedOn, String reasons) {
        return Map.of(
                "dpaExtensionAnnounced", true, "dpaExtensionAnnouncedOn", announcedOn, "dpaExtensionReasons", reasons);
    }

    @Test
    void theDpasExtensionIsCheckedOnEveryPathAndCountsOnce() throws Exception {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String systemId = consultation("Verlenging AP");
        clock.today("2027-02-06");
        completed("lead", systemId, "dpa-consultation-submit", submission("2027-01-05", "AP-10"));
        String answer = task("lead", systemId, "dpa-consultation-answer");
        Map<String, Object> late = extension("2027-02-06", "Complexe verwerking");
        refusedNaming(viaApi("lead", answer, late), "dpaExtensionAnnouncedOn");
        refusedNaming(viaEngineRest("lead", answer, "complete", late), "dpaExtensionAnnouncedOn");
        refusedNaming(viaEngineRest("lead", answer, "submit-form", late), "dpaExtensionAnnouncedOn");
        HttpResponse<String> onPage = onPage("lead", answer, late);
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(400);
        assertThat(json(onPage).path("message").asText()).contains("verlengt zij de termijn niet");
        refusedNaming(viaApi("lead", answer, extension("2027-02-05", " ")), "dpaExtensionReasons");
        // The bookkeeping of the period cannot be set around the rule.
        for (String name : List.of(
                "dpaConsultationExtended",
                "dpaConsultationReceivedOn",
                "dpaConsultationDueDate",
                "dpaConsultationSuspendedDays",
                "dpaConsultationSuspendedFrom")) {
            refusedNaming(
                    putVariable("lead", "task/" + answer + "/variables/" + name, "{\"value\":\"2027-01-20\"}"), name);
        }
        assertThat(task("lead", systemId, "dpa-consultation-answer")).isEqualTo(answer);

        HttpResponse<String> extended =
                viaEngineRest("lead", answer, "submit-form", extension("2027-02-05", "Complexe verwerking"));
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(204);
        String again = task("lead", systemId, "dpa-consultation-answer");
        assertThat(again).isNotEqualTo(answer);
        JsonNode values = json(as("lead").get("/api/tasks/" + again)).path("values");
        assertThat(values.path("dpaConsultationExtended").asBoolean()).isTrue();
        assertThat(values.path("dpaExtensionAnnounced").asBoolean()).isFalse();
        for (HttpResponse<String> second : List.of(
                viaApi("lead", again, extension("2027-02-05", "Nog eens")),
                viaEngineRest("lead", again, "complete", extension("2027-02-05", "Nog eens")))) {
            refusedNaming(second, "dpaExtensionAnnounced");
        }
        HttpResponse<String> secondOnPage = onPage("lead", again, extension("2027-02-05", "Nog eens"));
        assertThat(secondOnPage.statusCode()).isEqualTo(400);
        assertThat(json(secondOnPage).path("message").asText()).contains("maar één keer");
        String audit = as("manager").get("/api/audit?systemId=" + systemId).body();
        assertThat(audit.split("DPA_CONSULTATION_EXTENDED", -1)).hasSize(2);
        assertThat(audit).contains("Complexe verwerking");
    }

    /** A high risk of section C (likelihood medium, impact high) with its origin (16.1.2). */
    private static Map<String, String> highRisk(String id, String risk, String origin) {
        return Map.of(
                "riskId",
                id,
                "risk",
                risk,
                "likelihood",
                "MEDIUM",
                "impact",
                "HIGH",
                "level",
                "HIGH",
                "origin",
                origin);
    }

    @Test
    void aRiskRemovedOnlyFromTheVariablesStillLeadsToConsultation() throws Exception {
        List<Map<String, String>> risks = List.of(
                highRisk("R1", "Onterechte afwijzing", "Koppeling van bestanden"),
                highRisk("R2", "Datalek", "Beveiliging leverancier"));
        String systemId = dpiaAtSectionD("Verborgen risico", risks);
        completed("lead", systemId, "fill-in-dpia-section-d", Fixtures.dpiaSection('d'));
        completed(
                "fg",
                systemId,
                "privacy-officer-advice",
                Map.of(
                        "decision",
                        "SENT_BACK",
                        "motivation",
                        "Maatregel voor R2 ontbreekt",
                        "sendBackTo",
                        List.of("dpia-section-d")));
        String rework = task("lead", systemId, "rework-dpia-section-d");
        // The lead removes R2 from the engine's copy of section C, not from the version.
        HttpResponse<String> forged = putVariable(
                "lead", "task/" + rework + "/variables/sectionCRisks", "{\"value\":\"[]\",\"type\":\"Json\"}");
        assertThat(forged.statusCode()).as(forged.body()).isLessThan(500);
        completed("lead", systemId, "rework-dpia-section-d", Fixtures.dpiaSection('d'));
        completed("fg", systemId, "privacy-officer-advice", Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        assertThat(task("lead", systemId, "dpa-consultation-submit"))
                .as("R2 of the saved section C has no measure: the DPA must be consulted")
                .isNotBlank();
    }
}
