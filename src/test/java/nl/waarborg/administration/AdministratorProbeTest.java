package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A careless and a hostile functional administrator on /api/admin and /beheer (branch adminprobe): absurd settings,
 * due dates out of range, reasons empty or huge, groups that the models name. Each refusal is a 4xx problem+json
 * naming the field and changes nothing; what an earlier test already covers is not repeated here.
 */
@WaarborgIntegrationTest
class AdministratorProbeTest extends StuckWorkScenario {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToTheEnvironmentsValues() {
        jdbc.sql("DELETE FROM wb_setting").update();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private HttpResponse<String> putSetting(String name, String value) {
        return as("admin").sendJson("PUT", "/api/admin/settings/" + name, body(Map.of("value", value, "reason", "x")));
    }

    @Test
    void absurdOrHostileSettingValuesAreRefusedNamingTheSetting() {
        long changes = count("SELECT COUNT(*) FROM wb_audit_event WHERE action = 'SETTING_CHANGED'");
        for (String value : List.of(
                "-5",
                "0",
                "1000000000",
                "99999999999999999999",
                "1e3",
                "15.5",
                "0x0F",
                "",
                "   ",
                "15 dagen",
                "smtp.elders.example",
                "https://elders.example/hook")) {
            assertProblem(putSetting("gateSlaWorkingDays", value), 400, "gateSlaWorkingDays");
        }
        for (String value : List.of(
                "P0M",
                "-P1Y",
                "P-6M",
                "PT5H",
                "P4W",
                "P1000000000Y",
                "P2147483647Y2147483647M",
                "P2147483647M",
                "https://elders.example")) {
            assertProblem(putSetting("reviewIntervalA", value), 400, "reviewIntervalA");
        }
        // Not a string: Jackson's refusal is a 400 problem as well, not a 500.
        HttpResponse<String> object = as("admin")
                .sendJson("PUT", "/api/admin/settings/gateSlaWorkingDays", "{\"value\":{\"a\":1},\"reason\":\"x\"}");
        assertThat(object.statusCode()).as(object.body()).isEqualTo(400);
        // A control character is refused before the setting is read (ADR 0055).
        HttpResponse<String> control = putSetting("deadlineReminderWorkingDays", "3\u0007");
        assertThat(control.statusCode()).as(control.body()).isEqualTo(400);
        // Deployment settings are no run-time settings: the mail server and the database stay in the environment.
        for (String name : List.of("mailHost", "spring.mail.host", "smtpHost", "waarborg.gates.sla-working-days")) {
            assertProblem(putSetting(name, "smtp.elders.example"), 404, "name");
        }
        assertThat(count("SELECT COUNT(*) FROM wb_setting")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wb_audit_event WHERE action = 'SETTING_CHANGED'"))
                .isEqualTo(changes);
        assertThat(as("admin").get("/api/admin/settings").statusCode()).isEqualTo(200);
    }

    @Test
    void theSettingsPageRefusesAnOverflowingPeriodInDutch() {
        Http admin = Http.browser(port);
        assertThat(admin.formLogin("admin", "demo").statusCode()).isEqualTo(302);
        HttpResponse<String> page = admin.get("/beheer/instellingen");
        String csrf = Http.csrfTokenFrom(page.body().replace("name=\"_csrf\" content", "x"));
        HttpResponse<String> wrong = admin.postForm(
                "/beheer/instellingen/reviewIntervalB",
                Http.form("value", "P2147483647Y2147483647M", "reason", "Proef", "_csrf", csrf));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(302);
        assertThat(admin.follow(wrong.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Deze waarde kan niet");
        assertThat(count("SELECT COUNT(*) FROM wb_setting")).isZero();
    }

    @Test
    void aDueDateFarAheadOrTheGateForItsOwnerOrTheAdministratorIsRefused() {
        String systemId = systemAt("Verre toekomst", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        String path = "/api/admin/work/tasks/" + gate.getId() + "/due-date";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        for (String date : List.of(
                today.plusYears(100).toString(), today.plusYears(2).toString(), "9999-12-31", "+999999999-12-31")) {
            assertProblem(post("admin", path, body(Map.of("dueDate", date, "reason", "Tikfout"))), 400, "dueDate");
        }
        assertThat(taskAt(systemId, "privacy-officer-advice").getDueDate()).isEqualTo(gate.getDueDate());
        assertThat(audited(systemId, AuditAction.TASK_DUE_DATE_CORRECTED)).isEmpty();
        // Nor is the gate handed to its system's owner or to the administrator, neither of whom is in its group.
        String assignee = "/api/admin/work/tasks/" + gate.getId() + "/assignee";
        for (String user : List.of("lead", "admin", " admin ")) {
            assertProblem(
                    post("admin", assignee, body(Map.of("assignee", user, "reason", "Snel klaar"))), 400, "assignee");
        }
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
        assertThat(audited(systemId, AuditAction.TASK_REASSIGNED)).isEmpty();
        // A year ahead is still a due date an administrator may set.
        HttpResponse<String> year = post(
                "admin", path, body(Map.of("dueDate", today.plusYears(1).toString(), "reason", "Na de verkiezingen")));
        assertThat(year.statusCode()).as(year.body()).isEqualTo(200);
    }

    @Test
    void anUnlockWithAnEmptyOrHugeReasonIsRefused() {
        String path = "/api/admin/accounts/lead/unlock";
        assertProblem(post("admin", path, "{}"), 400, "reason");
        assertProblem(post("admin", path, body(Map.of("reason", " \t "))), 400, "reason");
        assertProblem(post("admin", path, body(Map.of("reason", "x".repeat(2001)))), 400, "reason");
        HttpResponse<String> control = post("admin", path, body(Map.of("reason", "ontgrendeld\u0000")));
        assertThat(control.statusCode()).as(control.body()).isEqualTo(400);
        HttpResponse<String> huge = post("admin", path, body(Map.of("reason", "x".repeat(10 * 1024 * 1024))));
        assertThat(huge.statusCode()).as(huge.body()).isBetween(400, 499);
        assertThat(count("SELECT COUNT(*) FROM wb_audit_event WHERE action = 'ACCOUNT_UNLOCKED' AND details LIKE"
                        + " '%xxxxxxxxxx%'"))
                .isZero();
    }

    @Test
    void anUnlockFormWithAHugeReasonIsRefusedWithoutAServerError() {
        Http admin = Http.browser(port);
        assertThat(admin.formLogin("admin", "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(admin.get("/beheer").body().replace("name=\"_csrf\" content", "x"));
        HttpResponse<String> huge = admin.postForm(
                "/beheer/ontgrendelen",
                Http.form("account", "lead", "reason", "x".repeat(10 * 1024 * 1024), "_csrf", csrf));
        assertThat(huge.statusCode()).as(huge.body()).isNotEqualTo(500).isLessThan(500);
    }

    @Test
    void theGroupsThatTheModelsNameCannotBeRenamedOrDeleted() {
        for (String group : List.of("alderman", "privacy-officer", "admin")) {
            HttpResponse<String> renamed = as("admin")
                    .sendJson(
                            "PUT",
                            "/engine-rest/group/" + group,
                            "{\"id\":\"" + group + "\",\"name\":\"Anders\",\"type\":\"WORKFLOW\"}");
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);
            HttpResponse<String> deleted = as("admin").sendJson("DELETE", "/engine-rest/group/" + group, null);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(403);
        }
        // Waarborg's administration has no way to create, rename or delete a group at all.
        assertThat(as("admin")
                        .sendJson("DELETE", "/api/admin/groups/alderman", null)
                        .statusCode())
                .isIn(404, 405);
        assertThat(as("admin")
                        .sendJson("PUT", "/api/admin/groups/alderman", "{\"name\":\"x\"}")
                        .statusCode())
                .isIn(404, 405);
        assertThat(identity.createGroupQuery()
                        .groupId("alderman")
                        .singleResult()
                        .getName())
                .isNotEqualTo("Anders");
        // Nor can a look-alike group be granted.
        assertProblem(
                as("admin").sendJson("PUT", "/api/admin/users/lead/groups/Alderman", body(Map.of("reason", "x"))),
                400,
                "groupId");
    }

    @Test
    void aReviewerWhoIsDeactivatedDeletedOrLeavesTheGroupDoesNotKeepTheGateTheyHeld() throws Exception {
        for (String ending : List.of("deactivation", "deletion", "group")) {
            String reviewer = newUser("fg-weg", "privacy-officer");
            String systemId = systemAt("Uit dienst " + ending, "privacy-officer-advice");
            Task gate = taskAt(systemId, "privacy-officer-advice");
            HttpResponse<String> given = post(
                    "admin",
                    "/api/admin/work/tasks/" + gate.getId() + "/assignee",
                    body(Map.of("assignee", reviewer, "reason", "Zij pakt het op")));
            assertThat(given.statusCode()).as(given.body()).isEqualTo(200);

            HttpResponse<String> ended = switch (ending) {
                case "deactivation" ->
                    post(
                            "admin",
                            "/api/admin/users/" + reviewer + "/deactivation",
                            body(Map.of("reason", "Uit dienst")));
                case "deletion" ->
                    as("admin").sendJson("DELETE", "/api/admin/users/" + reviewer + "?reason=Vertrokken", null);
                default ->
                    as("admin")
                            .sendJson(
                                    "DELETE",
                                    "/api/admin/users/" + reviewer + "/groups/privacy-officer?reason=Andere%20rol",
                                    null);
            };
            assertThat(ended.statusCode()).as(ended.body()).isBetween(200, 204);
            assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee())
                    .as("the gate goes back to group privacy-officer")
                    .isNull();
            String action = switch (ending) {
                case "deactivation" -> "USER_DEACTIVATED";
                case "deletion" -> "USER_DELETED";
                default -> "GROUP_MEMBER_REMOVED";
            };
            String details = audit.events(null, 100).stream()
                    .filter(e -> e.action().equals(action) && e.details().contains(reviewer))
                    .findFirst()
                    .orElseThrow()
                    .details();
            assertThat(JSON.readTree(details).path("tasksReleased").toString()).contains(gate.getId());
        }
    }
}
