package nl.waarborg.workflow;

import static nl.waarborg.support.ApiSteps.json;
import static nl.waarborg.support.ApiSteps.refusedNaming;
import static nl.waarborg.support.ApiSteps.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * AI Act Art. 26(5) (ADR 0043): with reason to consider that the system presents a risk in the sense of Art. 79(1),
 * continuing use is refused on every path (the page with a Dutch message, /api, /engine-rest complete and
 * submit-form, Tasklist) and nothing is recorded; suspending is accepted. Without such a risk it stays a free choice.
 */
@WaarborgIntegrationTest
class IncidentSuspensionHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    ApiSteps api;

    String systemId;

    @BeforeEach
    void api() {
        api = new ApiSteps(port);
    }

    String suspensionTaskOfNewIncident(String owner) {
        systemId = api.newSystem(owner, "Opschorten " + UUID.randomUUID(), "Burgerzaken");
        HttpResponse<String> reported = api.as(owner)
                .postJson(
                        "/api/systems/" + systemId + "/incidents",
                        write(Map.of("description", "Onterechte afwijzingen", "awareSince", "")));
        assertThat(reported.statusCode()).as(reported.body()).isLessThan(300);
        String classify = api.task(owner, systemId, "classify-incident");
        assertThat(api.viaApi(
                                owner,
                                classify,
                                Map.of(
                                        "incidentSeriousness", "NONE",
                                        "incidentBreachRisk", "NO_BREACH",
                                        "incidentClassificationMotivation", "Geen schade bekend"))
                        .statusCode())
                .isEqualTo(204);
        return api.task(owner, systemId, "decide-suspension");
    }

    String owner() {
        String id = "project-lead-" + UUID.randomUUID().toString().substring(0, 8);
        User user = engine.getIdentityService().newUser(id);
        DemoUsers.saveWithDemoPassword(engine.getIdentityService(), user);
        engine.getIdentityService().createMembership(id, "project-lead");
        return id;
    }

    boolean open(String taskId) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
    }

    @Test
    void aRiskInTheSenseOfArticle79MakesSuspensionCompulsoryOnEveryPath() {
        String owner = owner();
        String task = suspensionTaskOfNewIncident(owner);
        Map<String, Object> goOn =
                Map.of("art79Risk", "YES", "suspendUse", "NO", "suspensionMotivation", "Het proces loopt door");

        HttpResponse<String> page = api.viaPage(owner, task, goOn);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(json(page).path("field").asText()).isEqualTo("suspendUse");
        assertThat(json(page).path("message").asText()).contains("artikel 79").contains("moet het gebruik");
        refusedNaming(api.viaApi(owner, task, goOn), "suspendUse");
        refusedNaming(api.viaEngineRest(owner, task, "complete", goOn), "suspendUse");
        refusedNaming(api.viaEngineRest(owner, task, "submit-form", goOn), "suspendUse");
        refusedNaming(api.viaTasklist(owner, task, goOn), "suspendUse");
        // The reason itself must be given: without it the choice cannot be judged.
        refusedNaming(
                api.viaEngineRest(
                        owner, task, "complete", Map.of("suspendUse", "NO", "suspensionMotivation", "Loopt door")),
                "art79Risk");
        assertThat(open(task)).as("nothing recorded after the refusals").isTrue();
        assertThat(api.as("manager").get("/api/audit?systemId=" + systemId).body())
                .doesNotContain("USE_CONTINUED");

        Map<String, Object> suspend =
                Map.of("art79Risk", "YES", "suspendUse", "YES", "suspensionMotivation", "Risico voor grondrechten");
        assertThat(api.viaApi(owner, task, suspend).statusCode()).isEqualTo(204);
        assertThat(open(task)).isFalse();
        assertThat(api.as("manager").get("/api/audit?systemId=" + systemId).body())
                .contains("USE_SUSPENDED");
    }

    @Test
    void withoutSuchARiskContinuingUseStaysAReasonedChoice() {
        String owner = owner();
        String task = suspensionTaskOfNewIncident(owner);
        HttpResponse<String> done = api.viaTasklist(
                owner, task, Map.of("art79Risk", "NO", "suspendUse", "NO", "suspensionMotivation", "Geen risico"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(open(task)).isFalse();
    }
}
