package nl.waarborg.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One system through two rounds, driven only over HTTP: Waarborg's /api for most steps and /engine-rest for some
 * gates, as different clients would. Checks the frozen version, the second version with its diff, the exports and
 * the audit chain.
 */
@WaarborgIntegrationTest
public class FullLifecycleApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    /** The open task of the system with this activity id, as the given user sees it through /api/tasks (all pages in one). */
    String task(String user, String systemId, String activityId) {
        for (JsonNode task : json(as(user).get("/api/tasks?limit=1000"))) {
            if (systemId.equals(task.path("systemId").asText())
                    && activityId.equals(task.path("activityId").asText())) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError(user + " has no task " + activityId + " for system " + systemId + "; tasks: "
                + as(user).get("/api/tasks?limit=1000").body());
    }

    void complete(String user, String systemId, String activityId, Map<String, Object> values) throws Exception {
        HttpResponse<String> response = as(user).postJson(
                        "/api/tasks/" + task(user, systemId, activityId) + "/complete",
                        JSON.writeValueAsString(values));
        assertThat(response.statusCode())
                .as(activityId + ": " + response.body())
                .isEqualTo(204);
    }

    /** Completes a gate through Camunda's own REST API, as Tasklist would. */
    void completeViaEngineRest(String user, String systemId, String activityId, String decision, String motivation)
            throws Exception {
        Map<String, Object> variables =
                Map.of("decision", Map.of("value", decision), "motivation", Map.of("value", motivation));
        HttpResponse<String> response = as(user).postJson(
                        "/engine-rest/task/" + task(user, systemId, activityId) + "/submit-form",
                        JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(response.statusCode())
                .as(activityId + ": " + response.body())
                .isEqualTo(204);
    }

    /** The IAMA of an impactful algorithm is recommended: the owner starts it (ADR 0030). */
    public static final Map<String, Object> START_IAMA = Map.of("iamaChoice", "START");

    public static Map<String, Object> triage() {
        Map<String, Object> v = new HashMap<>(nl.waarborg.process.TriageAnswers.neutral());
        v.put("purpose", "Bijstandsaanvragen sneller beoordelen");
        v.put("legalEffects", "YES");
        return v;
    }

    /**
     * The alderman's approval of an IAMA filled in with {@link #part} whose advice had no conditions: the college
     * decides and accepts the one residual risk of part 5 (ADR 0035).
     */
    public static Map<String, Object> aldermanApproval(String motivation) {
        Map<String, Object> v = new HashMap<>();
        v.put("decision", "APPROVED");
        v.put("motivation", motivation);
        v.put("competentBody", "COLLEGE");
        v.put("conditionVerdicts", List.of());
        v.put(
                "residualRiskAcceptances",
                List.of(Map.of("risk", "Restrisico op fouten bij afwijkende situaties", "accepted", true)));
        return v;
    }

    public static Map<String, Object> part(int part, String goal) {
        Map<String, Object> v = new HashMap<>();
        switch (part) {
            case 1 -> {
                v.put("part1Reason", "Te lange doorlooptijden");
                v.put("part1Goal", goal);
                v.put("part1LegalBasis", "Participatiewet");
                v.put("part1Responsibilities", "Afdelingshoofd Werk en Inkomen");
                v.put(
                        "part1ActionPoints",
                        List.of(Map.of(
                                "what",
                                "Bias-toets uitvoeren",
                                "owner",
                                "Team Data",
                                "dueDate",
                                java.time.LocalDate.now().plusMonths(3).toString())));
            }
            case 2 -> {
                v.put("part2AlgorithmType", "RULE_BASED");
                v.put("part2ProductionData", "Aanvraaggegevens");
                v.put("part2QualityMetrics", "Foutpercentage onder 2%");
                v.put("part2ActionPoints", List.of());
            }
            case 3 -> {
                v.put("part3DeployerProcess", "Intake van bijstandsaanvragen");
                v.put("part3UsePeriodFrequency", "Dagelijks, vanaf 2027");
                v.put("part3AffectedGroups", "Aanvragers van bijstand");
                v.put("part3HumanOversight", "Consulent beslist altijd zelf");
                v.put("part3ActionPoints", List.of());
            }
            case 4 -> {
                v.put(
                        "part4Rights",
                        List.of(Map.of(
                                "right",
                                "non-discriminatie",
                                "impact",
                                "NEGATIVE",
                                "rightWeight",
                                "CORE",
                                "infringementExtent",
                                "FAR_REACHING",
                                "infringementSeverity",
                                "SERIOUS")));
                v.put("part4SpecificRisks", "Indirecte discriminatie op postcode");
                v.put("part4Effectiveness", "Getest op historische aanvragen");
                v.put("part4NecessitySubsidiarity", "Geen minder ingrijpend alternatief");
                v.put("part4RiskResponse", "Klachtenregeling en kwartaalaudit");
                v.put("part4ActionPoints", List.of());
            }
            default -> {
                v.put("part5Balance", "Opbrengst weegt op tegen de risico's");
                v.put("part5Advice", "DEPLOY_WITH_CONDITIONS");
                v.put("part5ResidualRisks", "Restrisico op fouten bij afwijkende situaties");
                v.put("part5ActionPoints", List.of());
            }
        }
        v.putAll(nl.waarborg.forms.ModelQuestionAnswers.iama(part));
        return v;
    }

    void round(String systemId, String goal) throws Exception {
        round(systemId, goal, false);
    }

    /**
     * One round; with {@code carriedOver} the answers to the questions added for IAMA v2 (ADR 0037) are not sent: the
     * round must take them from the version before it.
     */
    void round(String systemId, String goal, boolean carriedOver) throws Exception {
        complete("lead", systemId, "fill-in-triage", triage());
        complete("lead", systemId, "choose-iama", START_IAMA);
        for (int part = 1; part <= 5; part++) {
            Map<String, Object> answers = part(part, goal);
            if (carriedOver) {
                answers.keySet()
                        .removeAll(nl.waarborg.forms.ModelQuestionAnswers.iama(part)
                                .keySet());
            }
            complete("lead", systemId, "fill-in-iama-part-" + part, answers);
        }
        completeViaEngineRest(
                "fg", systemId, "privacy-officer-advice", "APPROVED", "De AVG-risico's zijn goed beschreven");
        complete(
                "ethics",
                systemId,
                "ethics-committee-advice",
                Map.of(
                        "decision",
                        "APPROVED_WITH_CONDITIONS",
                        "motivation",
                        "Publieke waarden zijn meegewogen",
                        "conditions",
                        "Jaarlijkse evaluatie met cliëntenraad"));
        // The college decides; the alderman adopts the ethics committee's condition and accepts the residual risk.
        Map<String, Object> decision = new HashMap<>(DemoDriver.governance(
                engine.getTaskService().getVariables(task("alderman", systemId, "alderman-decision"))));
        decision.put("decision", "APPROVED");
        decision.put("motivation", "Besloten in het college");
        complete("alderman", systemId, "alderman-decision", decision);
        // The action point of part 1 and the adopted condition (ADR 0035), in round 1 only: round 2 has the same
        // points, which were carried out already and do not come back (issue 18).
        if (!carriedOver) {
            completeActionPoints(systemId, List.of("Bias-toets uitgevoerd", "Evaluatie ingepland"));
        }
        assertThat(actionPointTasks(systemId))
                .as("finished action points do not return")
                .isEmpty();
    }

    /** The open action-point tasks of the system, as the project lead sees them. */
    List<JsonNode> actionPointTasks(String systemId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode task : json(as("lead").get("/api/tasks?limit=1000"))) {
            if (systemId.equals(task.path("systemId").asText())
                    && "complete-action-point".equals(task.path("activityId").asText())) {
                found.add(task);
            }
        }
        return found;
    }

    /**
     * Completes the open action points one after the other, each with its own answer and evidence; each task opens
     * empty, never with the answer given to the point before it (issue 18).
     */
    void completeActionPoints(String systemId, List<String> results) throws Exception {
        assertThat(actionPointTasks(systemId)).hasSize(results.size());
        for (String result : results) {
            String id = actionPointTasks(systemId).get(0).path("id").asText();
            JsonNode values = json(as("lead").get("/api/tasks/" + id)).path("values");
            assertThat(values.path("actionPointResult").asText(""))
                    .as("no answer of another action point")
                    .isEmpty();
            assertThat(values.path("actionPointWhat").asText()).isNotBlank();
            HttpResponse<String> response = as("lead")
                    .postJson(
                            "/api/tasks/" + id + "/complete",
                            JSON.writeValueAsString(
                                    Map.of("actionPointResult", result, "actionPointEvidence", "Zaak " + result)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
    }

    @Test
    void listEndpointsRefuseABadLimitOrOffsetNamingIt() {
        for (String path : List.of(
                "/api/tasks?limit=0",
                "/api/tasks?limit=1001",
                "/api/tasks?offset=-1",
                "/api/oversight/blocked?limit=0",
                "/api/oversight/blocked?limit=10001",
                "/api/oversight/blocked?offset=-1",
                "/api/audit?limit=0",
                "/api/audit?limit=10001",
                "/api/audit?offset=-1",
                "/api/systems?limit=0",
                "/api/systems?limit=1001",
                "/api/systems?offset=-1")) {
            HttpResponse<String> refused = as("manager").get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            String parameter = path.contains("offset") ? "offset" : "limit";
            assertThat(refused.body()).as(path).contains("Parameter '" + parameter + "'");
        }
        assertThat(as("manager")
                        .get("/api/oversight/blocked?limit=10000&offset=0")
                        .statusCode())
                .isEqualTo(200);
        assertThat(as("manager").get("/api/audit?limit=10000").statusCode()).isEqualTo(200);
        for (String list : List.of("/api/systems?limit=1000&offset=1", "/api/audit?limit=1&offset=1")) {
            HttpResponse<String> page = as("manager").get(list);
            assertThat(page.statusCode()).as(list).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Total-Count")).as(list).isPresent();
        }
    }

    @Test
    void aSystemGoesThroughTwoRoundsOverHttp() throws Exception {
        HttpResponse<String> created = as("lead")
                .postJson(
                        "/api/systems",
                        "{\"name\":\"Bijstandswijzer\",\"description\":\"Ondersteunt consulenten\",\"department\":\"Werk en Inkomen\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String systemId = json(created).path("id").asText();
        assertThat(as("lead")
                        .postJson(
                                "/api/systems/" + systemId + "/triggers",
                                "{\"type\":\"INCIDENT\",\"description\":\"te vroeg\"}")
                        .statusCode())
                .as("no trigger before Evaluate")
                .isEqualTo(409);

        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(409);
        round(systemId, "Binnen vier weken beslissen");

        JsonNode system = json(as("lead").get("/api/systems/" + systemId));
        assertThat(system.path("phase").asText()).isEqualTo("EVALUATE");
        assertThat(system.path("publicationCategory").asText()).isEqualTo("B");
        JsonNode iama = system.path("assessments").get(0);
        assertThat(iama.path("type").asText()).isEqualTo("IAMA");
        assertThat(iama.path("approvedVersion").asInt()).isEqualTo(1);
        String assessmentId = iama.path("id").asText();

        JsonNode v1 = json(as("manager").get("/api/assessments/" + assessmentId + "/versions/1"));
        assertThat(v1.path("status").asText()).isEqualTo("APPROVED");
        assertThat(v1.path("contentHash").asText()).hasSize(64);
        assertThat(v1.path("hashIntact").asBoolean()).isTrue();
        assertThat(v1.path("signatures")).hasSize(3);
        assertThat(v1.path("signatures").get(1).path("conditions").asText())
                .isEqualTo("Jaarlijkse evaluatie met cliëntenraad");
        // An impactful algorithm: the IAMA is recommended (category B), not required by law; the cycle runs it.
        assertThat(v1.path("triage").path("outcome").path("iamaAdvice").asText())
                .isEqualTo("RECOMMENDED");
        assertThat(v1.path("triage").path("outcome").path("iamaRequired").asBoolean())
                .isFalse();
        assertThat(v1.path("actionPoints").get(0).path("done").asBoolean()).isTrue();
        // What was done and the evidence show in the JSON, on the version page and in the PDF.
        assertThat(v1.path("actionPoints").findValuesAsText("result"))
                .containsExactlyInAnyOrder("Bias-toets uitgevoerd", "Evaluatie ingepland");
        assertThat(v1.path("actionPoints").findValuesAsText("evidence"))
                .containsExactlyInAnyOrder("Zaak Bias-toets uitgevoerd", "Zaak Evaluatie ingepland");
        Http reader = Http.browser(port);
        reader.formLogin("manager", "demo");
        assertThat(reader.get("/beoordelingen/" + assessmentId + "/versies/1", "text/html")
                        .body())
                .contains("Bias-toets uitgevoerd")
                .contains("Zaak Evaluatie ingepland");
        HttpResponse<byte[]> pdf1 =
                as("lead").getBytes("/api/assessments/" + assessmentId + "/versions/1/export?format=pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf1.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper()
                            .getText(document)
                            .replaceAll("\\s+", "")) // the PDF breaks cell text at hyphens and spaces
                    .contains("Bias-toetsuitgevoerd")
                    .contains("ZaakBias-toetsuitgevoerd");
        }

        // A serious incident in the Evaluate phase starts round 2, pre-filled from version 1.
        assertThat(as("lead")
                        .postJson(
                                "/api/systems/" + systemId + "/triggers",
                                "{\"type\":\"INCIDENT\",\"description\":\"Klacht over een onterechte afwijzing\"}")
                        .statusCode())
                .isEqualTo(202);
        // The answers to the questions of IAMA v2 that round 1 gave carry over: round 2 does not send them again.
        round(systemId, "Binnen drie weken beslissen", true);

        JsonNode v2 = json(as("manager").get("/api/assessments/" + assessmentId + "/versions/2"));
        assertThat(v2.path("status").asText()).isEqualTo("APPROVED");
        // Version 2 lists the same points, done in round 1, with what was done then.
        assertThat(v2.path("actionPoints").findValuesAsText("done")).containsOnly("true");
        assertThat(v2.path("actionPoints").findValuesAsText("result"))
                .containsExactlyInAnyOrder("Bias-toets uitgevoerd", "Evaluatie ingepland");
        assertThat(v2.path("previousHash").asText())
                .isEqualTo(v1.path("contentHash").asText());
        assertThat(json(as("manager").get("/api/assessments/" + assessmentId + "/versions/1"))
                        .path("status")
                        .asText())
                .isEqualTo("SUPERSEDED");

        JsonNode diff = json(as("manager").get("/api/assessments/" + assessmentId + "/diff?from=1&to=2"));
        assertThat(diff.path("changes")).hasSize(1);
        assertThat(diff.path("changes").get(0).path("key").asText()).isEqualTo("part1Goal");
        assertThat(diff.path("changes").get(0).path("oldValue").asText()).isEqualTo("Binnen vier weken beslissen");
        assertThat(diff.path("changes").get(0).path("newValue").asText()).isEqualTo("Binnen drie weken beslissen");
        assertThat(v2.path("answers")
                        .path("iama-part-4")
                        .path("part4EqualTreatment")
                        .asText())
                .isEqualTo(v1.path("answers")
                        .path("iama-part-4")
                        .path("part4EqualTreatment")
                        .asText())
                .isNotBlank();
        assertThat(v2.path("answers")
                        .path("iama-part-5")
                        .path("part5HarmedWeight")
                        .asText())
                .isEqualTo("MEDIUM");

        HttpResponse<byte[]> pdf =
                as("lead").getBytes("/api/assessments/" + assessmentId + "/versions/2/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        // What was signed cannot be edited any more; the trail of it all verifies.
        HttpResponse<String> edit = as("lead")
                .send(as("lead")
                        .request("/api/assessments/" + assessmentId + "/versions/1/sections/iama-part-1")
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"part1Goal\":\"x\"}")));
        assertThat(edit.statusCode()).isEqualTo(409);
        JsonNode audit = json(as("manager").get("/api/audit?systemId=" + systemId));
        assertThat(audit.findValuesAsText("action"))
                .contains(
                        "SYSTEM_REGISTERED",
                        "CYCLE_STARTED",
                        "VERSION_FROZEN",
                        "DECISION_RECORDED",
                        "TRIGGER_RECEIVED",
                        "VERSION_EXPORTED");
        assertThat(json(as("manager").get("/api/audit/verify")).path("valid").asBoolean())
                .isTrue();

        // In the browser the owner sees the Evaluate actions and takes the system out of use, which ends the cycle.
        Http browser = Http.browser(port);
        browser.formLogin("lead", "demo");
        String page = browser.get("/systemen/" + systemId, "text/html").body();
        assertThat(page).contains("Nieuwe ronde starten").contains("Buiten gebruik stellen");
        String csrf = Http.csrfTokenFrom(page);
        // Retiring cannot be undone: without a reason it is refused, on the page and over /api (400 naming reason).
        HttpResponse<String> noReason =
                browser.postForm("/systemen/" + systemId + "/buiten-gebruik", "reason=+&bevestigd=ja&_csrf=" + csrf);
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(browser.get("/systemen/" + systemId, "text/html").body())
                .contains("Geef een reden om het systeem buiten gebruik te stellen");
        for (String body : List.of("{}", "{\"reason\":\"  \"}")) {
            HttpResponse<String> refused = as("lead").postJson("/api/systems/" + systemId + "/retirement", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(json(refused).path("field").asText()).isEqualTo("reason");
        }
        // With a reason the page first asks to confirm; only the confirmed form retires.
        HttpResponse<String> asked = browser.postForm(
                "/systemen/" + systemId + "/buiten-gebruik",
                "reason=Vervangen+door+landelijke+voorziening&_csrf=" + csrf);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body())
                .contains("Ja, definitief buiten gebruik stellen")
                .contains("Vervangen door landelijke voorziening");
        assertThat(json(as("lead").get("/api/systems/" + systemId))
                        .path("phase")
                        .asText())
                .as("not retired before the confirmation")
                .isEqualTo("EVALUATE");
        HttpResponse<String> retired = browser.postForm(
                "/systemen/" + systemId + "/buiten-gebruik",
                "reason=Vervangen+door+landelijke+voorziening&bevestigd=ja&_csrf=" + Http.csrfTokenFrom(asked.body()));
        assertThat(retired.statusCode()).isEqualTo(302);
        assertThat(json(as("manager").get("/api/audit?systemId=" + systemId)).toString())
                .contains("RETIREMENT_REQUESTED")
                .contains("Vervangen door landelijke voorziening");
        JsonNode after = json(as("lead").get("/api/systems/" + systemId));
        assertThat(after.path("phase").asText()).isEqualTo("RETIRED");
        assertThat(after.path("cycle").path("running").asBoolean()).isFalse();
        assertThat(browser.get("/systemen/" + systemId, "text/html").body()).doesNotContain("Nieuwe ronde starten");
    }
}
