package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, points 5 and 6: a task of the IAMA or DPIA names its assessment (in the engine, so in Mijn taken, on the
 * system page, in Tasklist and in mails), and the manager's page names each row and filter choice with its assessment
 * and keeps the approvals apart from the work that waits on the project lead, in the CSV too.
 */
@WaarborgIntegrationTest
class TaskNamesHttpTest {

    /** An impactful algorithm on the DPA's list: an IAMA and a DPIA. */
    static final Map<String, Object> IAMA_AND_DPIA = Map.of(
            "legalEffects", TriageAnswers.YES,
            "processesPersonalData", TriageAnswers.YES,
            "dpaListType", "FRAUD_PREVENTION");

    static final String FG = "Advies functionaris gegevensbescherming";

    @LocalServerPort
    int port;

    @Autowired
    DemoDriver driver;

    @Autowired
    ProcessEngine engine;

    @Test
    void theGatesOfOneSystemNameTheirAssessmentEverywhere() {
        ApiSteps steps = new ApiSteps(port);
        String name = "Namen " + UUID.randomUUID().toString().substring(0, 8);
        String systemId = steps.newSystem("lead", name, "Namen en stappen");
        assertThat(steps.as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        driver.driveUntil(systemId, "privacy-officer-advice", IAMA_AND_DPIA);

        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .list();
        List<Task> gates = tasks.stream()
                .filter(t -> "privacy-officer-advice".equals(t.getTaskDefinitionKey()))
                .toList();
        assertThat(gates).isNotEmpty();
        for (Task task : tasks) {
            String process = task.getProcessDefinitionId();
            // Every task of the system names it last (ADR 0047), those of an assessment name that first.
            assertThat(task.getName()).endsWith(" - " + name);
            if (process.startsWith("iama:")) {
                assertThat(task.getName()).endsWith(" (IAMA) - " + name);
            } else if (process.startsWith("dpia:")) {
                assertThat(task.getName()).endsWith(" (DPIA) - " + name);
            }
        }
        String type = gates.get(0).getProcessDefinitionId().startsWith("iama:") ? "IAMA" : "DPIA";
        String gateName = FG + " (" + type + ")";
        String engineName = gateName + " - " + name;
        assertThat(gates.get(0).getName()).isEqualTo(engineName);

        // Tasklist's list comes from /engine-rest/task: there the row says which assessment and which system.
        HttpResponse<String> rest = steps.as("fg").get("/engine-rest/task?processInstanceBusinessKey=" + systemId);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        assertThat(rest.body()).contains("\"name\":\"" + engineName + "\"");

        // Waarborg's own pages name the system beside the task, so the task's name comes without it there.
        assertThat(steps.as("fg").get("/api/tasks?limit=1000").body()).contains(gateName);
        Http fg = Http.browser(port);
        assertThat(fg.formLogin("fg", "demo").statusCode()).isEqualTo(302);
        assertThat(fg.get("/systemen/" + systemId).body())
                .contains(">" + gateName + "<")
                .doesNotContain(engineName);
        String gateTask = gates.get(0).getId();
        assertThat(fg.get("/taken/" + gateTask).body())
                .contains("<h1>" + gateName + "</h1>")
                .contains("<title>" + gateName)
                .doesNotContain(engineName);

        // The manager: the row under the approvals, a filter choice per assessment, and the CSV.
        Http manager = Http.browser(port);
        assertThat(manager.formLogin("manager", "demo").statusCode()).isEqualTo(302);
        String page = manager.get("/toezicht?department=Namen+en+stappen").body();
        assertThat(page)
                .contains("value=\"privacy-officer-advice@IAMA\"")
                .contains("value=\"privacy-officer-advice@DPIA\"")
                .contains(">" + FG + " (IAMA)</option>")
                .contains(">" + FG + " (DPIA)</option>")
                .doesNotContain(">" + FG + "</option>");
        String approvals = page.substring(page.indexOf("id=\"approvals\""));
        assertThat(approvals).contains(name).contains(gateName);
        String other = type.equals("IAMA") ? "DPIA" : "IAMA";
        assertThat(manager.get("/toezicht?department=Namen+en+stappen&gate=privacy-officer-advice@" + other)
                        .body())
                .doesNotContain(">" + name + "<");
        HttpResponse<String> csv =
                manager.get("/toezicht/export.csv?department=Namen+en+stappen&gate=privacy-officer-advice@" + type);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(name).contains(gateName).contains(";goedkeuring");
    }
}
