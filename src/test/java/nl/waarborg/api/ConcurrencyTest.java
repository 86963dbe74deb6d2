package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.Together;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two people doing the same thing at the same moment: one wins, the other is told so, nothing is doubled. */
@WaarborgIntegrationTest
class ConcurrencyTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @Autowired
    AssessmentReads reads;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void parallelStartsOfACycleStartOneCycle() throws Exception {
        SystemRecord system = systems.register("Parallel gestart", null, "ICT", "lead");
        Http lead = Http.api(port).as("lead", "demo");
        List<HttpResponse<String>> responses =
                together(4, () -> lead.postJson("/api/systems/" + system.id() + "/cycles", "{}"));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey("assessment-cycle")
                        .processInstanceBusinessKey(system.id())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void parallelCompletionsOfOneGateRecordOneDecision() throws Exception {
        ensureUser("fg2", "privacy-officer");
        SystemRecord system = systems.register("Gelijktijdig advies", null, "ICT", "lead");
        GateProbe.Probe probe = GateProbe.start(engine, assessments, system.id(), version -> {});
        AssessmentService.OpenedVersion version = probe.version();
        String instance = probe.instanceId();
        String taskId = probe.taskId();

        String body = "{\"decision\":\"APPROVED\",\"motivation\":\"Akkoord\"}";
        List<Callable<HttpResponse<String>>> calls = List.of(
                () -> Http.api(port).as("fg", "demo").postJson("/api/tasks/" + taskId + "/complete", body),
                () -> Http.api(port).as("fg2", "demo").postJson("/api/tasks/" + taskId + "/complete", body));
        List<HttpResponse<String>> responses = together(calls);

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
        HttpResponse<String> loser = responses.stream()
                .filter(r -> r.statusCode() == 409)
                .findFirst()
                .orElseThrow();
        assertThat(loser.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(reads.version(version.assessmentId(), 1).orElseThrow().signatures())
                .hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wb_signature WHERE task_id = ?", Integer.class, taskId))
                .isEqualTo(1);
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count())
                .isZero();
    }

    private void ensureUser(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            DemoUsers.saveWithDemoPassword(identity, user);
            identity.createMembership(id, group);
        }
    }

    private static List<HttpResponse<String>> together(int times, Callable<HttpResponse<String>> call)
            throws Exception {
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return together(calls);
    }

    private static List<HttpResponse<String>> together(List<Callable<HttpResponse<String>>> calls) throws Exception {
        return Together.run(calls);
    }
}
