package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 12: the owner works its own steps without "Oppakken" (completing claims them, in the same
 * transaction, only for someone who may work the task), and "Afronden" opens the next step of the same system. Over
 * real HTTP, as the task page's script calls the server.
 */
@WaarborgIntegrationTest
class OwnStepsTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    DemoDriver driver;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    private Http login(String user) {
        Http http = Http.browser(port);
        assertThat(http.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return http;
    }

    private static HttpResponse<String> complete(Http http, String taskId, String json) {
        String csrf = Http.csrfTokenFrom(http.get("/taken").body());
        return http.send(http.request("/taken/" + taskId + "/afronden")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String systemWithCycle(String name) {
        SystemRecord system = systems.register(name + " " + UUID.randomUUID(), null, "Sociaal Domein", "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        return system.id();
    }

    @Test
    void theOwnerCompletesItsOwnStepWithoutClaimingAndLandsOnTheNextStep() throws Exception {
        String systemId = systemWithCycle("Eigen stappen");
        OpenStep triage = cycles.openSteps(systemId).get(0);
        assertThat(tasks.createTaskQuery()
                        .taskId(triage.taskId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        Http lead = login("lead");

        // The page shows the form at once, without "Oppakken".
        String page = lead.get("/taken/" + triage.taskId()).body();
        assertThat(page).contains("data-submit-url=\"/taken/" + triage.taskId() + "/afronden\"");
        assertThat(page).doesNotContain(">Oppakken<");

        // A refused completion leaves no claim behind.
        HttpResponse<String> refused = complete(lead, triage.taskId(), "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(tasks.createTaskQuery()
                        .taskId(triage.taskId())
                        .singleResult()
                        .getAssignee())
                .isNull();

        // Someone who may not work the task gets nowhere, and claims nothing.
        String stranger = "lead-x-" + UUID.randomUUID().toString().substring(0, 8);
        DemoUsers.saveWithDemoPassword(identity, identity.newUser(stranger));
        identity.createMembership(stranger, "project-lead");
        HttpResponse<String> foreign = complete(login(stranger), triage.taskId(), TaskCompletionTest.TRIAGE);
        assertThat(foreign.statusCode()).isIn(403, 404);
        assertThat(tasks.createTaskQuery()
                        .taskId(triage.taskId())
                        .singleResult()
                        .getAssignee())
                .isNull();

        // Completing claims it for the owner, and answers with the next step of the same system.
        String triageAnswers =
                new ObjectMapper().writeValueAsString(nl.waarborg.lifecycle.FullLifecycleApiTest.triage());
        HttpResponse<String> done = complete(lead, triage.taskId(), triageAnswers);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(history.createHistoricTaskInstanceQuery()
                        .taskId(triage.taskId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("lead");
        String next =
                OpenSteps.reached(cycles.openSteps(systemId), "choose-iama").taskId();
        assertThat(done.body()).contains("/taken/" + next + "?afgerond");
        String nextPage = lead.get("/taken/" + next + "?afgerond").body();
        assertThat(nextPage).contains("dit is uw volgende stap").contains("data-submit-url");
    }

    @Test
    void aGateIsStillClaimedFirstSoThatColleaguesSeeWhoJudgesIt() {
        String systemId = systemWithCycle("Poort blijft oppakken");
        List<OpenStep> open = driver.driveUntil(systemId, "privacy-officer-advice", GateScenarioBrowserTest.NEEDS_IAMA);
        OpenStep gate = OpenSteps.reached(open, "privacy-officer-advice");
        String page = login("fg").get("/taken/" + gate.taskId()).body();
        assertThat(page).contains(">Oppakken<").doesNotContain("data-submit-url");
    }
}
