package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, stuck tasks, over real HTTP: the administrator reassigns a task and corrects its due date through
 * /api/admin/work, each with a reason in the audit trail; never to someone outside the task's group or team, nor to
 * someone whom segregation of duties excludes; never a due date in the past; nobody else may.
 */
@WaarborgIntegrationTest
class StuckWorkTasksTest extends StuckWorkScenario {

    @Test
    void theAdministratorReassignsAGateToAMemberOfItsGroupWithAReason() {
        String systemId = systemAt("Toewijzen", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        String path = "/api/admin/work/tasks/" + gate.getId() + "/assignee";

        HttpResponse<String> done =
                post("admin", path, body(Map.of("assignee", "fg", "reason", "De vaste FG is met verlof")));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isEqualTo("fg");
        JsonNode details = auditedOnce(systemId, AuditAction.TASK_REASSIGNED, "admin");
        assertThat(details.path("taskId").asText()).isEqualTo(gate.getId());
        assertThat(details.path("previousAssignee").asText()).isEmpty();
        assertThat(details.path("assignee").asText()).isEqualTo("fg");
        assertThat(details.path("reason").asText()).isEqualTo("De vaste FG is met verlof");

        // Back to the group: an empty assignee.
        HttpResponse<String> cleared =
                post("admin", path, body(Map.of("assignee", "", "reason", "Terug naar de groep")));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
        assertThat(audited(systemId, AuditAction.TASK_REASSIGNED)).hasSize(2);
    }

    @Test
    void aReassignmentWithoutReasonOrToAnOutsiderIsRefusedAndChangesNothing() {
        String systemId = systemAt("Buitenstaander", "privacy-officer-advice");
        String path = "/api/admin/work/tasks/"
                + taskAt(systemId, "privacy-officer-advice").getId() + "/assignee";

        assertProblem(post("admin", path, body(Map.of("assignee", "fg"))), 400, "reason");
        assertProblem(post("admin", path, body(Map.of("assignee", "fg", "reason", "   "))), 400, "reason");
        assertProblem(post("admin", path, ""), 400, "reason");
        HttpResponse<String> outsider =
                post("admin", path, body(Map.of("assignee", "ethics", "reason", "Iemand moet het doen")));
        assertProblem(outsider, 400, "assignee");
        assertThat(json(outsider).path("detail").asText())
                .contains("privacy-officer")
                .contains("ethics");
        assertProblem(post("admin", path, body(Map.of("assignee", "nobody-at-all", "reason", "x"))), 400, "assignee");

        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
        assertThat(audited(systemId, AuditAction.TASK_REASSIGNED)).isEmpty();
    }

    @Test
    void aContentTaskGoesOnlyToTheSystemsTeam() {
        String systemId = startedSystem("Team");
        String path =
                "/api/admin/work/tasks/" + taskAt(systemId, "fill-in-triage").getId() + "/assignee";
        String lead2 = newUser("lead2", "project-lead");

        HttpResponse<String> outsider = post("admin", path, body(Map.of("assignee", lead2, "reason", "Hulp")));
        assertProblem(outsider, 400, "assignee");
        assertThat(json(outsider).path("detail").asText()).contains("team").contains(lead2);

        HttpResponse<String> owner =
                post("admin", path, body(Map.of("assignee", "lead", "reason", "Eigenaar pakt op")));
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(taskAt(systemId, "fill-in-triage").getAssignee()).isEqualTo("lead");
    }

    @Test
    void segregationOfDutiesHoldsForAReassignmentAsForTheDecision() {
        // A privacy officer who is also a project lead fills in the triage of this system: she may not advise on it.
        String both = newUser("fg-lead", "privacy-officer", "project-lead");
        String systemId = startedSystem("Functiescheiding");
        HttpResponse<String> coAuthor = post("lead", "/api/systems/" + systemId + "/co-authors/" + both, "{}");
        assertThat(coAuthor.statusCode()).as(coAuthor.body()).isBetween(200, 204);
        Map<String, Object> triage = new HashMap<>(driver.answers("triage", both));
        triage.putAll(NEEDS_IAMA);
        HttpResponse<String> filled =
                post(both, "/api/tasks/" + taskAt(systemId, "fill-in-triage").getId() + "/complete", body(triage));
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
        driver.driveUntil(systemId, "privacy-officer-advice", NEEDS_IAMA);
        Task gate = taskAt(systemId, "privacy-officer-advice");

        HttpResponse<String> refused = post(
                "admin",
                "/api/admin/work/tasks/" + gate.getId() + "/assignee",
                body(Map.of("assignee", both, "reason", "Zij heeft tijd")));
        assertProblem(refused, 409, "assignee");
        assertThat(json(refused).path("detail").asText())
                .contains("Segregation of duties")
                .contains("triage");
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();

        // The same rule as the decision: the engine refuses her completion of the gate as well.
        HttpResponse<String> decided = post(
                both,
                "/api/tasks/" + gate.getId() + "/complete",
                body(Map.of("decision", "APPROVED", "motivation", "Akkoord")));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(403);
        assertThat(json(decided).path("detail").asText()).contains("triage");
    }

    @Test
    void theAdministratorCorrectsADueDateAndTheServiceLevelTimerMovesWithIt() {
        String systemId = systemAt("Termijn", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        Date before = gate.getDueDate();
        LocalDate newDate = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(40);
        Date expected = Date.from(newDate.atTime(LocalTime.of(23, 59))
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toInstant());
        String path = "/api/admin/work/tasks/" + gate.getId() + "/due-date";

        HttpResponse<String> done =
                post("admin", path, body(Map.of("dueDate", newDate.toString(), "reason", "FG ziek, afspraak verzet")));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(taskAt(systemId, "privacy-officer-advice").getDueDate()).isEqualTo(expected);
        List<Job> timers = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(gate.getProcessInstanceId())
                .activityId("privacy-officer-advice-overdue")
                .timers()
                .list();
        assertThat(timers).hasSize(1);
        assertThat(timers.get(0).getDuedate()).isEqualTo(expected);
        JsonNode blocked = json(as("manager").get("/api/oversight/blocked?limit=10000"));
        boolean found = false;
        for (JsonNode item : blocked) {
            if (gate.getId().equals(item.path("taskId").asText())) {
                found = true;
                assertThat(item.path("dueAt").asText()).startsWith(newDate.toString());
            }
        }
        assertThat(found).as("the gate on the manager's list").isTrue();
        JsonNode details = auditedOnce(systemId, AuditAction.TASK_DUE_DATE_CORRECTED, "admin");
        assertThat(details.path("previousDueDate").asText())
                .isEqualTo(before.toInstant().toString());
        assertThat(details.path("dueDate").asText())
                .isEqualTo(expected.toInstant().toString());
        assertThat(details.path("reason").asText()).isEqualTo("FG ziek, afspraak verzet");
        assertThat(details.path("timersMoved").asInt()).isEqualTo(1);
    }

    @Test
    void aDueDateInThePastOrWithoutReasonIsRefused() {
        String systemId = systemAt("Verleden", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        String path = "/api/admin/work/tasks/" + gate.getId() + "/due-date";
        String yesterday =
                LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(1).toString();

        assertProblem(post("admin", path, body(Map.of("dueDate", yesterday, "reason", "Te laat"))), 400, "dueDate");
        assertProblem(post("admin", path, body(Map.of("reason", "Geen datum"))), 400, "dueDate");
        assertProblem(post("admin", path, body(Map.of("dueDate", "gisteren", "reason", "x"))), 400, "dueDate");
        assertProblem(
                post(
                        "admin",
                        path,
                        body(Map.of("dueDate", LocalDate.now().plusDays(3).toString()))),
                400,
                "reason");
        assertThat(taskAt(systemId, "privacy-officer-advice").getDueDate()).isEqualTo(gate.getDueDate());
        assertThat(audited(systemId, AuditAction.TASK_DUE_DATE_CORRECTED)).isEmpty();
    }

    @Test
    void onlyTheAdministratorSeesAndFreesStuckTasks() {
        String systemId = systemAt("Alleen beheer", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        for (String user : List.of("manager", "lead", "fg", "alderman")) {
            assertProblem(as(user).get("/api/admin/work/tasks"), 403, null);
            assertProblem(
                    post(
                            user,
                            "/api/admin/work/tasks/" + gate.getId() + "/assignee",
                            body(Map.of("assignee", "fg", "reason", "Ik wil het"))),
                    403,
                    null);
            assertProblem(
                    post(
                            user,
                            "/api/admin/work/tasks/" + gate.getId() + "/due-date",
                            body(Map.of("dueDate", LocalDate.now().plusDays(9).toString(), "reason", "Ik wil het"))),
                    403,
                    null);
        }
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();

        // Waiting longest first: the newest task is on the last page.
        HttpResponse<String> first = as("admin").get("/api/admin/work/tasks?limit=1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first)).hasSize(1);
        long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
        HttpResponse<String> last = as("admin").get("/api/admin/work/tasks?limit=10&offset=" + Math.max(0, total - 10));
        assertThat(last.body()).contains(gate.getId()).contains(systemId);
        assertProblem(as("admin").get("/api/admin/work/tasks?limit=0"), 400, "limit");
    }
}
