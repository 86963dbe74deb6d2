package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.TriageDecisions;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.notification.NewGroupTaskMail;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Probe 61 from outside: the triage and what follows it (answers in odd shapes on every completion path, the answers
 * rewritten between the pre-scan and the privacy officer's review of the Art. 6(3) exception, the adviser's steps
 * taken by the owner), and an administrator's cancellation in the middle of that. Each test asserts the safe outcome.
 */
@WaarborgIntegrationTest
class Probe61Test extends GuardScenario {

    @Autowired
    TriageRecords triageRecords;

    @Autowired
    TriageDecisions triageDecisions;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private ProcessInstance instance(String systemId, String key) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(systemId)
                .processDefinitionKey(key)
                .singleResult();
    }

    /** Annex III point 4 (employment) with the Art. 6(3) exception: the privacy officer reviews it. */
    static Map<String, Object> exceptionTriage() {
        Map<String, Object> v = TriageAnswers.neutral();
        v.put("isAiSystem", "YES");
        v.put("annexIiiArea", "EMPLOYMENT");
        v.put("exceptionNoSignificantRisk", "YES");
        v.put("exceptionNarrowTask", "YES");
        v.put("exceptionRegistered", "YES");
        v.put("exceptionReasons", "Sorteert alleen op documentsoort");
        return v;
    }

    /** Welfare-fraud profiling by AI (Annex III 5(a)) with personal data: FRIA/IAMA and DPIA required. */
    static Map<String, Object> highRisk() {
        return TriageAnswers.with(TriageAnswers.highRiskWithPersonalData());
    }

    /**
     * ADR 0022: the triage fails closed. Answers in shapes the form does not offer (another case, white space around
     * or a non-breaking space after the choice, a boolean, a list, null, a string "true") must never produce a
     * decision: on /engine-rest (complete and submit-form) and /api the completion is refused, the pre-scan stays open
     * and no outcome is recorded for the round.
     */
    @Test
    void triageAnswersInShapesTheFormDoesNotOfferDecideNothing() {
        String systemId = startedSystem("Probe61 vormen");
        Task triage = open(systemId, "fill-in-triage");
        Map<String, Object> variants = new LinkedHashMap<>();
        variants.put("legalEffects=yes", Map.of("legalEffects", "yes"));
        variants.put("legalEffects=' YES'", Map.of("legalEffects", " YES"));
        variants.put("legalEffects=YES+nbsp", Map.of("legalEffects", "YES\u00a0"));
        variants.put("legalEffects=true", Map.of("legalEffects", true));
        variants.put("legalEffects='true'", Map.of("legalEffects", "true"));
        variants.put("legalEffects=[YES]", Map.of("legalEffects", List.of("YES")));
        variants.put("annexIiiArea=essential_services", Map.of("annexIiiArea", "essential_services"));
        variants.put("annexIiiArea=ESSENTIAL_SERVICES ", Map.of("annexIiiArea", "ESSENTIAL_SERVICES "));
        variants.put("annexIiiArea=[ESSENTIAL_SERVICES]", Map.of("annexIiiArea", List.of("ESSENTIAL_SERVICES")));
        variants.put("annexIiiArea=UNKNOWN_AREA", Map.of("annexIiiArea", "SOMETHING_ELSE"));
        variants.put("isAiSystem=false", Map.of("isAiSystem", false));
        variants.put("processesPersonalData=No", Map.of("processesPersonalData", "No"));
        variants.put("dpaListType=fraud", Map.of("dpaListType", "fraud_prevention"));
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, Object> variant : variants.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> change = (Map<String, Object>) variant.getValue();
            Map<String, Object> answers = new HashMap<>(highRisk());
            answers.putAll(change);
            for (String path : List.of("complete", "submit-form", "api")) {
                HttpResponse<String> response = "api".equals(path)
                        ? steps().viaApi("lead", triage.getId(), answers)
                        : steps().viaEngineRest("lead", triage.getId(), path, answers);
                if (response.statusCode() < 400 || open(systemId, "fill-in-triage") == null) {
                    accepted.add(variant.getKey() + " via " + path + " -> " + response.statusCode() + " "
                            + triageRecords.triageOf(systemId, 1));
                    break;
                }
                assertThat(response.statusCode())
                        .as(variant.getKey() + " " + path)
                        .isBetween(400, 499);
                assertThat(response.body()).doesNotContain("\tat ");
            }
            if (!accepted.isEmpty()) {
                break;
            }
        }
        // A null answer on /engine-rest: Camunda's {"value": null}.
        if (accepted.isEmpty()) {
            Map<String, Object> variables = new LinkedHashMap<>();
            highRisk().forEach((k, v) -> variables.put(k, Map.of("value", v)));
            Map<String, Object> nullValue = new HashMap<>();
            nullValue.put("value", null);
            variables.put("annexIiiArea", nullValue);
            HttpResponse<String> response = api("lead")
                    .postJson(
                            "/engine-rest/task/" + triage.getId() + "/complete",
                            ApiSteps.write(Map.of("variables", variables)));
            if (response.statusCode() < 400 || open(systemId, "fill-in-triage") == null) {
                accepted.add("annexIiiArea=null -> " + response.statusCode());
            }
        }
        assertThat(accepted).as("answers in odd shapes that were decided on").isEmpty();
        assertThat(triageRecords.triageOf(systemId, 1)).isEmpty();
        assertThat(open(systemId, "fill-in-triage")).isNotNull();
    }

    /**
     * ADR 0030: when the privacy officer disagrees with the Art. 6(3) exception, the triage is evaluated again on the
     * answers of the pre-scan. Between the pre-scan and the review the owner tries to rewrite those answers (no Annex
     * III area, no AI) in the cycle and in the called "triage-outcome" instance, as process, execution-local and
     * message variables, so that the re-evaluation would find no high risk (and no FRIA/IAMA). Every write must be
     * refused, and the disagreement must make the system high-risk with the IAMA required.
     */
    @Test
    void theOwnerCannotRewriteTheTriageAnswersBeforeTheExceptionReview() {
        String systemId = startedSystem("Probe61 herbeoordeling");
        Task triage = open(systemId, "fill-in-triage");
        HttpResponse<String> filled = steps().viaApi("lead", triage.getId(), exceptionTriage());
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
        Task review = open(systemId, "review-exception");
        assertThat(review).as("the exception goes to the privacy officer").isNotNull();
        String cycle = instance(systemId, "assessment-cycle").getId();
        String settle = review.getProcessInstanceId();
        String execution = review.getExecutionId();

        List<String> written = new ArrayList<>();
        for (String user : List.of("lead", "admin", "fg")) {
            for (String pi : List.of(cycle, settle)) {
                String base = "/engine-rest/process-instance/" + pi + "/variables";
                Map<String, String[]> calls = new LinkedHashMap<>();
                calls.put("put", new String[] {"PUT", base + "/annexIiiArea", "{\"value\":\"NONE\",\"type\":\"String\"}"
                });
                calls.put("modify", new String[] {
                    "POST", base, "{\"modifications\":{\"isAiSystem\":{\"value\":\"NO\",\"type\":\"String\"}}}"
                });
                calls.put("delete", new String[] {"DELETE", base + "/annexIiiArea", null});
                for (Map.Entry<String, String[]> call : calls.entrySet()) {
                    String[] c = call.getValue();
                    HttpResponse<String> response = send(user, c[0], c[1], c[2]);
                    if (response.statusCode() < 400) {
                        written.add(user + " " + call.getKey() + " " + pi + " -> " + response.statusCode());
                    }
                }
            }
            String exec = "/engine-rest/execution/" + execution + "/localVariables";
            HttpResponse<String> local =
                    send(user, "PUT", exec + "/annexIiiArea", "{\"value\":\"NONE\",\"type\":\"String\"}");
            if (local.statusCode() < 400) {
                written.add(user + " execution-local -> " + local.statusCode());
            }
            HttpResponse<String> batch = send(
                    user,
                    "POST",
                    "/engine-rest/process-instance/variables-async",
                    "{\"processInstanceIds\":[\"" + settle
                            + "\"],\"variables\":{\"annexIiiArea\":{\"value\":\"NONE\"}}}");
            if (batch.statusCode() < 400) {
                written.add(user + " variables-async -> " + batch.statusCode());
            }
            HttpResponse<String> message = send(
                    user,
                    "POST",
                    "/engine-rest/message",
                    "{\"messageName\":\"trigger\",\"businessKey\":\"" + systemId
                            + "\",\"processVariables\":{\"annexIiiArea\":{\"value\":\"NONE\"}}}");
            if (message.statusCode() < 400) {
                written.add(user + " message -> " + message.statusCode());
            }
        }
        assertThat(written)
                .as("writes of the triage's answers before the review")
                .isEmpty();
        assertThat(engine.getRuntimeService().getVariable(settle, "annexIiiArea"))
                .isEqualTo("EMPLOYMENT");
        assertThat(engine.getRuntimeService().getVariable(cycle, "annexIiiArea"))
                .isEqualTo("EMPLOYMENT");

        // The owner may not review the exception himself, not even as its assignee.
        HttpResponse<String> byOwner = steps().viaApi(
                        "lead",
                        review.getId(),
                        Map.of("exceptionReviewAnswer", "AGREED", "exceptionReviewMotivation", "Eens met mijzelf"));
        assertThat(byOwner.statusCode()).as(byOwner.body()).isBetween(400, 499);
        // The privacy officer disagrees, carrying the pre-scan's answers along as extra fields of the review form.
        Map<String, Object> withAnswers = new HashMap<>();
        withAnswers.put("exceptionReviewAnswer", "DISAGREED");
        withAnswers.put("exceptionReviewMotivation", "Beïnvloedt de selectie");
        withAnswers.put("annexIiiArea", "NONE");
        HttpResponse<String> smuggled = steps().viaEngineRest("fg", review.getId(), "complete", withAnswers);
        assertThat(smuggled.statusCode()).as(smuggled.body()).isBetween(400, 499);
        HttpResponse<String> disagreed = steps().viaEngineRest(
                        "fg",
                        review.getId(),
                        "complete",
                        Map.of("exceptionReviewAnswer", "DISAGREED", "exceptionReviewMotivation", "Beïnvloedt"));
        assertThat(disagreed.statusCode()).as(disagreed.body()).isEqualTo(204);
        assertThat(engine.getRuntimeService().getVariable(cycle, "aiActClass")).isEqualTo("HIGH_RISK_ANNEX_III");
        assertThat(engine.getRuntimeService().getVariable(cycle, "iamaRequired"))
                .isEqualTo(true);
        assertThat(triageRecords.triageOf(systemId, 1))
                .hasValueSatisfying(t -> assertThat(t.toString()).contains("HIGH_RISK_ANNEX_III"));
    }

    /**
     * An administrator cancels the cycle after the privacy officer disagreed with the exception (the round is now
     * high-risk with a required IAMA). The next cycle must not take up an earlier record of that round: it has a round
     * of its own, asks the pre-scan again, and the system stays out of Implement / Evaluate.
     */
    @Test
    void aCancelledCycleAfterTheReviewLeavesNothingThatCountsForTheNextRound() {
        String systemId = startedSystem("Probe61 annuleren");
        assertThat(steps().viaApi("lead", open(systemId, "fill-in-triage").getId(), exceptionTriage())
                        .statusCode())
                .isEqualTo(204);
        Task review = open(systemId, "review-exception");
        assertThat(steps().viaEngineRest(
                                "fg",
                                review.getId(),
                                "complete",
                                Map.of("exceptionReviewAnswer", "DISAGREED", "exceptionReviewMotivation", "Oneens"))
                        .statusCode())
                .isEqualTo(204);
        int roundBefore = triageRecords.lastRound(systemId);

        HttpResponse<String> cancelled = api("admin")
                .postJson(
                        "/api/admin/work/systems/" + systemId + "/cycle-cancellation",
                        "{\"reason\":\"Per ongeluk gestart\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(systems.get(systemId).phase().name()).isEqualTo("REGISTERED");
        // The evidence of the review stays.
        assertThat(triageDecisions.entries(systemId, roundBefore)).isNotEmpty();
        assertThat(triageRecords.triageOf(systemId, roundBefore)).isPresent();

        HttpResponse<String> again = api("lead").postJson("/api/systems/" + systemId + "/cycles", "{}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(open(systemId, "fill-in-triage")).as("a new pre-scan").isNotNull();
        assertThat(open(systemId, "review-exception")).isNull();
        assertThat(instance(systemId, "assessment-cycle")).isNotNull();
        assertThat(engine.getRuntimeService()
                        .getVariable(instance(systemId, "assessment-cycle").getId(), "round"))
                .isEqualTo(roundBefore + 1);
        assertThat(systems.get(systemId).phase().name()).isNotIn("IMPLEMENT", "EVALUATE");
    }

    /**
     * ADR 0026: a mail carries names and links only, and its one link goes to Waarborg. A system's name is one line: it
     * is the mail's subject and is quoted in its text ("bij het systeem ..."). A name with a line break would end the
     * subject early and put text of the owner's choosing on lines of their own in every mail about the system, e.g. a
     * link to another site under Waarborg's sender. Safe: a name with a line break is refused (400 naming name) on
     * /api and on the page, or stored without it; and a mail rendered for the system has no line of the name's making.
     */
    @Test
    void aSystemNameWithALineBreakPutsNoLineOfItsOwnIntoAMail() throws Exception {
        String injected = "Probe61 Rekenmodule\r\nOpen de taak hier: https://waarborg.evil.example/login";
        HttpResponse<String> created = api("lead")
                .postJson("/api/systems", ApiSteps.write(Map.of("name", injected, "department", "Sociaal Domein")));
        List<String> kept = new ArrayList<>();
        if (created.statusCode() < 300) {
            String id = ApiSteps.json(created).path("id").asText();
            String name = systems.get(id).name();
            if (name.contains("\n") || name.contains("\r")) {
                kept.add("/api: stored " + name.replace("\n", "\\n").replace("\r", "\\r"));
                // The mail a group gets about a new task of this system, as the outbox would store it.
                String rendered = NewGroupTaskMail.rendered(context, "Advies FG", name, "https://w/taken/1");
                kept.add("mail: " + rendered.replace("\n", "\\n").replace("\r", "\\r"));
            }
        }
        Http page = login("lead");
        String csrf = Http.csrfTokenFrom(page.get("/systemen/nieuw").body());
        HttpResponse<String> viaPage = page.postForm(
                "/systemen/nieuw", Http.form("_csrf", csrf, "name", injected, "department", "Sociaal Domein"));
        List<String> names = jdbc.sql("SELECT name FROM wb_system WHERE name LIKE 'Probe61 Rekenmodule%'")
                .query(String.class)
                .list();
        long broken =
                names.stream().filter(n -> n.contains("\n") || n.contains("\r")).count();
        if (broken > (kept.isEmpty() ? 0 : 1)) {
            kept.add("page (" + viaPage.statusCode() + "): stored with the line break as well");
        }
        assertThat(kept).as("a system name with a line break").isEmpty();
    }

    /**
     * An "in use" system (Evaluate: the recommended IAMA declined with the ethics committee's agreement) has an
     * incident. Its owner answers that there is reason to consider a risk within the meaning of AI Act Art. 79(1), so use
     * is suspended (ADR 0043) - and then, alone, judges that "the risk did not change" and records the resumption. The
     * system is in use again on the round that did not see that risk: no new round, no adviser. Safe: after an Art.
     * 79(1) risk the owner cannot alone answer "risk unchanged" and resume (refused, or a new round starts and the
     * system leaves Evaluate).
     */
    @Test
    void afterAnArticle79RiskTheOwnerAloneCannotResumeUseOnTheOldRound() {
        String systemId = startedSystem("Probe61 incident");
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
        int round = triageRecords.lastRound(systemId);

        HttpResponse<String> reported = api("lead")
                .postJson(
                        "/api/systems/" + systemId + "/incidents",
                        ApiSteps.write(
                                Map.of("description", "Onterechte afwijzingen van aanvragers", "awareSince", "")));
        assertThat(reported.statusCode()).as(reported.body()).isLessThan(300);
        assertThat(api.viaApi(
                                "lead",
                                api.task("lead", systemId, "classify-incident"),
                                Map.of(
                                        "incidentSeriousness", "NONE",
                                        "incidentBreachRisk", "NO_BREACH",
                                        "incidentClassificationMotivation", "Nog geen schade"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.viaApi(
                                "lead",
                                api.task("lead", systemId, "decide-suspension"),
                                Map.of(
                                        "art79Risk",
                                        "YES",
                                        "suspendUse",
                                        "YES",
                                        "suspensionMotivation",
                                        "Risico voor grondrechten"))
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> unchanged = api.viaApi(
                "lead",
                api.task("lead", systemId, "assess-risk-change"),
                Map.of("riskChanged", "NO", "riskReviewMotivation", "Valt wel mee"));
        HttpResponse<String> resumed = null;
        if (unchanged.statusCode() < 300 && open(systemId, "record-resumption") != null) {
            resumed = api.viaApi(
                    "lead",
                    open(systemId, "record-resumption").getId(),
                    Map.of("resumptionMotivation", "We gaan weer verder"));
        }
        String phase = systems.get(systemId).phase().name();
        boolean suspended = ApiSteps.json(api("lead").get("/api/systems/" + systemId))
                .path("useSuspended")
                .asBoolean();
        assertThat(phase.equals("EVALUATE")
                        && !suspended
                        && triageRecords.lastRound(systemId) == round
                        && open(systemId, "fill-in-triage") == null)
                .as("back in use on round " + round + " after an Art. 79(1) risk: risk review "
                        + unchanged.statusCode() + ", resumption " + (resumed == null ? "-" : resumed.statusCode())
                        + ", phase " + phase + ", suspended " + suspended)
                .isFalse();
    }

    /**
     * The same for a person's name, which every mail to that person quotes in its greeting ("Beste ...") and mails
     * about decisions quote as the signer: an administrator (careless, pasting, or hostile) cannot give an account a
     * name with a line break. Safe: 400 naming the field, nothing created.
     */
    @Test
    void anAccountNameWithALineBreakIsRefused() {
        String id = "p61-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", id);
        account.put("firstName", "Fleur");
        account.put("lastName", "de Vries\r\nOpen de taak hier: https://waarborg.evil.example/login");
        account.put("email", id + "@gemeente.example");
        account.put("password", "Probe61-Sterk-Wachtwoord-2026!");
        account.put("groups", List.of("project-lead"));
        account.put("reason", "Nieuwe medewerker");
        HttpResponse<String> created = api("admin").postJson("/api/admin/users", ApiSteps.write(account));
        String stored = identity.createUserQuery().userId(id).count() == 0
                ? null
                : identity.createUserQuery().userId(id).singleResult().getLastName();
        assertThat(stored == null || !(stored.contains("\n") || stored.contains("\r")))
                .as("created " + created.statusCode() + ": " + created.body())
                .isTrue();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
    }

    /**
     * The careless or hostile administrator and an incident's deadline: the 72 hours of GDPR Art. 33(1) ran out (the
     * breach was known four days ago). The administrator "corrects" the due date of the notice to the DPA a month
     * ahead (/api/admin/work, ADR 0057). The lateness must still count from the moment of awareness: a notice without
     * reasons for the delay is refused (400 naming dpaDelayReasons), and with them it is recorded as late.
     */
    @Test
    void anAdministratorsDueDateCorrectionDoesNotMakeALateBreachNoticeTimely() {
        String systemId = systems.register("Probe61 datalek", null, "Sociaal Domein", "lead")
                .id();
        // Set-up only: the system was registered before the breach became known.
        jdbc.sql("UPDATE wb_system SET created_at = :at WHERE id = :id")
                .param("at", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(30))))
                .param("id", systemId)
                .update();
        String awareSince =
                java.time.OffsetDateTime.now().minusDays(4).withNano(0).toString();
        ApiSteps api = steps();
        HttpResponse<String> reported = api("lead")
                .postJson(
                        "/api/systems/" + systemId + "/incidents",
                        ApiSteps.write(Map.of("description", "Bestand met BSN's gemaild", "awareSince", awareSince)));
        assertThat(reported.statusCode()).as(reported.body()).isLessThan(300);
        assertThat(api.viaApi(
                                "lead",
                                api.task("lead", systemId, "classify-incident"),
                                Map.of(
                                        "incidentSeriousness", "NONE",
                                        "incidentBreachRisk", "RISK",
                                        "incidentClassificationMotivation", "Persoonsgegevens bij derden"))
                        .statusCode())
                .isEqualTo(204);
        String notice = api.task("lead", systemId, "notify-dpa");
        HttpResponse<String> corrected = api("admin")
                .postJson(
                        "/api/admin/work/tasks/" + notice + "/due-date",
                        ApiSteps.write(Map.of(
                                "dueDate",
                                java.time.LocalDate.now().plusDays(30).toString(),
                                "reason",
                                "Meer tijd")));
        HttpResponse<String> withoutReasons =
                api.viaApi("lead", notice, Map.of("dpaNotificationReference", "AP-2026-61"));
        assertThat(withoutReasons.statusCode())
                .as("due date correction " + corrected.statusCode() + "; notice " + withoutReasons.body())
                .isEqualTo(400);
        assertThat(withoutReasons.body()).contains("dpaDelayReasons");
        HttpResponse<String> withReasons = api.viaApi(
                "lead", notice, Map.of("dpaNotificationReference", "AP-2026-61", "dpaDelayReasons", "Weekend"));
        assertThat(withReasons.statusCode()).as(withReasons.body()).isEqualTo(204);
        assertThat(api("manager").get("/api/audit?systemId=" + systemId).body())
                .contains("INCIDENT_NOTIFIED")
                .containsPattern("\"late\"\\s*:\\s*true|late=true|\\\\\"late\\\\\":true");
    }
}
