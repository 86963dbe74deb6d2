package nl.waarborg.workflow;

import static nl.waarborg.support.ApiSteps.json;
import static nl.waarborg.support.ApiSteps.refusedNaming;
import static nl.waarborg.support.ApiSteps.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incident process (ADR 0033) attacked as a hostile project lead and a curious reviewer would, on /api, the
 * pages, /engine-rest and Tasklist's API: "bekend sinds" in the future, before the system, or garbled is refused
 * before anything starts; deadlines run from awareness; a late notice to the AP needs reasons on every path; the
 * engine-owned facts (awareness, deadlines, suspension) cannot be forged; outsiders can neither report nor work.
 */
@WaarborgIntegrationTest
class IncidentAttackHttpTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    ApiSteps api;

    @BeforeEach
    void api() {
        api = new ApiSteps(port);
    }

    String newUser(String group) {
        String id = group + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = engine.getIdentityService().newUser(id);
        DemoUsers.saveWithDemoPassword(engine.getIdentityService(), user);
        engine.getIdentityService().createMembership(id, group);
        return id;
    }

    /** A system of a project lead of its own, registered {@code daysAgo} days ago. */
    String systemOf(String owner, int daysAgo) {
        String id = api.newSystem(owner, "Incidentaanval " + UUID.randomUUID(), "Burgerzaken");
        jdbc.sql("UPDATE wb_system SET created_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo))), id)
                .update();
        return id;
    }

    long incidentsOf(String systemId) {
        return jdbc.sql("SELECT COUNT(*) FROM wb_incident WHERE system_id = ?")
                        .param(systemId)
                        .query(Long.class)
                        .single()
                + engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey("incident")
                        .processInstanceBusinessKey(systemId)
                        .count();
    }

    HttpResponse<String> report(String user, String systemId, String awareSince) {
        return api.as(user)
                .postJson(
                        "/api/systems/" + systemId + "/incidents",
                        write(Map.of("description", "Verkeerde besluiten", "awareSince", awareSince)));
    }

    Instant dueOf(String user, String taskId) {
        return OffsetDateTime.parse(json(api.as(user).get("/engine-rest/task/" + taskId))
                        .path("due")
                        .asText()
                        .replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                .toInstant();
    }

    @Test
    void awarenessIsCheckedBeforeAnythingStartsAndTheDeadlinesRunFromIt() {
        String owner = newUser("project-lead");
        String systemId = systemOf(owner, 10);
        for (String bad : new String[] {
            Instant.now().plus(Duration.ofHours(2)).toString(),
            Instant.now().minus(Duration.ofDays(11)).toString(),
            "gisteren",
            "2026-13-45T25:61"
        }) {
            refusedNaming(report(owner, systemId, bad), "awareSince");
        }
        assertThat(incidentsOf(systemId)).as("nothing started after a refusal").isZero();

        // The page: a time in the future gets a Dutch message and starts nothing.
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(owner, "demo").statusCode()).isEqualTo(302);
        String csrf = Http.csrfTokenFrom(browser.get("/systemen/" + systemId).body());
        String future = LocalDateTime.now(AMSTERDAM)
                .plusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        browser.postForm(
                "/systemen/" + systemId + "/incident",
                Http.form("description", "Morgen", "awareSince", future, "_csrf", csrf));
        assertThat(browser.get("/systemen/" + systemId).body()).contains("Dit tijdstip kan niet bij");
        assertThat(incidentsOf(systemId)).isZero();

        // 80 hours ago, as the page's date-time field sends it (Dutch time, no seconds): the 72 hours have passed.
        LocalDateTime local = LocalDateTime.now(AMSTERDAM).minusHours(80).truncatedTo(ChronoUnit.MINUTES);
        Instant aware = local.atZone(AMSTERDAM).toInstant();
        assertThat(browser.postForm(
                                "/systemen/" + systemId + "/incident",
                                Http.form("description", "Lijst gelekt", "awareSince", local.toString(), "_csrf", csrf))
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT aware_since FROM wb_incident WHERE system_id = ?")
                        .param(systemId)
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(aware);
        String incident = jdbc.sql("SELECT id FROM wb_incident WHERE system_id = ?")
                .param(systemId)
                .query(String.class)
                .single();

        // Classified through Tasklist's own API.
        String classify = api.task(owner, systemId, "classify-incident");
        HttpResponse<String> classified = api.viaTasklist(
                owner,
                classify,
                Map.of(
                        "incidentSeriousness", "NONE",
                        "incidentBreachRisk", "RISK",
                        "incidentClassificationMotivation", "Adressen in verkeerde brieven"));
        assertThat(classified.statusCode()).as(classified.body()).isEqualTo(204);
        String dpa = api.task(owner, systemId, "notify-dpa");
        assertThat(dueOf(owner, dpa)).isEqualTo(aware.plus(Duration.ofHours(72)));

        // The escalation is due already (at 54 hours): the manager gets the task, the oversight list shows both waits.
        for (Job job : engine.getManagementService()
                .createJobQuery()
                .processInstanceId(incident)
                .timers()
                .list()) {
            engine.getManagementService().executeJob(job.getId());
        }
        String escalation = api.task("manager", systemId, "escalate-notify-dpa");
        assertThat(json(api.as("manager").get("/api/oversight/blocked?limit=10000"))
                        .toString())
                .contains(dpa)
                .contains(escalation);

        // Late: the reasons for the delay are required on every path, and nothing is recorded meanwhile.
        Map<String, Object> withoutReasons = Map.of("dpaNotificationReference", "AP-77");
        refusedNaming(api.viaApi(owner, dpa, withoutReasons), "dpaDelayReasons");
        refusedNaming(api.viaEngineRest(owner, dpa, "complete", withoutReasons), "dpaDelayReasons");
        refusedNaming(api.viaEngineRest(owner, dpa, "submit-form", withoutReasons), "dpaDelayReasons");
        assertThat(api.viaTasklist(owner, dpa, withoutReasons).statusCode()).isEqualTo(400);
        assertThat(api.task(owner, systemId, "notify-dpa")).isEqualTo(dpa);
        assertThat(json(api.as("manager").get("/api/audit?systemId=" + systemId))
                        .toString())
                .doesNotContain("INCIDENT_NOTIFIED");
    }

    @Test
    void theEngineOwnedFactsCannotBeForgedAndOutsidersCanNeitherReportNorWork() {
        String owner = newUser("project-lead");
        String outsider = newUser("project-lead");
        String systemId = systemOf(owner, 1);
        String incident = json(report(owner, systemId, "")).path("incidentId").asText();
        Date aware = (Date) engine.getRuntimeService().getVariable(incident, "incidentAwareSince");

        // Outsiders: another project lead, the manager and the ethics committee may not report.
        for (String user : new String[] {outsider, "manager", "ethics"}) {
            assertThat(report(user, systemId, "").statusCode()).as(user).isEqualTo(403);
        }
        // Nobody starts the process past Waarborg, nor moves awareness back or the deadlines forward.
        HttpResponse<String> start = api.as(owner)
                .postJson(
                        "/engine-rest/process-definition/key/incident/start",
                        write(Map.of(
                                "businessKey",
                                systemId,
                                "variables",
                                Map.of("incidentDescription", Map.of("value", "Buiten Waarborg om")))));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(403);
        refusedNaming(
                api.as(owner)
                        .sendJson(
                                "PUT",
                                "/engine-rest/process-instance/" + incident + "/variables/incidentAwareSince",
                                "{\"value\":\"2026-01-01T00:00:00.000+0100\",\"type\":\"Date\"}"),
                "incidentAwareSince");

        String classify = api.task(owner, systemId, "classify-incident");
        // Another project lead does not see the task and cannot complete it.
        assertThat(api.as(outsider).get("/api/tasks?limit=1000").body()).doesNotContain(classify);
        Map<String, Object> classification = Map.of(
                "incidentSeriousness", "SERIOUS",
                "incidentBreachRisk", "NO_BREACH",
                "incidentClassificationMotivation", "Fout in de selectie");
        assertThat(api.viaEngineRest(outsider, classify, "complete", classification)
                        .statusCode())
                .isIn(403, 404);
        // A forged deadline or suspension flag in the completion is refused, and the task stays open.
        Map<String, Object> forged = new java.util.HashMap<>(classification);
        forged.put("providerDueAt", "2030-01-01T00:00:00.000+0100");
        refusedNaming(api.viaEngineRest(owner, classify, "complete", forged), "providerDueAt");
        assertThat(api.task(owner, systemId, "classify-incident")).isEqualTo(classify);
        assertThat(api.viaApi(owner, classify, classification).statusCode()).isEqualTo(204);

        String suspension = api.task(owner, systemId, "decide-suspension");
        refusedNaming(
                api.viaEngineRest(
                        owner,
                        suspension,
                        "complete",
                        Map.of(
                                "art79Risk",
                                "NO",
                                "suspendUse",
                                "NO",
                                "suspensionMotivation",
                                "x",
                                "useSuspended",
                                true)),
                "useSuspended");
        refusedNaming(
                api.viaEngineRest(owner, suspension, "complete", Map.of("art79Risk", "NO", "suspendUse", "PERHAPS")),
                "suspendUse");
        String provider = api.task(owner, systemId, "notify-provider");
        refusedNaming(
                api.as(owner)
                        .sendJson(
                                "PUT",
                                "/engine-rest/task/" + provider + "/variables/providerDueAt",
                                "{\"value\":\"2030-01-01T00:00:00.000+0100\",\"type\":\"Date\"}"),
                "providerDueAt");
        assertThat(dueOf(owner, provider)).isEqualTo(aware.toInstant().plus(Duration.ofHours(24)));
        assertThat(engine.getRuntimeService().getVariable(incident, "incidentAwareSince"))
                .isEqualTo(aware);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_incident WHERE system_id = ?")
                        .param(systemId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
