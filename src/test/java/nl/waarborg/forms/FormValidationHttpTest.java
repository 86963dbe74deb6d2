package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 3, 7 and 8 of issue 14 over real HTTP: every completion path (Waarborg's pages, /api, /engine-rest complete
 * and submit-form, the REST API of Camunda's Tasklist) checks the answers against the task's form, refuses keys that
 * are not on it, keeps answers of 100,000 characters, refuses longer ones clearly and answers an oversized body with 413.
 */
@WaarborgIntegrationTest
class FormValidationHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    String newSystemWithCycle(String name) throws Exception {
        HttpResponse<String> created = as("lead")
                .postJson(
                        "/api/systems", JSON.writeValueAsString(Map.of("name", name, "department", "Werk en Inkomen")));
        String systemId = json(created).path("id").asText();
        assertThat(as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        return systemId;
    }

    String task(String systemId, String activityId) throws Exception {
        return task("lead", systemId, activityId);
    }

    /** The open task of this activity for the system, as the user's task list shows it. */
    String task(String user, String systemId, String activityId) throws Exception {
        for (JsonNode task : json(as(user).get("/api/tasks?limit=1000"))) {
            if (systemId.equals(task.path("systemId").asText())
                    && activityId.equals(task.path("activityId").asText())) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("No open task " + activityId + " for " + systemId);
    }

    HttpResponse<String> viaApi(String taskId, Map<String, ?> values) throws Exception {
        return as("lead").postJson("/api/tasks/" + taskId + "/complete", JSON.writeValueAsString(values));
    }

    /** /engine-rest complete or submit-form with untyped values, as a script or Tasklist sends them. */
    HttpResponse<String> viaEngineRest(String taskId, String operation, Map<String, ?> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(
                k,
                v instanceof List<?> || v instanceof Map<?, ?>
                        ? Map.of("value", asJson(v), "type", "Json")
                        : Map.of("value", v)));
        return as("lead")
                .postJson(
                        "/engine-rest/task/" + taskId + "/" + operation,
                        JSON.writeValueAsString(Map.of("variables", variables)));
    }

    private static String asJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Http page() {
        Http browser = Http.browser(port);
        assertThat(browser.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        return browser;
    }

    HttpResponse<String> viaPage(Http browser, String taskId, String body) {
        String csrf = Http.csrfTokenFrom(browser.get("/systemen/nieuw").body().replace("name=\"_csrf\" content", "x"));
        return browser.send(browser.request("/taken/" + taskId + "/afronden")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Triage answers that need both an IAMA (legal effects) and a DPIA (a DPA-list processing of personal data). */
    static Map<String, Object> triageForBoth() {
        Map<String, Object> v = new HashMap<>(nl.waarborg.process.TriageAnswers.neutral());
        v.put("purpose", "Bijstandsaanvragen beoordelen");
        v.put("dpaListType", "PROFILING");
        v.put("legalEffects", "YES");
        v.put("processesPersonalData", "YES");
        return v;
    }

    /** The IAMA of triageForBoth is recommended (an impactful algorithm): the owner starts it (ADR 0030). */
    void startRecommendedIama(String systemId) throws Exception {
        assertThat(viaApi(task(systemId, "choose-iama"), Map.of("iamaChoice", "START"))
                        .statusCode())
                .isEqualTo(204);
    }

    void refusedNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    @Test
    void anEmptyOrWrongTriageIsRefusedOnEveryPathAndARightOneIsTaken() throws Exception {
        String systemId = newSystemWithCycle("Lege pre-scan");
        String triage = task(systemId, "fill-in-triage");

        HttpResponse<String> api = viaApi(triage, Map.of());
        refusedNaming(api, "purpose");
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(api).path("field").asText()).isEqualTo("purpose");
        refusedNaming(viaEngineRest(triage, "complete", Map.of()), "'purpose' is required");
        refusedNaming(viaEngineRest(triage, "submit-form", Map.of()), "'purpose' is required");
        HttpResponse<String> onPage = viaPage(page(), triage, "{}");
        refusedNaming(onPage, "purpose");
        assertThat(json(onPage).path("message").asText())
                .isEqualTo("Vul ‘Waarvoor gebruikt de gemeente het algoritme?’ in; dat is verplicht.");

        // A value that is not one of the options, and a key that is not on the form.
        Map<String, Object> mars = new HashMap<>(triageForBoth());
        mars.put("annexIiiArea", "MARS");
        HttpResponse<String> option = viaApi(triage, mars);
        refusedNaming(option, "annexIiiArea");
        assertThat(json(option).path("detail").asText()).contains("MARS");
        refusedNaming(viaEngineRest(triage, "submit-form", mars), "'annexIiiArea'");
        Map<String, Object> extra = new HashMap<>(triageForBoth());
        extra.put("lievelingskleur", "blauw");
        HttpResponse<String> unknown = viaApi(triage, extra);
        refusedNaming(unknown, "lievelingskleur");
        assertThat(json(unknown).path("field").asText()).isEqualTo("lievelingskleur");
        refusedNaming(viaEngineRest(triage, "complete", extra), "'lievelingskleur' is not on form 'triage'");
        HttpResponse<String> unknownOnPage = viaPage(page(), triage, JSON.writeValueAsString(extra));
        assertThat(json(unknownOnPage).path("message").asText())
                .isEqualTo("Het veld ‘lievelingskleur’ staat niet op dit formulier. Er is niets opgeslagen.");
        // A key the engine owns (a triage outcome) is refused too, naming it (EngineCommandGuard, ADR 0017).
        Map<String, Object> owned = new HashMap<>(triageForBoth());
        owned.put("iamaRequired", false);
        HttpResponse<String> ownedByEngine = viaApi(triage, owned);
        refusedNaming(ownedByEngine, "iamaRequired");
        assertThat(json(ownedByEngine).path("field").asText()).isEqualTo("iamaRequired");
        // Contradicting answers (profiling without personal data) are refused on every path, in Dutch on the page.
        Map<String, Object> contradiction = new HashMap<>(triageForBoth());
        contradiction.putAll(Map.of(
                "profilesPersons",
                "YES",
                "edpbEvaluationScoring",
                "YES",
                "processesPersonalData",
                "NO",
                "dpaListType",
                "NONE"));
        HttpResponse<String> contradicted = viaApi(triage, contradiction);
        refusedNaming(contradicted, "processesPersonalData");
        assertThat(json(contradicted).path("detail").asText()).contains("Profiling always processes personal data");
        refusedNaming(viaEngineRest(triage, "complete", contradiction), "'processesPersonalData'");
        refusedNaming(viaEngineRest(triage, "submit-form", contradiction), "'processesPersonalData'");
        HttpResponse<String> contradictedOnPage = viaPage(page(), triage, JSON.writeValueAsString(contradiction));
        assertThat(json(contradictedOnPage).path("message").asText())
                .startsWith("Profilering is altijd een verwerking van persoonsgegevens")
                .endsWith("Er is niets opgeslagen.");
        // Nothing of the refused tries was kept: the task is still open and the engine holds none of their values.
        assertThat(task(systemId, "fill-in-triage")).isEqualTo(triage);
        assertThat(as("admin").get("/engine-rest/task/" + triage + "/variables").body())
                .doesNotContain("MARS")
                .doesNotContain("lievelingskleur")
                .doesNotContain("iamaRequired");

        assertThat(viaApi(triage, triageForBoth()).statusCode()).isEqualTo(204);
        startRecommendedIama(systemId);
        assertThat(task(systemId, "fill-in-iama-part-1")).isNotBlank();
        assertThat(task(systemId, "fill-in-dpia-section-a")).isNotBlank();
    }

    @Test
    void emptyAssessmentPartsAndADpiaWithoutMeasuresAreRefused() throws Exception {
        String systemId = newSystemWithCycle("Lege onderdelen");
        assertThat(viaApi(task(systemId, "fill-in-triage"), triageForBoth()).statusCode())
                .isEqualTo(204);
        startRecommendedIama(systemId);

        refusedNaming(viaApi(task(systemId, "fill-in-dpia-section-a"), Map.of()), "sectionAProposal");
        assertThat(viaApi(task(systemId, "fill-in-dpia-section-a"), Fixtures.dpiaSection('a'))
                        .statusCode())
                .isEqualTo(204);
        refusedNaming(
                viaEngineRest(task(systemId, "fill-in-dpia-section-b"), "submit-form", Map.of()), "sectionBLegalBasis");
        assertThat(viaApi(task(systemId, "fill-in-dpia-section-b"), Fixtures.dpiaSection('b'))
                        .statusCode())
                .isEqualTo(204);
        assertThat(viaApi(task(systemId, "fill-in-dpia-section-c"), Fixtures.dpiaSection('c'))
                        .statusCode())
                .isEqualTo(204);
        String d = task(systemId, "fill-in-dpia-section-d");
        Map<String, Object> noMeasures = new HashMap<>(Fixtures.dpiaSection('d'));
        noMeasures.put("sectionDMeasures", List.of());
        HttpResponse<String> refused = viaApi(d, noMeasures);
        refusedNaming(refused, "sectionDMeasures");
        assertThat(json(refused).path("detail").asText()).contains("at least one row");
        Map<String, Object> measureWithoutText = new HashMap<>(Fixtures.dpiaSection('d'));
        measureWithoutText.put("sectionDMeasures", List.of(Map.of("riskId", "R1", "residualRisk", "LOW")));
        refusedNaming(viaEngineRest(d, "complete", measureWithoutText), "sectionDMeasures[0].measure");
        HttpResponse<String> onPage = viaPage(page(), d, JSON.writeValueAsString(measureWithoutText));
        assertThat(json(onPage).path("message").asText())
                .startsWith("Regel 1: Vul ‘")
                .contains("in; dat is verplicht.");
        assertThat(viaApi(d, Fixtures.dpiaSection('d')).statusCode()).isEqualTo(204);

        for (int part = 1; part <= 5; part++) {
            String taskId = task(systemId, "fill-in-iama-part-" + part);
            if (part == 1 || part == 2 || part == 5) {
                refusedNaming(viaApi(taskId, Map.of()), "part" + part);
                refusedNaming(viaEngineRest(taskId, "submit-form", Map.of()), "part" + part);
            }
            assertThat(viaApi(taskId, Fixtures.iamaPart(part)).statusCode()).isEqualTo(204);
        }
    }

    /** A risk of DPIA section C without a level. */
    static Map<String, String> risk(String id, String likelihood, String impact) {
        return Map.of(
                "riskId", id, "risk", "Risico " + id, "origin", "Bron", "likelihood", likelihood, "impact", impact);
    }

    /** Issue 18 point 17 (ADR 0046): a risk's level follows from likelihood x impact; section D names C's risks. */
    @Test
    void aHandPickedLevelAndAMeasureForAnUnknownRiskAreRefusedOnEveryPath() throws Exception {
        String systemId = newSystemWithCycle("Risico's controleren");
        assertThat(viaApi(task(systemId, "fill-in-triage"), triageForBoth()).statusCode())
                .isEqualTo(204);
        startRecommendedIama(systemId);
        for (char section : new char[] {'a', 'b'}) {
            String taskId = task(systemId, "fill-in-dpia-section-" + section);
            assertThat(viaApi(taskId, Fixtures.dpiaSection(section)).statusCode())
                    .isEqualTo(204);
        }

        String c = task(systemId, "fill-in-dpia-section-c");
        Map<String, Object> lowPicked = new HashMap<>(Fixtures.dpiaSection('c'));
        Map<String, String> pickedRow = new HashMap<>(risk("R1", "MEDIUM", "HIGH"));
        pickedRow.put("level", "LOW");
        lowPicked.put("sectionCRisks", List.of(pickedRow));
        HttpResponse<String> picked = viaApi(c, lowPicked);
        refusedNaming(picked, "sectionCRisks[0].level");
        assertThat(picked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(picked).path("field").asText()).isEqualTo("sectionCRisks[0].level");
        refusedNaming(viaEngineRest(c, "complete", lowPicked), "'sectionCRisks[0].level'");
        refusedNaming(viaEngineRest(c, "submit-form", lowPicked), "'sectionCRisks[0].level'");
        assertThat(json(viaPage(page(), c, JSON.writeValueAsString(lowPicked)))
                        .path("message")
                        .asText())
                .startsWith("Regel 1: Het risiconiveau volgt uit kans × impact en is dan hoog, niet laag.");
        // Three risks without a level: the server derives it.
        List<Map<String, String>> risks =
                List.of(risk("R1", "MEDIUM", "HIGH"), risk("R2", "LOW", "LOW"), risk("R3", "HIGH", "LOW"));
        Map<String, Object> threeRisks = new HashMap<>(Fixtures.dpiaSection('c'));
        threeRisks.put("sectionCRisks", risks);
        assertThat(viaApi(c, threeRisks).statusCode()).isEqualTo(204);

        String d = task(systemId, "fill-in-dpia-section-d");
        Map<String, Object> r7 = new HashMap<>(Fixtures.dpiaSection('d'));
        r7.put(
                "sectionDMeasures",
                List.of(
                        Map.of("riskId", "R1", "measure", "Versleutelen", "residualRisk", "LOW"),
                        Map.of("riskId", "R7", "measure", "Logging", "residualRisk", "LOW")));
        HttpResponse<String> unknown = viaApi(d, r7);
        refusedNaming(unknown, "sectionDMeasures[1].riskId");
        assertThat(json(unknown).path("field").asText()).isEqualTo("sectionDMeasures[1].riskId");
        assertThat(json(unknown).path("detail").asText()).contains("'R7'").contains("R1, R2, R3");
        refusedNaming(viaEngineRest(d, "complete", r7), "'sectionDMeasures[1].riskId'");
        refusedNaming(viaEngineRest(d, "submit-form", r7), "'sectionDMeasures[1].riskId'");
        assertThat(json(viaPage(page(), d, JSON.writeValueAsString(r7)))
                        .path("message")
                        .asText())
                .startsWith("Regel 2: Deze maatregel noemt risico ‘R7’, maar onderdeel C heeft dat risico niet")
                .endsWith("Er is niets opgeslagen.");
        // Section C is read as saved, not from the variable, which whoever works the task could set.
        List<Map<String, String>> withR7 = new java.util.ArrayList<>(risks);
        withR7.add(risk("R7", "LOW", "LOW"));
        as("lead")
                .sendJson(
                        "PUT",
                        "/engine-rest/task/" + d + "/variables/sectionCRisks",
                        JSON.writeValueAsString(Map.of("value", JSON.writeValueAsString(withR7), "type", "Json")));
        refusedNaming(viaApi(d, r7), "sectionDMeasures[1].riskId");
        assertThat(task(systemId, "fill-in-dpia-section-d")).isEqualTo(d);
        Map<String, Object> r3 = new HashMap<>(Fixtures.dpiaSection('d'));
        r3.put("sectionDMeasures", List.of(Map.of("riskId", "r3", "measure", "Bewaartermijn", "residualRisk", "LOW")));
        assertThat(viaApi(d, r3).statusCode()).isEqualTo(204);
    }

    /** Section D with one measure per risk number. */
    static Map<String, Object> measuresFor(String... riskIds) {
        Map<String, Object> d = new HashMap<>(Fixtures.dpiaSection('d'));
        d.put(
                "sectionDMeasures",
                java.util.Arrays.stream(riskIds)
                        .map(id -> Map.of("riskId", id, "measure", "Maatregel " + id, "residualRisk", "LOW"))
                        .toList());
        return d;
    }

    /**
     * ADR 0051: the privacy officer sends back only section C and the lead drops R1 there through /engine-rest; section
     * D, whose measure still names R1, is taken up again before the advice, and its unchanged answers are refused on
     * every path, in Dutch on the page, until each measure names a risk that section C has.
     */
    @Test
    void aReworkOfSectionCThatDropsAMeasuresRiskTakesUpSectionDAgainOnEveryPath() throws Exception {
        String systemId = newSystemWithCycle("Risico vervalt");
        assertThat(viaApi(task(systemId, "fill-in-triage"), triageForBoth()).statusCode())
                .isEqualTo(204);
        startRecommendedIama(systemId);
        for (char section : new char[] {'a', 'b'}) {
            assertThat(viaApi(task(systemId, "fill-in-dpia-section-" + section), Fixtures.dpiaSection(section))
                            .statusCode())
                    .isEqualTo(204);
        }
        Map<String, Object> c = new HashMap<>(Fixtures.dpiaSection('c'));
        c.put("sectionCRisks", List.of(risk("R1", "LOW", "LOW"), risk("R2", "LOW", "MEDIUM")));
        assertThat(viaApi(task(systemId, "fill-in-dpia-section-c"), c).statusCode())
                .isEqualTo(204);
        Map<String, Object> both = measuresFor("R1", "R2");
        assertThat(viaApi(task(systemId, "fill-in-dpia-section-d"), both).statusCode())
                .isEqualTo(204);
        String advice = task("fg", systemId, "privacy-officer-advice");
        Map<String, Object> sentBack = Map.of(
                "decision", "SENT_BACK", "motivation", "R1 is geen risico", "sendBackTo", List.of("dpia-section-c"));
        assertThat(as("fg").postJson("/api/tasks/" + advice + "/complete", JSON.writeValueAsString(sentBack))
                        .statusCode())
                .isEqualTo(204);

        c.put("sectionCRisks", List.of(risk("R2", "LOW", "MEDIUM")));
        assertThat(viaEngineRest(task(systemId, "rework-dpia-section-c"), "complete", c)
                        .statusCode())
                .isEqualTo(204);
        String recheck = task(systemId, "recheck-dpia-section-d");
        assertThatThrownBy(() -> task("fg", systemId, "privacy-officer-advice")).isInstanceOf(AssertionError.class);
        // The task page says why D is back and what to do.
        assertThat(page().get("/taken/" + recheck).body())
                .contains("Onderdeel C is herzien en heeft een risico niet meer dat een maatregel hieronder noemt.");
        HttpResponse<String> api = viaApi(recheck, both);
        refusedNaming(api, "sectionDMeasures[0].riskId");
        assertThat(json(api).path("detail").asText()).contains("'R1'").contains("its risks are: R2.");
        refusedNaming(viaEngineRest(recheck, "complete", both), "'sectionDMeasures[0].riskId'");
        refusedNaming(viaEngineRest(recheck, "submit-form", both), "'sectionDMeasures[0].riskId'");
        assertThat(json(viaPage(page(), recheck, JSON.writeValueAsString(both)))
                        .path("message")
                        .asText())
                .startsWith(
                        "Regel 1: Deze maatregel noemt risico ‘R1’, maar onderdeel C heeft dat risico niet (wel: R2)")
                .endsWith("Er is niets opgeslagen.");
        assertThat(task(systemId, "recheck-dpia-section-d")).isEqualTo(recheck);

        assertThat(viaEngineRest(recheck, "submit-form", measuresFor("R2")).statusCode())
                .isEqualTo(204);
        assertThat(task("fg", systemId, "privacy-officer-advice")).isNotBlank();
    }

    /** ADR 0037: the questions that complete IAMA v2 and the Rijksmodel DPIA v3 and that the law requires. */
    @Test
    void theModelQuestionsTheLawRequiresAreRefusedWhenEmptyOnEveryPath() throws Exception {
        String systemId = newSystemWithCycle("Modelvragen");
        assertThat(viaApi(task(systemId, "fill-in-triage"), triageForBoth()).statusCode())
                .isEqualTo(204);
        startRecommendedIama(systemId);

        // DPIA §7: the views of data subjects (AVG art. 35(9)), and the reason when they were not sought.
        String a = task(systemId, "fill-in-dpia-section-a");
        Map<String, Object> noViews = new HashMap<>(Fixtures.dpiaSection('a'));
        noViews.remove("sectionADataSubjectViewsSought");
        refusedNaming(viaApi(a, noViews), "sectionADataSubjectViewsSought");
        Map<String, Object> notSought = new HashMap<>(Fixtures.dpiaSection('a'));
        notSought.put("sectionADataSubjectViewsSought", "NOT_APPROPRIATE");
        refusedNaming(viaEngineRest(a, "submit-form", notSought), "sectionADataSubjectViewsNotSought");
        // §8: a transfer outside the EEA needs at least one row with its country and mechanism (AVG ch. V).
        Map<String, Object> transfer = new HashMap<>(Fixtures.dpiaSection('a'));
        transfer.put("sectionATransfersOutsideEea", "YES");
        refusedNaming(viaEngineRest(a, "complete", transfer), "sectionATransfers");
        transfer.put("sectionATransfers", List.of(Map.of("country", "Verenigde Staten")));
        refusedNaming(viaApi(a, transfer), "sectionATransfers[0].mechanism");
        transfer.put("sectionATransfers", List.of(Map.of("country", "Verenigde Staten", "mechanism", "ADEQUACY")));
        assertThat(viaApi(a, transfer).statusCode()).isEqualTo(204);

        // §15: the procedure per right; §15.6 the safeguards of AVG art. 22(3) when decisions are automated.
        String b = task(systemId, "fill-in-dpia-section-b");
        Map<String, Object> noProcedure = new HashMap<>(Fixtures.dpiaSection('b'));
        noProcedure.remove("sectionBRightObjectionProcedure");
        refusedNaming(viaApi(b, noProcedure), "sectionBRightObjectionProcedure");
        Map<String, Object> automated = new HashMap<>(Fixtures.dpiaSection('b'));
        automated.put("sectionBArt22Applies", "YES");
        automated.put("sectionBArt22Ground", "LAW");
        refusedNaming(viaEngineRest(b, "submit-form", automated), "sectionBArt22Safeguards");
        assertThat(viaApi(b, Fixtures.dpiaSection('b')).statusCode()).isEqualTo(204);

        // §16: the origin of each risk.
        String c = task(systemId, "fill-in-dpia-section-c");
        Map<String, Object> noOrigin = new HashMap<>(Fixtures.dpiaSection('c'));
        noOrigin.put(
                "sectionCRisks",
                List.of(Map.of(
                        "riskId", "R1", "risk", "Onterecht", "likelihood", "LOW", "impact", "LOW", "level", "LOW")));
        refusedNaming(viaEngineRest(c, "complete", noOrigin), "sectionCRisks[0].origin");
        assertThat(viaApi(c, Fixtures.dpiaSection('c')).statusCode()).isEqualTo(204);

        // IAMA 2.3.2/2.3.3 (AI Act art. 26(4)), 3.4.2/3.4.3 (art. 27(1)(f)), 4.2.3 (equal treatment), 5.A (Awb 3:4).
        Map<Integer, String> required = Map.of(
                2, "part2InputDataBias", 3, "part3AffectedReporting", 4, "part4EqualTreatment", 5, "part5HarmedWeight");
        for (int part = 1; part <= 5; part++) {
            String taskId = task(systemId, "fill-in-iama-part-" + part);
            if (required.containsKey(part)) {
                Map<String, Object> missing = new HashMap<>(Fixtures.iamaPart(part));
                missing.remove(required.get(part));
                refusedNaming(viaApi(taskId, missing), required.get(part));
                refusedNaming(viaEngineRest(taskId, "submit-form", missing), required.get(part));
            }
            assertThat(viaApi(taskId, Fixtures.iamaPart(part)).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void anAnswerOf100000CharactersIsKeptEverywhereAndALongerOneIsRefusedClearly() throws Exception {
        String systemId = newSystemWithCycle("Lange antwoorden");
        assertThat(viaApi(task(systemId, "fill-in-triage"), triageForBoth()).statusCode())
                .isEqualTo(204);
        startRecommendedIama(systemId);
        String part1 = task(systemId, "fill-in-iama-part-1");
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < FormValidator.MAX_TEXT_LENGTH; i++) {
            text.append("Regel ").append(i).append(": de gemeente weegt belangen af, één voor één.\n");
        }
        String longest = text.substring(0, FormValidator.MAX_TEXT_LENGTH - 1) + "Z";

        Map<String, Object> tooLong = new HashMap<>(Fixtures.iamaPart(1));
        tooLong.put("part1Reason", longest + "!");
        HttpResponse<String> api = viaApi(part1, tooLong);
        refusedNaming(api, "part1Reason");
        assertThat(json(api).path("detail").asText()).contains("at most 100000 characters");
        refusedNaming(viaEngineRest(part1, "submit-form", tooLong), "at most 100000 characters");
        HttpResponse<String> onPage = viaPage(page(), part1, JSON.writeValueAsString(tooLong));
        assertThat(onPage.statusCode()).isEqualTo(400);
        assertThat(json(onPage).path("message").asText())
                .contains("is te lang: een antwoord mag hoogstens 100000 tekens hebben");

        Map<String, Object> longAnswer = new HashMap<>(Fixtures.iamaPart(1));
        longAnswer.put("part1Reason", longest);
        HttpResponse<String> saved = viaPage(page(), part1, JSON.writeValueAsString(longAnswer));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        // The engine holds it as an ordinary String (Tasklist and /engine-rest read it back whole) ...
        String processInstance = json(as("admin").get("/engine-rest/process-instance?businessKey=" + systemId))
                .findValuesAsText("id")
                .stream()
                .filter(id -> as("admin")
                                .get("/engine-rest/process-instance/" + id + "/variables/part1Reason")
                                .statusCode()
                        == 200)
                .findFirst()
                .orElseThrow();
        JsonNode variable =
                json(as("admin").get("/engine-rest/process-instance/" + processInstance + "/variables/part1Reason"));
        assertThat(variable.path("type").asText()).isEqualTo("String");
        assertThat(variable.path("value").asText()).isEqualTo(longest);
        // ... and the version, its JSON export, its PDF and its page show it in full.
        JsonNode iama =
                json(as("lead").get("/api/systems/" + systemId)).path("assessments").findParents("type").stream()
                        .filter(a -> "IAMA".equals(a.path("type").asText()))
                        .findFirst()
                        .orElseThrow();
        String version = "/api/assessments/" + iama.path("id").asText() + "/versions/1";
        assertThat(json(as("lead").get(version)).findValue("part1Reason").asText())
                .isEqualTo(longest);
        assertThat(json(as("lead").get(version + "/export?format=json"))
                        .findValue("part1Reason")
                        .asText())
                .isEqualTo(longest);
        HttpResponse<byte[]> pdf = as("lead").getBytes(version + "/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(pdf.body().length).isGreaterThan(30_000);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String pdfText = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
            String tail = longest.substring(longest.length() - 150)
                    .replaceAll("\\s+", " ")
                    .trim();
            assertThat(pdfText)
                    .as("the PDF holds the answer to its last characters")
                    .contains(tail);
        }
        String versionPage = page().get("/beoordelingen/" + iama.path("id").asText() + "/versies/1")
                .body();
        assertThat(versionPage).contains(longest.substring(longest.length() - 200));
    }

    @Test
    void anOversizedBodyIsRefusedWith413OnThePagesAndEveryApi() throws Exception {
        String systemId = newSystemWithCycle("Grote invoer");
        String triage = task(systemId, "fill-in-triage");
        String huge = "{\"purpose\":\"" + "x".repeat(40 * 1024 * 1024) + "\"}";
        HttpResponse<String> onPage = viaPage(page(), triage, huge);
        assertThat(onPage.statusCode()).isEqualTo(413);
        assertThat(json(onPage).path("detail").asText()).contains("te groot");
        String big = "{\"variables\":{\"purpose\":{\"value\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}}";
        assertThat(as("lead")
                        .postJson("/engine-rest/task/" + triage + "/complete", big)
                        .statusCode())
                .isEqualTo(413);
        assertThat(as("lead")
                        .postJson("/camunda/api/engine/engine/default/task/" + triage + "/submit-form", big)
                        .statusCode())
                .isEqualTo(413);
        assertThat(task(systemId, "fill-in-triage")).isEqualTo(triage);
    }

    @Test
    void camundaTasklistsOwnRestApiRefusesAnIncompleteForm() throws Exception {
        String systemId = newSystemWithCycle("Tasklist");
        String triage = task(systemId, "fill-in-triage");
        Http tasklist = page();
        HttpResponse<String> submitted =
                tasklist.tasklistSubmitForm(triage, "{\"variables\":{\"purpose\":{\"value\":\"\"}}}");
        refusedNaming(submitted, "'purpose' is required");
        assertThat(task(systemId, "fill-in-triage")).isEqualTo(triage);
    }
}
