package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, stuck cycles, over real HTTP: the administrator cancels a cycle (its open versions are withdrawn, frozen
 * ones never change, the system is back in Registered and can start again) or retires a system through its cycle's own
 * retirement, each with a reason in the audit trail; nobody else may, and not without a reason.
 */
@WaarborgIntegrationTest
class StuckWorkCyclesTest extends StuckWorkScenario {

    @Autowired
    JdbcClient jdbc;

    JsonNode system(String systemId) {
        return json(as("manager").get("/api/systems/" + systemId));
    }

    JsonNode version(String assessmentId, int number) {
        return json(as("manager").get("/api/assessments/" + assessmentId + "/versions/" + number));
    }

    HttpResponse<String> cancel(String user, String systemId, String reason) {
        return post(
                user,
                "/api/admin/work/systems/" + systemId + "/cycle-cancellation",
                reason == null ? "{}" : body(Map.of("reason", reason)));
    }

    boolean running(String systemId) {
        return engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(systemId)
                        .count()
                > 0;
    }

    @Test
    void cancellingACycleInReviewWithdrawsItsVersionAndTheSystemCanStartAgain() {
        String systemId = systemAt("Per ongeluk gestart", "privacy-officer-advice");
        String assessmentId =
                system(systemId).path("assessments").get(0).path("id").asText();
        assertThat(version(assessmentId, 1).path("status").asText()).isEqualTo("IN_REVIEW");

        HttpResponse<String> done = cancel("admin", systemId, "Dubbel geregistreerd, zie ander systeem");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

        assertThat(running(systemId))
                .as("no instance of the cycle, IAMA or DPIA is left")
                .isFalse();
        JsonNode system = system(systemId);
        assertThat(system.path("phase").asText()).isEqualTo("REGISTERED");
        assertThat(system.path("status").asText()).isEqualTo("NEW");
        assertThat(version(assessmentId, 1).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceBusinessKey(systemId)
                        .count())
                .isZero();
        assertThat(json(as("manager").get("/api/oversight/blocked?limit=10000")).toString())
                .doesNotContain(systemId);
        JsonNode details = auditedOnce(systemId, AuditAction.CYCLE_CANCELLED, "admin");
        assertThat(details.path("reason").asText()).isEqualTo("Dubbel geregistreerd, zie ander systeem");
        assertThat(details.path("phaseBefore").asText()).isEqualTo("DEVELOP");
        assertThat(details.path("withdrawnVersions").toString()).contains("IAMA 1");
        assertThat(auditedOnce(systemId, AuditAction.VERSION_WITHDRAWN, "admin")
                        .path("previousStatus")
                        .asText())
                .isEqualTo("IN_REVIEW");
        // The engine's history keeps the cycle, with who cancelled it and why.
        assertThat(engine.getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(systemId)
                        .processDefinitionKey("assessment-cycle")
                        .singleResult()
                        .getDeleteReason())
                .contains("admin")
                .contains("Dubbel geregistreerd");

        // A withdrawn version is closed: neither the API nor the database changes it.
        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE wb_assessment_version SET answers = '{}' WHERE assessment_id = :a AND number = 1")
                        .param("a", assessmentId)
                        .update())
                .hasMessageContaining("frozen");
        // The system can start a new cycle, which opens a new version.
        assertThat(post("lead", "/api/systems/" + systemId + "/cycles", "{}").statusCode())
                .isEqualTo(201);
        driver.driveUntil(systemId, "privacy-officer-advice", NEEDS_IAMA);
        assertThat(version(assessmentId, 2).path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(version(assessmentId, 1).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void cancellingACycleInImplementNeverChangesTheFrozenVersion() {
        String systemId = startedSystem("Vastgesteld");
        driver.driveUntil(systemId, "complete-action-point", NEEDS_IAMA);
        assertThat(system(systemId).path("phase").asText()).isEqualTo("IMPLEMENT");
        String assessmentId =
                system(systemId).path("assessments").get(0).path("id").asText();
        JsonNode frozen = version(assessmentId, 1);
        assertThat(frozen.path("status").asText()).isEqualTo("APPROVED");
        assertThat(frozen.path("hashIntact").asBoolean()).isTrue();

        HttpResponse<String> done = cancel("admin", systemId, "Project stopgezet voor de invoering");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

        JsonNode after = version(assessmentId, 1);
        assertThat(after).isEqualTo(frozen);
        assertThat(after.path("hashIntact").asBoolean()).isTrue();
        assertThat(json(done).path("withdrawn")).isEmpty();
        assertThat(system(systemId).path("phase").asText()).isEqualTo("REGISTERED");
        assertThat(running(systemId)).isFalse();
        assertThat(json(as("manager").get("/api/audit/verify")).path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void aCycleInEvaluateIsRetiredWithAReasonNotCancelled() {
        String systemId = startedSystem("In gebruik");
        assertThat(driver.driveUntil(systemId, "(nothing: drive to the end)", NEEDS_IAMA))
                .isEmpty();
        assertThat(system(systemId).path("phase").asText()).isEqualTo("EVALUATE");

        HttpResponse<String> cancelled = cancel("admin", systemId, "Niet meer nodig");
        assertProblem(cancelled, 409, null);
        assertThat(json(cancelled).path("detail").asText()).contains("Evaluate").contains("Retire");
        assertThat(running(systemId)).isTrue();

        String retire = "/api/admin/work/systems/" + systemId + "/retirement";
        assertProblem(post("admin", retire, "{}"), 400, "reason");
        assertProblem(post("manager", retire, body(Map.of("reason", "Weg ermee"))), 403, null);
        assertThat(system(systemId).path("phase").asText()).isEqualTo("EVALUATE");

        HttpResponse<String> retired =
                post("admin", retire, body(Map.of("reason", "Vervangen door landelijke voorziening")));
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(202);
        assertThat(system(systemId).path("phase").asText()).isEqualTo("RETIRED");
        assertThat(running(systemId)).isFalse();
        JsonNode details = auditedOnce(systemId, AuditAction.RETIREMENT_REQUESTED, "admin");
        assertThat(details.path("retirementReason").asText()).isEqualTo("Vervangen door landelijke voorziening");
    }

    @Test
    void retiringOutsideEvaluateOrCancellingWithoutACycleIsRefused() {
        String systemId = systemAt("Nog bezig", "privacy-officer-advice");
        HttpResponse<String> retired =
                post("admin", "/api/admin/work/systems/" + systemId + "/retirement", body(Map.of("reason", "Stoppen")));
        assertProblem(retired, 409, null);
        assertThat(json(retired).path("detail").asText()).contains("Evaluate");

        String idle = systems.register("Zonder cyclus", null, "Sociaal Domein", "lead")
                .id();
        assertProblem(cancel("admin", idle, "Niets"), 409, null);
        assertProblem(cancel("admin", "no-such-system", "Niets"), 404, null);
    }

    @Test
    void onlyTheAdministratorCancelsAndNeverWithoutAReason() {
        String systemId = systemAt("Weigeren", "privacy-officer-advice");
        for (String user : List.of("lead", "manager", "alderman")) {
            assertProblem(cancel(user, systemId, "Ik wil stoppen"), 403, null);
        }
        assertProblem(as("manager").get("/api/admin/work/cycles"), 403, null);
        assertProblem(cancel("admin", systemId, null), 400, "reason");
        assertProblem(cancel("admin", systemId, " "), 400, "reason");
        assertThat(running(systemId)).isTrue();
        assertThat(system(systemId).path("phase").asText()).isEqualTo("DEVELOP");
        assertThat(audited(systemId, AuditAction.CYCLE_CANCELLED)).isEmpty();

        HttpResponse<String> cycles = as("admin").get("/api/admin/work/cycles?limit=1000");
        assertThat(cycles.statusCode()).isEqualTo(200);
        assertThat(cycles.headers().firstValue("X-Total-Count")).isPresent();
    }
}
