package nl.waarborg.workflow;

import static nl.waarborg.support.ApiSteps.json;
import static nl.waarborg.support.ApiSteps.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0030 over real HTTP: a decline without reasons and an advice without motivation are refused on every path
 * (/api, /engine-rest complete and submit-form) with a 400 naming the field, nothing is recorded; the decision and the
 * advice are shown in Dutch on the system page and are in the audit trail.
 */
@WaarborgIntegrationTest
class TriageFollowUpHttpTest {

    @LocalServerPort
    int port;

    ApiSteps api;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void api() {
        api = new ApiSteps(port);
    }

    /** A system of "lead" (with these co-authors) whose triage recommends a DPIA (one WP248 criterion). */
    String systemWithRecommendedDpia(String name, String... coAuthors) {
        String systemId = api.newSystem("lead", name, "Burgerzaken");
        for (String coAuthor : coAuthors) {
            assertThat(api.as("lead")
                            .postJson("/api/systems/" + systemId + "/co-authors/" + coAuthor, "{}")
                            .statusCode())
                    .isLessThan(300);
        }
        assertThat(api.as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        Map<String, Object> answers = new HashMap<>(TriageAnswers.neutral());
        answers.put("processesPersonalData", "YES");
        answers.put("edpbLargeScale", "YES");
        assertThat(api.viaApi("lead", api.task("lead", systemId, "fill-in-triage"), answers)
                        .statusCode())
                .isEqualTo(204);
        return systemId;
    }

    @Test
    void aDeclineWithoutReasonsIsRefusedOnEveryPathAndTheDecisionIsShownAndAudited() throws Exception {
        String systemId = systemWithRecommendedDpia("Keuze DPIA");

        String choose = api.task("lead", systemId, "choose-dpia");
        for (String reasons : new String[] {"", "  "}) {
            Map<String, Object> blank = Map.of("dpiaChoice", "DECLINE", "dpiaChoiceReasons", reasons);
            HttpResponse<String> refused = api.viaApi("lead", choose, blank);
            refusedNaming(refused, "dpiaChoiceReasons");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).path("field").asText()).isEqualTo("dpiaChoiceReasons");
            refusedNaming(api.viaEngineRest("lead", choose, "complete", blank), "dpiaChoiceReasons");
            refusedNaming(api.viaEngineRest("lead", choose, "submit-form", blank), "dpiaChoiceReasons");
        }
        refusedNaming(api.viaApi("lead", choose, Map.of("dpiaChoice", "DECLINE")), "dpiaChoiceReasons");
        refusedNaming(api.viaApi("lead", choose, Map.of("dpiaChoice", "LATER")), "dpiaChoice");
        // The reasons cannot be put in place beforehand either: only completing the task gives them.
        assertThat(api.as("lead")
                        .sendJson(
                                "PUT",
                                "/engine-rest/task/" + choose + "/variables/dpiaChoiceReasons",
                                "{\"value\":\"Van tevoren\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.task("lead", systemId, "choose-dpia")).isEqualTo(choose);
        assertThat(api.as("manager").get("/api/audit?systemId=" + systemId).body())
                .doesNotContain("ASSESSMENT_CHOICE_RECORDED");

        assertThat(api.viaEngineRest(
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
        String advice = api.task("fg", systemId, "advise-dpia-decline");
        Map<String, Object> noMotivation = Map.of("dpiaDeclineAdvice", "AGREED", "dpiaDeclineAdviceMotivation", " ");
        refusedNaming(api.viaApi("fg", advice, noMotivation), "dpiaDeclineAdviceMotivation");
        refusedNaming(api.viaEngineRest("fg", advice, "complete", noMotivation), "dpiaDeclineAdviceMotivation");
        refusedNaming(api.viaEngineRest("fg", advice, "submit-form", noMotivation), "dpiaDeclineAdviceMotivation");
        assertThat(api.viaEngineRest(
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
        assertThat(api.as("manager").get("/api/audit?systemId=" + systemId).body())
                .contains("ASSESSMENT_CHOICE_RECORDED");
    }

    @Test
    void theAdviserWhoAdvisedAgainstTheDeclineCannotDeclineFinallyOnAnyPath() throws Exception {
        String fgLead = "fg-lead-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(fgLead);
        nl.waarborg.support.DemoUsers.saveWithDemoPassword(engine.getIdentityService(), user);
        engine.getIdentityService().createMembership(fgLead, "privacy-officer");
        engine.getIdentityService().createMembership(fgLead, "project-lead");
        String systemId = systemWithRecommendedDpia("Afzien DPIA door adviseur", fgLead);
        assertThat(api.viaApi(
                                "lead",
                                api.task("lead", systemId, "choose-dpia"),
                                Map.of("dpiaChoice", "DECLINE", "dpiaChoiceReasons", "Weinig gegevens"))
                        .statusCode())
                .isEqualTo(204);
        // In the team she may not advise at all (ADR 0014); the owner takes her off the team, she advises, and the
        // owner names her again, so that she can open the owner's final choice.
        Map<String, Object> advice =
                Map.of("dpiaDeclineAdvice", "DISAGREED", "dpiaDeclineAdviceMotivation", "Voer de DPIA uit");
        String adviceTask = api.task(fgLead, systemId, "advise-dpia-decline");
        HttpResponse<String> asCoAuthor = api.viaApi(fgLead, adviceTask, advice);
        assertThat(asCoAuthor.statusCode()).as(asCoAuthor.body()).isEqualTo(403);
        assertThat(asCoAuthor.body()).contains("co-author");
        String team = "/api/systems/" + systemId + "/co-authors/" + fgLead;
        assertThat(api.as("lead").sendJson("DELETE", team, null).statusCode()).isEqualTo(200);
        HttpResponse<String> advised = api.viaApi(fgLead, adviceTask, advice);
        assertThat(advised.statusCode()).as(advised.body()).isEqualTo(204);
        assertThat(api.as("lead").postJson(team, "{}").statusCode()).isEqualTo(200);

        String decide = api.task(fgLead, systemId, "decide-dpia-after-advice");
        Map<String, Object> decline =
                Map.of("dpiaFinalChoice", "DECLINE", "dpiaDeviationMotivation", "Toch niet nodig");
        for (HttpResponse<String> refused : java.util.List.of(
                api.viaApi(fgLead, decide, decline),
                api.viaEngineRest(fgLead, decide, "complete", decline),
                api.viaEngineRest(fgLead, decide, "submit-form", decline),
                api.viaTasklist(fgLead, decide, decline))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("advised on declining the DPIA");
        }
        HttpResponse<String> onPage = api.viaPage(fgLead, decide, decline);
        assertThat(onPage.statusCode()).as(onPage.body()).isEqualTo(403);
        assertThat(api.task("lead", systemId, "decide-dpia-after-advice")).isEqualTo(decide);
        // While the adviser is in the team again, her advice does not count: the system cannot move on (ADR 0014).
        HttpResponse<String> blocked = api.viaApi("lead", decide, decline);
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(409);
        assertThat(blocked.body()).contains("co-author");
        assertThat(api.as("lead").sendJson("DELETE", team, null).statusCode()).isEqualTo(200);
        assertThat(api.viaApi("lead", decide, decline).statusCode()).isEqualTo(204);
    }
}
