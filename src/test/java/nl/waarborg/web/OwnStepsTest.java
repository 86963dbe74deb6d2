package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.CycleSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18, point 12: the owner works its own steps without "Oppakken" (completing claims them, in the same
 * transaction, only for someone who may work the task), and "Afronden" opens the next step of the same system. Over
 * real HTTP, as the task page's script calls the server.
 */
@WaarborgIntegrationTest
class OwnStepsTest {

    @RegisterExtension
    final CycleSteps steps = new CycleSteps();

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Test
    void theOwnerCompletesItsOwnStepWithoutClaimingAndLandsOnTheNextStep() throws Exception {
        String systemId = steps.systemWithCycle("Eigen stappen " + UUID.randomUUID());
        OpenStep triage = steps.cycles().openSteps(systemId).get(0);
        assertThat(tasks.createTaskQuery()
                        .taskId(triage.taskId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        Http lead = steps.session("lead");

        // The page shows the form at once, without "Oppakken".
        String page = lead.get("/taken/" + triage.taskId()).body();
        assertThat(page).contains("data-submit-url=\"/taken/" + triage.taskId() + "/afronden\"");
        assertThat(page).doesNotContain(">Oppakken<");

        // A refused completion leaves no claim behind.
        HttpResponse<String> refused = ApiSteps.completeOnPage(lead, triage.taskId(), "{}");
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
        HttpResponse<String> foreign =
                ApiSteps.completeOnPage(steps.session(stranger), triage.taskId(), TaskCompletionTest.TRIAGE);
        assertThat(foreign.statusCode()).isIn(403, 404);
        assertThat(tasks.createTaskQuery()
                        .taskId(triage.taskId())
                        .singleResult()
                        .getAssignee())
                .isNull();

        // Completing claims it for the owner, and answers with the next step of the same system.
        String triageAnswers =
                new ObjectMapper().writeValueAsString(nl.waarborg.lifecycle.FullLifecycleApiTest.triage());
        HttpResponse<String> done = ApiSteps.completeOnPage(lead, triage.taskId(), triageAnswers);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(history.createHistoricTaskInstanceQuery()
                        .taskId(triage.taskId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("lead");
        String next = OpenSteps.reached(steps.cycles().openSteps(systemId), "choose-iama")
                .taskId();
        assertThat(done.body()).contains("/taken/" + next + "?afgerond");
        String nextPage = lead.get("/taken/" + next + "?afgerond").body();
        assertThat(nextPage).contains("dit is uw volgende stap").contains("data-submit-url");
    }

    @Test
    void aGateIsStillClaimedFirstSoThatColleaguesSeeWhoJudgesIt() {
        String systemId = steps.systemWithCycle("Poort blijft oppakken " + UUID.randomUUID());
        List<OpenStep> open =
                steps.driver().driveUntil(systemId, "privacy-officer-advice", GateScenarioBrowserTest.NEEDS_IAMA);
        OpenStep gate = OpenSteps.reached(open, "privacy-officer-advice");
        String page = steps.session("fg").get("/taken/" + gate.taskId()).body();
        assertThat(page).contains(">Oppakken<").doesNotContain("data-submit-url");
    }
}
