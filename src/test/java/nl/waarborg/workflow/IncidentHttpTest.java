package nl.waarborg.workflow;

import static nl.waarborg.support.ApiSteps.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0033 over real HTTP: "Incident melden" by the owner or the privacy officer (others 403, no description 400) with
 * "bekend sinds", a classification outside the choices refused on /engine-rest naming the field, deadlines counted
 * from awareness, and a suspension shown in the system's status on every view (page, register page, /api/systems list
 * and detail).
 */
@WaarborgIntegrationTest
class IncidentHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    ApiSteps api;

    @BeforeEach
    void api() {
        api = new ApiSteps(port);
    }

    /** A project lead of its own, so that "Mijn systemen" shows only this test's system. */
    String newProjectLead() {
        String id = "pl-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Incident");
        DemoUsers.saveWithDemoPassword(identity, user);
        identity.createMembership(id, "project-lead");
        return id;
    }

    /** The system as /api/systems lists it (all pages). */
    JsonNode listed(String systemId) {
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = json(api.as("manager").get("/api/systems?limit=1000&offset=" + offset));
            for (JsonNode s : page) {
                if (systemId.equals(s.path("id").asText())) {
                    return s;
                }
            }
            if (page.size() < 1000) {
                throw new AssertionError("System " + systemId + " not listed");
            }
        }
    }

    @Test
    void theOwnerOrThePrivacyOfficerReportsAnIncidentAndASuspensionShowsInTheStatus() {
        String owner = newProjectLead();
        String systemId = api.newSystem(owner, "Incidentmelding", "Burgerzaken");
        String path = "/api/systems/" + systemId + "/incidents";
        assertThat(api.as("ethics").postJson(path, "{\"description\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(api.as(owner).postJson(path, "{\"description\":\"\"}").statusCode())
                .isEqualTo(400);
        assertThat(api.as("fg")
                        .postJson(path, "{\"description\":\"Gegevens naar verkeerde adressen\"}")
                        .statusCode())
                .isEqualTo(201);
        Instant aware = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(json(api.as("manager").get("/api/systems/" + systemId))
                        .path("useSuspended")
                        .asBoolean())
                .isFalse();
        // Registered just now: an awareness 30 hours ago lies before the system existed.
        ApiSteps.refusedNaming(
                api.as(owner)
                        .postJson(
                                path,
                                ApiSteps.write(Map.of("description", "Te vroeg", "awareSince", aware.toString()))),
                "awareSince");

        HttpResponse<String> reported = api.as(owner).postJson(path, "{\"description\":\"Foute afwijzingen\"}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat(json(reported).path("incidentId").asText()).isNotBlank();

        String classify = api.task(owner, systemId, "classify-incident");
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("incidentSeriousness", "VERY");
        wrong.put("incidentBreachRisk", "NO_BREACH");
        wrong.put("incidentClassificationMotivation", "x");
        ApiSteps.refusedNaming(api.viaEngineRest(owner, classify, "complete", wrong), "incidentSeriousness");

        assertThat(api.viaApi(
                                owner,
                                classify,
                                Map.of(
                                        "incidentSeriousness", "SERIOUS",
                                        "incidentBreachRisk", "NO_BREACH",
                                        "incidentClassificationMotivation", "Schade aan grondrechten"))
                        .statusCode())
                .isEqualTo(204);
        String provider = api.task(owner, systemId, "notify-provider");
        assertThat(json(api.as(owner).get("/engine-rest/task/" + provider))
                        .path("due")
                        .asText())
                .isNotBlank();

        String suspension = api.task(owner, systemId, "decide-suspension");
        assertThat(api.viaApi(
                                owner,
                                suspension,
                                Map.of("art79Risk", "NO", "suspendUse", "YES", "suspensionMotivation", "Veiligheid"))
                        .statusCode())
                .isEqualTo(204);

        assertThat(json(api.as("manager").get("/api/systems/" + systemId))
                        .path("useSuspended")
                        .asBoolean())
                .as("detail")
                .isTrue();
        assertThat(listed(systemId).path("useSuspended").asBoolean()).as("list").isTrue();
        Http browser = Http.browser(port);
        assertThat(browser.formLogin(owner, "demo").statusCode()).isEqualTo(302);
        String page = browser.get("/systemen/" + systemId).body();
        assertThat(page)
                .contains("gebruik opgeschort na een incident")
                .contains("Incidenten")
                .contains("Bekend sinds")
                .contains("Opgeschort na een incident")
                .contains("Foute afwijzingen")
                .contains("Ernstig incident (melden binnen 15 dagen)")
                .contains("Incident melden");
        assertThat(browser.get("/systemen").body()).contains("(gebruik opgeschort)");
        assertThat(json(api.as("manager").get("/api/audit?systemId=" + systemId))
                        .toString())
                .contains("INCIDENT_REPORTED")
                .contains("awareSince")
                .contains("INCIDENT_CLASSIFIED")
                .contains("USE_SUSPENDED");
        assertThat(json(api.as("manager").get("/api/oversight/blocked?limit=10000"))
                        .toString())
                .as("open incident tasks are waits on the oversight list")
                .contains(provider);
    }
}
