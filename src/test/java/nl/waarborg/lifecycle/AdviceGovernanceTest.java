package nl.waarborg.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Advice governance (ADR 0035) over real HTTP on every path: the alderman's gate starts with a row per condition of the
 * advice and per residual risk; a condition without a verdict, a rejection without reasons, a dropped or rewritten row,
 * an unaccepted residual risk, a missing mandate reference or a wethouder deciding for the mayor is refused (400
 * problem+json naming the field, 403 for the mayor's group) on the page, /api and /engine-rest complete and submit-form,
 * and nothing is saved; the decision then records it all in the signed version, and the adopted condition becomes an
 * action point of the Implement phase.
 */
@WaarborgIntegrationTest
@SuppressWarnings("unchecked")
class AdviceGovernanceTest {

    static final String FG_CONDITIONS = "- Logging zes maanden bewaren\n- Jaarlijks op bias toetsen";
    static final String DUE = LocalDate.now().plusMonths(2).toString();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    final GateIntegrityTest gates = new GateIntegrityTest();

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    String newUser(String prefix, String... groups) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(GateIntegrityTest.PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }

    /** An IAMA with one residual risk (part 5), conditional advice of the privacy officer, positive advice of ethics. */
    String systemAtTheAlderman() throws Exception {
        gates.port = port;
        gates.engine = engine;
        gates.identity = identity;
        String systemId = gates.systemInReview();
        gates.completeOk(
                as("fg"),
                systemId,
                "privacy-officer-advice",
                Map.of(
                        "decision",
                        "APPROVED_WITH_CONDITIONS",
                        "motivation",
                        "Goed, onder voorwaarden",
                        "conditions",
                        FG_CONDITIONS));
        gates.completeOk(
                as("ethics"),
                systemId,
                "ethics-committee-advice",
                Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        return systemId;
    }

    static Map<String, Object> row(String condition, String verdict, String... more) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", "Advies functionaris gegevensbescherming");
        row.put("condition", condition);
        row.put("verdict", verdict);
        for (int i = 0; i < more.length; i += 2) {
            row.put(more[i], more[i + 1]);
        }
        return row;
    }

    static Map<String, Object> careful(String body) {
        Map<String, Object> values = new HashMap<>();
        values.put("decision", "APPROVED_WITH_CONDITIONS");
        values.put("motivation", "Akkoord; de voorwaarden zijn beoordeeld");
        values.put("conditions", "Zie de beoordeelde voorwaarden");
        values.put(
                "ownConditionActions",
                new ArrayList<>(List.of(new LinkedHashMap<>(
                        Map.of("condition", "Zie de beoordeelde voorwaarden", "owner", "Griffie", "dueDate", DUE)))));
        values.put("competentBody", body);
        values.put(
                "conditionVerdicts",
                new ArrayList<>(List.of(
                        row("Logging zes maanden bewaren", "ADOPTED", "owner", "Team Data", "dueDate", DUE),
                        row("Jaarlijks op bias toetsen", "REJECTED", "reason", "Al geregeld in het kwaliteitsplan"))));
        values.put(
                "residualRiskAcceptances",
                new ArrayList<>(List.of(new LinkedHashMap<>(
                        Map.of("risk", "Restrisico op fouten bij afwijkende situaties", "accepted", true)))));
        return values;
    }

    HttpResponse<String> viaEngineRest(String user, String taskId, String operation, Map<String, ?> values)
            throws Exception {
        return as(user).postJson(
                        "/engine-rest/task/" + taskId + "/" + operation,
                        FullLifecycleApiTest.JSON.writeValueAsString(Map.of("variables", engineVariables(values))));
    }

    static Map<String, Object> engineVariables(Map<String, ?> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            variables.put(
                    e.getKey(),
                    v instanceof List<?> || v instanceof Map<?, ?>
                            ? Map.of("value", FullLifecycleApiTest.JSON.writeValueAsString(v), "type", "Json")
                            : Map.of("value", v));
        }
        return variables;
    }

    HttpResponse<String> viaPage(String user, String taskId, Map<String, ?> values) throws Exception {
        Http page = Http.browser(port);
        assertThat(page.formLogin(user, user.equals("alderman") ? "demo" : GateIntegrityTest.PASSWORD)
                        .statusCode())
                .isEqualTo(302);
        String csrf = Http.csrfTokenFrom(page.get("/taken").body().replace("name=\"_csrf\" content", "x"));
        return page.send(page.request("/taken/" + taskId + "/afronden")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(FullLifecycleApiTest.JSON.writeValueAsString(values))));
    }

    /** A refusal naming the field: problem+json on /api and the page, Camunda's error JSON on /engine-rest and Tasklist. */
    static void refused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (response.uri().getPath().startsWith("/api/")) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(GateIntegrityTest.json(response).path("field").asText())
                .as(response.body())
                .isEqualTo(field);
    }

    /** Camunda Tasklist's completion (its own REST API under /camunda, with its XSRF token). */
    HttpResponse<String> viaTasklist(String taskId, Map<String, ?> values) throws Exception {
        Http alderman = Http.browser(port);
        assertThat(alderman.formLogin("alderman", "demo").statusCode()).isEqualTo(302);
        String token = alderman.get("/camunda/api/engine/engine/default/task/" + taskId, "application/json")
                .headers()
                .firstValue("X-XSRF-TOKEN")
                .orElseThrow();
        return alderman.send(alderman.request("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        FullLifecycleApiTest.JSON.writeValueAsString(Map.of("variables", engineVariables(values))))));
    }

    @Test
    void theAldermansFormStartsWithARowPerConditionAndPerResidualRisk() throws Exception {
        String systemId = systemAtTheAlderman();
        String taskId = gates.taskId(systemId, "alderman-decision");
        Object conditions = VariableValues.toPlain(engine.getTaskService().getVariable(taskId, "conditionVerdicts"));
        assertThat(conditions)
                .isEqualTo(List.of(
                        Map.of(
                                "source",
                                "Advies functionaris gegevensbescherming",
                                "condition",
                                "Logging zes maanden bewaren"),
                        Map.of(
                                "source",
                                "Advies functionaris gegevensbescherming",
                                "condition",
                                "Jaarlijks op bias toetsen")));
        Object risks = VariableValues.toPlain(engine.getTaskService().getVariable(taskId, "residualRiskAcceptances"));
        assertThat(risks)
                .isEqualTo(List.of(Map.of("risk", "Restrisico op fouten bij afwijkende situaties", "accepted", false)));
        // The project lead cannot fill them in for the alderman beforehand.
        HttpResponse<String> preset = as("lead")
                .postJson(
                        "/engine-rest/process-instance/"
                                + engine.getTaskService()
                                        .createTaskQuery()
                                        .taskId(taskId)
                                        .singleResult()
                                        .getProcessInstanceId()
                                + "/variables",
                        "{\"modifications\":{\"competentBody\":{\"value\":\"COLLEGE\"}}}");
        assertThat(preset.statusCode()).as(preset.body()).isIn(400, 403);
    }

    @Test
    void noPathLetsTheAldermanDropAConditionSkipAVerdictOrLeaveARiskUnaccepted() throws Exception {
        String systemId = systemAtTheAlderman();
        String assessmentId = gates.iamaId(systemId);
        String taskId = gates.taskId(systemId, "alderman-decision");

        // A careless alderman approves with decision and motivation only: the rows of the advice have no verdict.
        Map<String, Object> bare = Map.of("decision", "APPROVED", "motivation", "Akkoord", "competentBody", "COLLEGE");
        refused(viaEngineRest("alderman", taskId, "complete", bare), 400, "conditionVerdicts[0].verdict");
        refused(viaEngineRest("alderman", taskId, "submit-form", bare), 400, "conditionVerdicts[0].verdict");

        // A hostile client leaves the second condition out.
        Map<String, Object> dropped = careful("COLLEGE");
        ((List<?>) dropped.get("conditionVerdicts")).remove(1);
        refused(gates.complete(as("alderman"), systemId, "alderman-decision", dropped), 400, "conditionVerdicts[1]");

        // ... or rewrites it into something milder.
        Map<String, Object> rewritten = careful("COLLEGE");
        ((List<Map<String, Object>>) rewritten.get("conditionVerdicts"))
                .set(0, row("Logging één maand bewaren", "ADOPTED", "owner", "Team Data", "dueDate", DUE));
        refused(viaEngineRest("alderman", taskId, "complete", rewritten), 400, "conditionVerdicts[0].condition");

        // A rejection without reasons.
        Map<String, Object> noReason = careful("COLLEGE");
        ((List<Map<String, Object>>) noReason.get("conditionVerdicts")).get(1).remove("reason");
        refused(viaEngineRest("alderman", taskId, "submit-form", noReason), 400, "conditionVerdicts[1].reason");

        // Tasklist: the same refusal.
        refused(viaTasklist(taskId, noReason), 400, "conditionVerdicts[1].reason");

        // An adopted condition whose due date has passed.
        Map<String, Object> late = careful("COLLEGE");
        ((List<Map<String, Object>>) late.get("conditionVerdicts")).get(0).put("dueDate", "2020-01-01");
        refused(
                gates.complete(as("alderman"), systemId, "alderman-decision", late),
                400,
                "conditionVerdicts[0].dueDate");

        // The residual risk is not accepted.
        Map<String, Object> unaccepted = careful("COLLEGE");
        ((List<Map<String, Object>>) unaccepted.get("residualRiskAcceptances"))
                .get(0)
                .put("accepted", false);
        HttpResponse<String> onPage = viaPage("alderman", taskId, unaccepted);
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(400);
        assertThat(onPage.body())
                .contains("residualRiskAcceptances[0].accepted")
                .contains("aanvaardt elk restrisico uitdrukkelijk")
                .doesNotContain("Exception");
        // A dropped condition on the page: the server's own rule, in Dutch as well.
        HttpResponse<String> droppedOnPage = viaPage("alderman", taskId, dropped);
        assertThat(droppedOnPage.statusCode()).as(droppedOnPage.body()).isEqualTo(400);
        assertThat(droppedOnPage.body()).contains("conditionVerdicts[1]").contains("kan niet ontbreken");

        // Under mandate without the mandate's reference; for the mayor by a wethouder.
        refused(
                gates.complete(as("alderman"), systemId, "alderman-decision", careful("WETHOUDER_MANDAAT")),
                400,
                "mandateReference");
        HttpResponse<String> forTheMayor =
                gates.complete(as("alderman"), systemId, "alderman-decision", careful("BURGEMEESTER"));
        assertThat(forTheMayor.statusCode()).as(forTheMayor.body()).isEqualTo(403);
        assertThat(forTheMayor.body()).contains("burgemeester");

        // Nothing was saved by any of these.
        JsonNode version = gates.version(assessmentId, 1);
        assertThat(version.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(version.path("signatures")).hasSize(2);
        assertThat(version.path("answers").has("iama-alderman-decision")).isFalse();
    }

    /** The open action points of the Implement phase: "what / owner". */
    List<String> actionPoints(String systemId) {
        return engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey("complete-action-point")
                .list()
                .stream()
                .map(t -> engine.getTaskService().getVariable(t.getId(), "actionPointWhat") + " / "
                        + engine.getTaskService().getVariable(t.getId(), "actionPointOwner"))
                .toList();
    }

    @Test
    void theAldermansOwnConditionsBecomeActionPointsWithOwnerAndDueDateOnEveryPath() throws Exception {
        String systemId = systemAtTheAlderman();
        String taskId = gates.taskId(systemId, "alderman-decision");

        // Conditions as text only, the old way: not tracked, so refused on every path; nothing is saved.
        Map<String, Object> untracked = careful("COLLEGE");
        untracked.put("conditions", "Evaluatie na een jaar");
        untracked.remove("ownConditionActions");
        refused(gates.complete(as("alderman"), systemId, "alderman-decision", untracked), 400, "ownConditionActions");
        refused(viaEngineRest("alderman", taskId, "complete", untracked), 400, "ownConditionActions");
        refused(viaEngineRest("alderman", taskId, "submit-form", untracked), 400, "ownConditionActions");
        refused(viaTasklist(taskId, untracked), 400, "ownConditionActions");
        Map<String, Object> noOwner = careful("COLLEGE");
        ((List<Map<String, Object>>) noOwner.get("ownConditionActions")).get(0).remove("owner");
        HttpResponse<String> onPage = viaPage("alderman", taskId, noOwner);
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(400);
        assertThat(onPage.body()).contains("ownConditionActions[0].owner").contains("wordt een actiepunt");
        assertThat(gates.version(gates.iamaId(systemId), 1).path("status").asText())
                .isEqualTo("IN_REVIEW");

        // The page sends the rows only: the conditions' text is derived from them and each becomes an action point.
        Map<String, Object> rows = careful("COLLEGE");
        rows.remove("conditions");
        rows.put(
                "ownConditionActions",
                List.of(Map.of("condition", "Evaluatie na een jaar", "owner", "Griffie", "dueDate", DUE)));
        HttpResponse<String> decided = viaPage("alderman", taskId, rows);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        JsonNode version = gates.version(gates.iamaId(systemId), 1);
        assertThat(version.path("signatures").get(2).path("conditions").asText())
                .isEqualTo("Evaluatie na een jaar");
        assertThat(actionPoints(systemId)).contains("Besluit: Evaluatie na een jaar / Griffie");
    }

    @Test
    void theMayorDecidesForHisOwnPowerAndTheSignedVersionRecordsEverything() throws Exception {
        String systemId = systemAtTheAlderman();
        String assessmentId = gates.iamaId(systemId);
        String mayor = newUser("burgemeester", "alderman", "burgemeester");
        HttpResponse<String> decided = Http.api(port)
                .as(mayor, GateIntegrityTest.PASSWORD)
                .postJson(
                        "/api/tasks/" + gates.taskId(systemId, "alderman-decision") + "/complete",
                        FullLifecycleApiTest.JSON.writeValueAsString(careful("BURGEMEESTER")));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);

        JsonNode version = gates.version(assessmentId, 1);
        assertThat(version.path("status").asText()).isEqualTo("APPROVED");
        JsonNode record = version.path("answers").path("iama-alderman-decision");
        assertThat(record.path("competentBody").asText()).isEqualTo("BURGEMEESTER");
        assertThat(record.path("conditionVerdicts").get(0).path("verdict").asText())
                .isEqualTo("ADOPTED");
        assertThat(record.path("conditionVerdicts").get(1).path("reason").asText())
                .isEqualTo("Al geregeld in het kwaliteitsplan");
        assertThat(record.path("residualRiskAcceptances").get(0).path("risk").asText())
                .isEqualTo("Restrisico op fouten bij afwijkende situaties");
        // The mayor wrote no content: he is no contributor of the version.
        assertThat(version.path("contributors").toString()).doesNotContain(mayor);
        assertThat(version.path("signatures").get(2).path("user").asText()).isEqualTo(mayor);

        // The adopted condition is an action point of the Implement phase, with its owner.
        assertThat(actionPoints(systemId))
                .contains("Advies functionaris gegevensbescherming: Logging zes maanden bewaren / Team Data")
                .noneMatch(p -> p.contains("bias"));

        // The PDF of the signed version shows it in Dutch.
        HttpResponse<byte[]> pdf =
                as("manager").getBytes("/api/assessments/" + assessmentId + "/versions/1/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Bevoegd orgaan")
                    .contains("Burgemeester (eigen bevoegdheid)")
                    .contains("Overnemen")
                    .contains("Al geregeld in het kwaliteitsplan")
                    .contains("Restrisico's die u aanvaardt")
                    .contains("Actiepunten uit overgenomen voorwaarden");
        }
        // So does the version page.
        Http page = Http.browser(port);
        assertThat(page.formLogin("manager", "demo").statusCode()).isEqualTo(302);
        String html = page.get("/beoordelingen/" + assessmentId + "/versies/1").body();
        assertThat(html).contains("Bevoegd orgaan").contains("Voorwaarden uit de adviezen");
    }
}
