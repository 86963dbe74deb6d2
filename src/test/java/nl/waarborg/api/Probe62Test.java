package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.waarborg.assessment.AssessmentVersion;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.forms.Fixtures;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.Together;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Probe 62 from outside: what the reviewers read in their own task forms, the lifecycle after "in use" (a new round,
 * retirement) and calls that race each other (a co-author's removal against their claim, a trigger against a
 * retirement). Each test asserts the safe outcome; a failing test is a hole.
 */
@WaarborgIntegrationTest
class Probe62Test extends GuardScenario {

    @Autowired
    TriageRecords triageRecords;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * Text that Camunda's form viewer (form-js 1.23, vendored; the Text view puts a variable into its markdown with
     * {@code {{name}}}, renders it with marked and keeps only the elements of its allow-list, removing any other
     * element together with its content, and every comment) shows as the first sentence only. The recorded answer,
     * the PDF and the version page show all of it.
     */
    static final String HIDDEN = "Sorteert alleen op documentsoort.<x-note> Het model weegt ook nationaliteit en"
            + " postcode mee.</x-note><!-- Niemand controleert de uitkomst. -->";

    /**
     * Hidden with markdown alone, no markup: a line that reads as a link reference definition is not rendered at all
     * (CommonMark), so escaping HTML would not be enough.
     */
    static final String HIDDEN_MARKDOWN = "Sorteert alleen op documentsoort.\n\n[1]: https://example.org"
            + " \"Het model weegt ook nationaliteit en postcode mee.\"";

    /** A line that marked reads as a link reference definition and leaves out. */
    static final java.util.regex.Pattern REFERENCE_DEFINITION =
            java.util.regex.Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s");

    /** What the reviewer's task page gives its form viewer (the page's own values call, in the reviewer's session). */
    private JsonNode valuesOnPage(String user, String taskId) {
        HttpResponse<String> values = login(user).get("/taken/" + taskId + "/waarden", "application/json");
        assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
        return ApiSteps.json(values);
    }

    /**
     * Whether the form shows {@code variable} through a text view, which reads it as markdown and HTML; an HTML view
     * escapes it (the fix: FormTextsTest). Either way the form must show it.
     */
    private boolean readAsMarkdown(String formId, String variable) {
        HttpResponse<String> form = Http.api(port).as("fg", "demo").get("/formulieren/" + formId);
        assertThat(form.body()).contains("{{" + variable + "}}");
        for (JsonNode component : ApiSteps.json(form).findParents("type")) {
            if ("text".equals(component.path("type").asText())
                    && component.path("text").asText("").contains("{{" + variable + "}}")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The owner claims the Art. 6(3) exception with reasons that carry an element outside form-js's allow-list and an
     * HTML comment. The privacy officer decides on the exception in Waarborg's task page, whose form shows the
     * reasons through a text view as markdown: the hidden part ("weighs nationality and postcode too") is removed
     * there, while the triage record, the audit trail and every export keep it. Safe: the reasons are refused, or the
     * value the reviewer's form receives carries no markup that the viewer would hide.
     */
    @Test
    void thePrivacyOfficerSeesTheReasonsForTheExceptionAsTheyAreRecorded() {
        List<String> hidden = new ArrayList<>();
        for (String reasons : List.of(HIDDEN, HIDDEN_MARKDOWN)) {
            String systemId = startedSystem("Probe62 uitzondering");
            Map<String, Object> answers = Probe61Test.exceptionTriage();
            answers.put("exceptionReasons", reasons);
            HttpResponse<String> filled =
                    steps().viaApi("lead", open(systemId, "fill-in-triage").getId(), answers);
            if (filled.statusCode() >= 400) {
                assertThat(filled.statusCode()).as(filled.body()).isBetween(400, 499);
                continue;
            }
            Task review = open(systemId, "review-exception");
            assertThat(review).isNotNull();
            String shown =
                    valuesOnPage("fg", review.getId()).path("exceptionReasons").asText();
            if (readAsMarkdown("exception-review", "exceptionReasons") && shown.contains("<x-note>")
                    || readAsMarkdown("exception-review", "exceptionReasons")
                            && (shown.contains("<!--")
                                    || REFERENCE_DEFINITION.matcher(shown).find())) {
                hidden.add(shown);
            }
        }
        assertThat(hidden)
                .as("reasons that the privacy officer's form renders as markdown and partly hides")
                .isEmpty();
    }

    /**
     * The same for the recommended IAMA: the owner declines it with reasons that the ethics committee reads in its
     * advice form as markdown; when the committee agrees, the system goes into use without an IAMA on those reasons.
     */
    @Test
    void theEthicsCommitteeSeesTheReasonsForDecliningAsTheyAreRecorded() {
        String systemId = startedSystem("Probe62 afzien");
        ApiSteps api = steps();
        assertThat(api.viaApi(
                                "lead",
                                open(systemId, "fill-in-triage").getId(),
                                TriageAnswers.with(TriageAnswers.impactful()))
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> declined = api.viaApi(
                "lead",
                open(systemId, "choose-iama").getId(),
                Map.of("iamaChoice", "DECLINE", "iamaChoiceReasons", HIDDEN));
        if (declined.statusCode() >= 400) {
            assertThat(declined.statusCode()).as(declined.body()).isBetween(400, 499);
            return;
        }
        Task advice = open(systemId, "advise-iama-decline");
        assertThat(advice).isNotNull();
        String shown =
                valuesOnPage("ethics", advice.getId()).path("iamaChoiceReasons").asText();
        if (!readAsMarkdown("iama-decline-advice", "iamaChoiceReasons")) {
            return;
        }
        assertThat(shown)
                .as("the reasons the ethics committee's form renders as markdown; recorded: %s", HIDDEN)
                .doesNotContain("<x-note>")
                .doesNotContain("<!--");
    }

    /**
     * The project lead records the Dutch DPA's written answer after a prior consultation (GDPR Art. 36); the alderman's
     * decision form shows its summary through a text view as markdown. The lead records "advice with measures" whose
     * one measure is hidden from that form: the alderman approves without seeing the condition the DPA set, while the
     * version keeps it. Safe: the summary is refused, or the alderman's form receives it without hiding markup.
     */
    @Test
    void theAldermanSeesTheDpasAnswerAsItWasRecorded() {
        String systemId =
                systems.register("Probe62 raadpleging", null, "Werk", "lead").id();
        assertThat(api("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        ApiSteps api = steps();
        Map<String, Object> triage = new java.util.HashMap<>(TriageAnswers.neutral());
        triage.put("purpose", "Fraudesignalen");
        triage.put("dpaListType", "PROFILING");
        triage.put("processesPersonalData", "YES");
        completed(api, "lead", systemId, "fill-in-triage", triage);
        for (char section : List.of('a', 'b', 'c')) {
            completed(api, "lead", systemId, "fill-in-dpia-section-" + section, Fixtures.dpiaSection(section));
        }
        Map<String, Object> d = new java.util.HashMap<>(Fixtures.dpiaSection('d'));
        d.put(
                "sectionDMeasures",
                List.of(Map.of("riskId", "R1", "measure", "Menselijke toets", "residualRisk", "HIGH")));
        completed(api, "lead", systemId, "fill-in-dpia-section-d", d);
        completed(
                api,
                "fg",
                systemId,
                "privacy-officer-advice",
                Map.of("decision", "APPROVED", "motivation", "Raadpleeg de AP"));
        // Submitted, received and answered today: no date of the consultation may lie after today.
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
        completed(
                api,
                "lead",
                systemId,
                "dpa-consultation-submit",
                Map.of("dpaSubmissionDate", today, "dpaReceiptDate", today, "dpaSubmissionReference", "AP-62"));
        String summary = "Geen bezwaar tegen de verwerking.<x-note> Voorwaarde: ieder besluit krijgt een menselijke"
                + " toets; zonder die toets maakt de verwerking inbreuk op de AVG.</x-note>";
        HttpResponse<String> answered = api.viaApi(
                "lead",
                api.task("lead", systemId, "dpa-consultation-answer"),
                Map.of(
                        "dpaAnswerDate",
                        today,
                        "dpaAnswerOutcome",
                        "ADVICE_WITH_MEASURES",
                        "dpaAnswerSummary",
                        summary));
        if (answered.statusCode() >= 400) {
            assertThat(answered.statusCode()).as(answered.body()).isBetween(400, 499);
            return;
        }
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
        if (!readAsMarkdown("dpia-alderman-decision", "dpaAnswerForDecisionSummary")) {
            return;
        }
        String decide = api.task("alderman", systemId, "alderman-decision");
        String shown = valuesOnPage("alderman", decide)
                .path("dpaAnswerForDecisionSummary")
                .asText();
        assertThat(shown)
                .as("the DPA's answer as the alderman's form renders it (markdown); recorded: %s", summary)
                .doesNotContain("<x-note>");
    }

    private static void completed(
            ApiSteps api, String user, String systemId, String activityId, Map<String, ?> values) {
        HttpResponse<String> response = api.viaApi(user, api.task(user, systemId, activityId), values);
        assertThat(response.statusCode())
                .as(activityId + ": " + response.body())
                .isEqualTo(204);
    }

    /** A system "in use" (Evaluate): the recommended IAMA declined with the ethics committee's agreement. */
    private String inUse(String name) {
        String systemId = startedSystem(name);
        ApiSteps api = steps();
        assertThat(api.viaApi(
                                "lead",
                                open(systemId, "fill-in-triage").getId(),
                                TriageAnswers.with(TriageAnswers.impactful()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.viaApi(
                                "lead",
                                open(systemId, "choose-iama").getId(),
                                Map.of("iamaChoice", "DECLINE", "iamaChoiceReasons", "Laag risico"))
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> advised = api.viaApi(
                "ethics",
                open(systemId, "advise-iama-decline").getId(),
                Map.of("iamaDeclineAdvice", "AGREED", "iamaDeclineAdviceMotivation", "Eens"));
        assertThat(advised.statusCode()).as(advised.body()).isEqualTo(204);
        assertThat(systems.get(systemId).phase().name()).isEqualTo("EVALUATE");
        return systemId;
    }

    /**
     * A new round after "in use" does not ride on the old round's advice: the owner triggers a re-assessment and
     * declines the IAMA again with the same answers; the system leaves Evaluate and goes back into use only after the
     * ethics committee advised again in the new round (the owner can neither give that advice nor skip it).
     */
    @Test
    void aNewRoundAfterUseNeedsItsOwnAdviceAndTheOwnerCannotGiveIt() {
        String systemId = inUse("Probe62 nieuwe ronde");
        int before = triageRecords.lastRound(systemId);
        HttpResponse<String> trigger = api("lead")
                .postJson(
                        "/api/systems/" + systemId + "/triggers",
                        ApiSteps.write(Map.of("type", "MATERIAL_CHANGE", "description", "Nieuwe databron")));
        assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(202);
        assertThat(systems.get(systemId).phase().name()).isNotEqualTo("EVALUATE");
        ApiSteps api = steps();
        assertThat(api.viaApi(
                                "lead",
                                open(systemId, "fill-in-triage").getId(),
                                TriageAnswers.with(TriageAnswers.impactful()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(triageRecords.lastRound(systemId)).isEqualTo(before + 1);
        assertThat(api.viaApi(
                                "lead",
                                open(systemId, "choose-iama").getId(),
                                Map.of("iamaChoice", "DECLINE", "iamaChoiceReasons", "Laag risico"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(systems.get(systemId).phase().name())
                .as("in use again without the new round's advice")
                .isNotEqualTo("EVALUATE");
        Task advice = open(systemId, "advise-iama-decline");
        assertThat(advice).as("the new round asks the ethics committee again").isNotNull();
        List<String> given = new ArrayList<>();
        Map<String, Object> agreed = Map.of("iamaDeclineAdvice", "AGREED", "iamaDeclineAdviceMotivation", "Eens");
        for (String path : List.of("api", "complete", "submit-form")) {
            HttpResponse<String> response = "api".equals(path)
                    ? api.viaApi("lead", advice.getId(), agreed)
                    : api.viaEngineRest("lead", advice.getId(), path, agreed);
            if (response.statusCode() < 400) {
                given.add(path + " -> " + response.statusCode());
            }
        }
        assertThat(given).as("the owner's own advice on declining").isEmpty();
        assertThat(systems.get(systemId).phase().name()).isNotEqualTo("EVALUATE");
    }

    /**
     * The owner sends a re-assessment trigger and retires the system at the same moment (two HTTP calls released by
     * one latch). Exactly one of them takes effect; the other is refused with a 4xx problem, nothing is a 500, and the
     * system ends either retired without a running cycle or in a new round.
     */
    @Test
    void aTriggerAndARetirementAtTheSameMomentTakeOneEffect() throws Exception {
        String systemId = inUse("Probe62 gelijktijdig");
        String trigger = ApiSteps.write(Map.of("type", "INCIDENT", "description", "Klacht van een inwoner"));
        String retire = ApiSteps.write(Map.of("reason", "Vervangen door een nieuw systeem"));
        List<HttpResponse<String>> responses = together(List.of(
                () -> api("lead").postJson("/api/systems/" + systemId + "/triggers", trigger),
                () -> api("lead").postJson("/api/systems/" + systemId + "/retirement", retire)));
        List<String> outcome =
                responses.stream().map(r -> r.statusCode() + " " + r.body()).toList();
        System.out.println("Probe62 trigger/retire " + outcome);
        assertThat(responses)
                .as(outcome.toString())
                .allSatisfy(r -> assertThat(r.statusCode()).isLessThan(500));
        assertThat(responses.stream().filter(r -> r.statusCode() == 202).count())
                .as(outcome.toString())
                .isEqualTo(1);
        String phase = systems.get(systemId).phase().name();
        boolean running = engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(systemId)
                        .processDefinitionKey("assessment-cycle")
                        .count()
                > 0;
        if (responses.get(1).statusCode() == 202) {
            assertThat(phase).isEqualTo("RETIRED");
            assertThat(running).isFalse();
        } else {
            assertThat(phase).isNotIn("RETIRED", "EVALUATE");
            assertThat(running).isTrue();
        }
    }

    /**
     * An administrator cancels a cycle (ADR: never one that waits in Evaluate) at the moment the ethics committee's
     * agreement to decline the IAMA puts the system into use. Safe: either the cancellation wins (Registered, no cycle)
     * or it is refused and the system is in use with its cycle waiting in Evaluate (so it can be re-assessed and
     * retired); never "in use" without a cycle, nor a cycle left running in Registered, and no 500.
     */
    @Test
    void aCancellationAndTheAdviceThatPutsTheSystemIntoUseAtOnceLeaveAConsistentSystem() throws Exception {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 3 && broken.isEmpty(); i++) {
            String outcome = cancelWhileAdvising("Probe62 annuleren " + i);
            if (!outcome.startsWith("consistent")) {
                broken.add(outcome);
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * The same race as above, looking at the answers: the cancellation and the advice lock the system row and the
     * engine's rows in opposite order, and the database picks a deadlock victim, which is answered 500 "An unexpected
     * error occurred" instead of the 409 "Someone else changed this at the same moment". Observed on H2: the
     * administrator's cancellation (ENGINE-03004, H2 "Deadlock detected", SQLState 40001, on the delete of the advice
     * task). Observed on PostgreSQL: the ethics committee's completion ("deadlock detected" in
     * TriageDecisions.append under the TriageFollowUp task listener, then ENGINE-03051 "current transaction is
     * aborted"). {@code shared.ProblemStatus} took only OptimisticLocking, ConcurrencyFailure and SQLState 23 for a
     * race; now a rollback of class 40 (deadlock, serialization failure) is one too. Nothing was changed by the losing
     * request; the state stayed consistent. Safe: no 5xx.
     */
    @Test
    void aDeadlockBetweenTwoRequestsIsAConflictAndNoServerError() throws Exception {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 6 && errors.isEmpty(); i++) {
            String outcome = cancelWhileAdvising("Probe62 impasse " + i);
            if (outcome.matches("(?s).*(cancel|advice) 5\\d\\d.*")) {
                errors.add(outcome);
            }
        }
        assertThat(errors).as("a race answered with a server error").isEmpty();
    }

    /**
     * A system at the ethics committee's advice on declining the IAMA; the administrator's cancellation and the
     * committee's agreement sent at once. Returns "consistent ..." or "inconsistent ..." with both answers.
     */
    private String cancelWhileAdvising(String name) throws Exception {
        String systemId = startedSystem(name);
        ApiSteps api = steps();
        assertThat(api.viaApi(
                                "lead",
                                open(systemId, "fill-in-triage").getId(),
                                TriageAnswers.with(TriageAnswers.impactful()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.viaApi(
                                "lead",
                                open(systemId, "choose-iama").getId(),
                                Map.of("iamaChoice", "DECLINE", "iamaChoiceReasons", "Laag risico"))
                        .statusCode())
                .isEqualTo(204);
        String advice = open(systemId, "advise-iama-decline").getId();
        List<HttpResponse<String>> responses = together(List.of(
                () -> api("admin")
                        .postJson(
                                "/api/admin/work/systems/" + systemId + "/cycle-cancellation",
                                ApiSteps.write(Map.of("reason", "Per abuis gestart"))),
                () -> api.viaApi(
                        "ethics",
                        advice,
                        Map.of("iamaDeclineAdvice", "AGREED", "iamaDeclineAdviceMotivation", "Eens"))));
        String phase = systems.get(systemId).phase().name();
        boolean running = engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(systemId)
                        .processDefinitionKey("assessment-cycle")
                        .count()
                > 0;
        boolean consistent = ("EVALUATE".equals(phase) && running) || ("REGISTERED".equals(phase) && !running);
        String outcome = (consistent ? "consistent" : "inconsistent") + ": cancel "
                + responses.get(0).statusCode()
                + ", advice " + responses.get(1).statusCode() + " -> phase " + phase + ", cycle running " + running
                + " | " + responses.get(0).body() + " | " + responses.get(1).body();
        System.out.println("Probe62 cancel/advice " + outcome);
        return outcome;
    }

    /**
     * The owner saves a section of the IAMA through /api at the moment the team's last part is submitted, which opens
     * the privacy officer's gate and puts the version in review (ADR 0014: a section is saved only while the version is
     * a draft). Safe: the save either lands before the review (200, and its text is in the version the officer reads)
     * or is refused (409, and its text is nowhere); the version is in review afterwards and refuses any later save;
     * no 5xx.
     */
    @Test
    void aSectionSavedWhileTheLastPartIsSubmittedIsInTheReviewedVersionOrRefused() throws Exception {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 2 && broken.isEmpty(); i++) {
            RunningIama iama = at("Probe62 inleveren " + i, "fill-in-iama-part-5");
            String assessmentId = jdbc.sql("SELECT id FROM wb_assessment WHERE system_id = :s AND type = 'IAMA'")
                    .param("s", iama.systemId())
                    .query(String.class)
                    .single();
            AssessmentVersion before = reads.version(assessmentId, 1).orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> part1 = new java.util.LinkedHashMap<>(
                    (Map<String, Object>) before.answers().get("iama-part-1"));
            String late = "Probe62 late wijziging " + i;
            part1.put("part1Goal", late);
            String section = "/api/assessments/" + assessmentId + "/versions/1/sections/iama-part-1";
            String part5 = iama.gateTaskId();
            Map<String, Object> answers = driver.answers("iama-part-5", "lead");
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api("lead").sendJson("PUT", section, ApiSteps.write(part1)),
                    () -> steps().viaApi("lead", part5, answers)));
            AssessmentVersion after = reads.version(assessmentId, 1).orElseThrow();
            boolean inVersion = ApiSteps.write(after.answers()).contains(late);
            String outcome = "round " + i + ": save " + responses.get(0).statusCode() + ", submit "
                    + responses.get(1).statusCode() + " -> " + after.status() + ", late text in version " + inVersion;
            System.out.println("Probe62 save/submit " + outcome);
            int save = responses.get(0).statusCode();
            boolean ok = responses.get(1).statusCode() == 204
                    && after.status().name().equals("IN_REVIEW")
                    && ((save == 200 && inVersion) || (save == 409 && !inVersion));
            HttpResponse<String> again = api("lead").sendJson("PUT", section, ApiSteps.write(part1));
            if (!ok || again.statusCode() != 409) {
                broken.add(outcome + "; a later save: " + again.statusCode() + " | "
                        + responses.get(0).body() + " | " + responses.get(1).body());
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * Probe 62 saw a key that is on no form ({@code part1Probe62}) saved through the section API into a version that then
     * went to review. A section saved there is a draft of its form: a key the form does not have, a text over its limit
     * or a choice it does not offer is refused (400 naming it) and nothing is saved; an answer still missing is not.
     */
    @Test
    void aSectionSavedThroughTheApiKeepsToItsForm() {
        RunningIama iama = at("Probe62 sectie-API", "fill-in-iama-part-1");
        String assessmentId = jdbc.sql("SELECT id FROM wb_assessment WHERE system_id = :s AND type = 'IAMA'")
                .param("s", iama.systemId())
                .query(String.class)
                .single();
        String section = "/api/assessments/" + assessmentId + "/versions/1/sections/iama-part-1";
        HttpResponse<String> unknown =
                api("lead").sendJson("PUT", section, "{\"part1Goal\":\"Doel\",\"part1Probe62\":\"verstopt\"}");
        ApiSteps.refusedNaming(unknown, "part1Probe62");
        HttpResponse<String> tooLong =
                api("lead").sendJson("PUT", section, ApiSteps.write(Map.of("part1Goal", "x".repeat(100_001))));
        ApiSteps.refusedNaming(tooLong, "part1Goal");
        assertThat(ApiSteps.write(reads.version(assessmentId, 1).orElseThrow().answers()))
                .doesNotContain("verstopt");
        HttpResponse<String> draft = api("lead").sendJson("PUT", section, "{\"part1Goal\":\"Alleen het doel\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(ApiSteps.write(reads.version(assessmentId, 1).orElseThrow().answers()))
                .contains("Alleen het doel");
    }

    /**
     * The owner removes a co-author while that co-author claims the team's open pre-scan (two calls released by one
     * latch, a few times). Removal takes the co-author's claim, candidacy and per-task grant away in its transaction;
     * a claim that commits in between must not leave the removed co-author holding the team's task. Safe: afterwards
     * the co-author is neither the task's assignee nor able to complete it.
     */
    @Test
    void aCoAuthorRemovedWhileClaimingKeepsNoTaskOfTheTeam() throws Exception {
        String systemId = startedSystem("Probe62 wedloop");
        String taskId = open(systemId, "fill-in-triage").getId();
        List<String> kept = new ArrayList<>();
        long until = System.currentTimeMillis() + 8_000;
        for (int i = 0; i < 6 && kept.isEmpty() && System.currentTimeMillis() < until; i++) {
            HttpResponse<String> added = api("lead").postJson("/api/systems/" + systemId + "/co-authors/lead2", "");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            List<HttpResponse<String>> responses = together(List.of(
                    () -> api("lead").sendJson("DELETE", "/api/systems/" + systemId + "/co-authors/lead2", null),
                    () -> api("lead2").postJson("/api/tasks/" + taskId + "/claim", "")));
            boolean member =
                    jdbc.sql("SELECT COUNT(*) FROM wb_system_co_author WHERE system_id = :s AND user_id = 'lead2'")
                                    .param("s", systemId)
                                    .query(Integer.class)
                                    .single()
                            > 0;
            String assignee = engine.getTaskService()
                    .createTaskQuery()
                    .taskId(taskId)
                    .singleResult()
                    .getAssignee();
            String round = "round " + i + ": remove " + responses.get(0).statusCode() + " "
                    + responses.get(0).body() + ", claim " + responses.get(1).statusCode() + ", member " + member
                    + ", assignee " + assignee;
            System.out.println("Probe62 race " + round);
            assertThat(responses)
                    .as(round)
                    .allSatisfy(r -> assertThat(r.statusCode()).isLessThan(500));
            if (member) { // the removal lost (refused): take the co-author out for the next round
                HttpResponse<String> removed =
                        api("lead").sendJson("DELETE", "/api/systems/" + systemId + "/co-authors/lead2", null);
                assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
            }
            String after = engine.getTaskService()
                    .createTaskQuery()
                    .taskId(taskId)
                    .singleResult()
                    .getAssignee();
            if ("lead2".equals(after)) {
                HttpResponse<String> completed = steps().viaApi("lead2", taskId, TriageAnswers.impactful());
                kept.add(round + "; then the removed co-author completes the team's pre-scan: " + completed.statusCode()
                        + ", task still open: " + (open(systemId, "fill-in-triage") != null));
            }
        }
        assertThat(kept).as("the removed co-author holds the team's task").isEmpty();
    }

    /**
     * A JSON body with one key twice: the first spelling harmless, the second with a right-to-left override (ADR 0055),
     * and the other way round. Whichever value the object mapper keeps, the control character is refused (400) and no
     * system is registered under either name.
     */
    @Test
    void aDuplicateKeyCarriesNoRefusedCharacterPastTheInputCheck() {
        String harmless = "Probe62 dubbel";
        String hostile = "Probe62 dubbel\u202Efdp.exe";
        List<String> accepted = new ArrayList<>();
        for (String body : List.of(
                "{\"name\":" + ApiSteps.write(harmless) + ",\"name\":" + ApiSteps.write(hostile)
                        + ",\"department\":\"Sociaal Domein\"}",
                "{\"name\":" + ApiSteps.write(hostile) + ",\"name\":" + ApiSteps.write(harmless)
                        + ",\"department\":\"Sociaal Domein\"}",
                "{\"name\":" + ApiSteps.write(harmless) + ",\"department\":\"Sociaal Domein\",\"department\":"
                        + ApiSteps.write("Sociaal\u202EDomein") + "}")) {
            HttpResponse<String> response = api("lead").postJson("/api/systems", body);
            if (response.statusCode() < 400) {
                accepted.add(body + " -> " + response.statusCode() + " " + response.body());
            } else {
                assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_system WHERE name LIKE 'Probe62 dubbel%' OR department LIKE"
                                + " '%' || :c || '%'")
                        .param("c", "\u202E")
                        .query(Integer.class)
                        .single())
                .as(accepted.toString())
                .isZero();
        assertThat(accepted).isEmpty();
    }

    private static List<HttpResponse<String>> together(List<Callable<HttpResponse<String>>> calls) throws Exception {
        return Together.run(calls);
    }
}
