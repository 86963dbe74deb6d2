package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService.OpenStep;
import nl.waarborg.workflow.rules.GoLiveRequirements;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The check of AI Act Art. 26(7) over real HTTP (ADR 0036): on every completion path (Waarborg's page, /api,
 * /engine-rest complete and submit-form, Camunda Tasklist's REST API) a missing or later date of informing the workers
 * is refused with 400 naming the field (problem+json on /api, Camunda's error shape with the field on /engine-rest), and
 * the task stays open.
 */
@WaarborgIntegrationTest
class DeployerDutiesHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Annex III point 5 with profiling, from a supplier: the municipality deploys high-risk AI. */
    static final Map<String, Object> HIGH_RISK_AI = Map.of(
            "isAiSystem", "YES",
            "annexIiiArea", "ESSENTIAL_SERVICES",
            "profilesPersons", "YES",
            "processesPersonalData", "YES",
            "edpbEvaluationScoring", "YES");

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

    /** A new system of "lead" with high-risk AI and these answers besides, driven to its go-live checks; the open steps. */
    List<OpenStep> goLiveChecks(String name, String department, Map<String, Object> more) {
        SystemRecord system = systems.register(name + " " + System.nanoTime(), null, department, "lead");
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        Map<String, Object> answers = new HashMap<>(HIGH_RISK_AI);
        answers.putAll(Map.of(
                "euDatabaseRegistered", true,
                "friaNotified", true,
                "registerEntryPublished", true,
                "personsInformed", true,
                "logsRetained", true,
                "logRetentionMonths", 12));
        answers.putAll(more);
        return driver.driveUntil(system.id(), "go-live-duty", answers);
    }

    /** A deployer of high-risk AI used at the workplace, driven to its go-live duties; the id of the Art. 26(7) task. */
    String workersTask() {
        List<OpenStep> open = goLiveChecks("Roosterplanner", "HRM", Map.of("workplaceUse", "YES"));
        return open.stream()
                .filter(s -> "go-live-duty".equals(s.activityId()))
                .map(OpenStep::taskId)
                .filter(id -> "go-live-art26-7-workers".equals(tasks.getVariable(id, "goLiveDuty")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Art. 26(7) check among " + open));
    }

    static Map<String, Object> answers(Object date) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("workersInformed", true);
        v.put("workersInformedDate", date);
        v.put("workersInformedHow", "Brief aan de ondernemingsraad en een personeelsbijeenkomst");
        v.put("worksCouncilConsent", "GRANTED");
        v.put("worksCouncilConsentReference", "OR-2027-04");
        return v;
    }

    Http api() {
        return Http.api(port).as("lead", "demo");
    }

    HttpResponse<String> viaEngineRest(String taskId, String operation, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return api().postJson(
                        "/engine-rest/task/" + taskId + "/" + operation,
                        JSON.writeValueAsString(Map.of("variables", variables)));
    }

    /** 400 naming the field: problem+json on /api, Camunda's {type, message} shape with the field on /engine-rest. */
    static void refusedNaming(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("field").asText())
                .as(response.body())
                .isEqualTo(field);
    }

    @Test
    void informingTheWorkersLaterOrWithoutADateIsRefusedOnEveryPath() throws Exception {
        String task = workersTask();
        LocalDate today = LocalDate.now(GoLiveRequirements.ZONE);
        String tomorrow = today.plusDays(1).toString();
        String lastWeek = today.minusDays(7).toString();
        Map<String, Object> noDate = answers(null);
        noDate.remove("workersInformedDate");

        HttpResponse<String> api = api().postJson("/api/tasks/" + task + "/complete", JSON.writeValueAsString(noDate));
        refusedNaming(api, "workersInformedDate");
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        refusedNaming(
                api().postJson("/api/tasks/" + task + "/complete", JSON.writeValueAsString(answers(tomorrow))),
                "workersInformedDate");
        refusedNaming(viaEngineRest(task, "complete", answers(tomorrow)), "workersInformedDate");
        refusedNaming(viaEngineRest(task, "submit-form", noDate), "workersInformedDate");

        Map<String, Object> noReason = answers(lastWeek);
        noReason.put("worksCouncilConsent", "NOT_REQUIRED");
        refusedNaming(viaEngineRest(task, "submit-form", noReason), "worksCouncilNoConsentReason");

        // Waarborg's page answers in Dutch, citing the article.
        Http browser = Http.browser(port);
        assertThat(browser.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(browser.get("/systemen/nieuw").body().replace("name=\"_csrf\" content", "x"));
        HttpResponse<String> page = browser.send(browser.request("/taken/" + task + "/afronden")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(answers(tomorrow)))));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("\"field\":\"workersInformedDate\"").contains("artikel 26 lid 7");

        // Camunda Tasklist's own REST API.
        Map<String, Object> variables = new LinkedHashMap<>();
        answers(tomorrow).forEach((k, v) -> variables.put(k, Map.of("value", v)));
        HttpResponse<String> tasklist =
                browser.tasklistSubmitForm(task, JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
        assertThat(tasklist.body()).contains("workersInformedDate");

        assertThat(tasks.createTaskQuery().taskId(task).count())
                .as("the task stays open")
                .isEqualTo(1);
        assertThat(viaEngineRest(task, "submit-form", answers(lastWeek)).statusCode())
                .isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    }

    @Test
    void theProvidersInformationIsAskedWhenARecommendedDpiaWasStartedAndDone() {
        List<OpenStep> open = goLiveChecks(
                "Aanbevolen DPIA",
                "Burgerzaken",
                Map.of("workplaceUse", "NO", "legalEffects", "NO", "dpiaChoice", "START"));
        String any = open.stream()
                .filter(s -> "go-live-duty".equals(s.activityId()))
                .map(OpenStep::taskId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no go-live checks among " + open));
        // The DPIA was only recommended, and the owner started it (ADR 0030); it ran and was decided.
        assertThat(tasks.getVariable(any, "dpiaRequired")).isEqualTo(false);
        assertThat(tasks.getVariable(any, "dpiaAdvice")).isEqualTo("RECOMMENDED");
        assertThat(tasks.getVariable(any, "dpiaRuns")).isEqualTo(true);
        assertThat(open.stream()
                        .filter(s -> "go-live-duty".equals(s.activityId()))
                        .map(s -> tasks.getVariable(s.taskId(), "goLiveDuty")))
                .contains("go-live-art26-9-dpia");
    }
}
