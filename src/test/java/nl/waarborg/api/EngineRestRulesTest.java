package nl.waarborg.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.support.GateProbe;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The bridge's rules hold through /engine-rest too, with the same status codes as Waarborg's own API. */
@WaarborgIntegrationTest
class EngineRestRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    SystemRegistry systems;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ProcessEngine engine;

    private String gateTask(String contributor) {
        SystemRecord system = systems.register("Regels via engine-rest", null, "ICT", "lead");
        return GateProbe.start(engine, assessments, system.id(),
                version -> assessments.saveSection(version.assessmentId(), 1, "dpia-a", Map.of("proposal", "x"), contributor)).taskId();
    }

    @Test
    void aContributorIsRefusedWith403AndTheTaskStaysOpen() {
        String task = gateTask("fg");
        String body = "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"},\"motivation\":{\"value\":\"ok\"}}}";
        HttpResponse<String> refused = Http.api(port).as("fg", "demo").postJson("/engine-rest/task/" + task + "/submit-form", body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("Segregation of duties");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);

        HttpResponse<String> viaApi = Http.api(port).as("fg", "demo").postJson("/api/tasks/" + task + "/complete",
                "{\"decision\":\"APPROVED\",\"motivation\":\"ok\"}");
        assertThat(viaApi.statusCode()).isEqualTo(403);
    }

    @Test
    void aMissingMotivationIsA400NamingTheField() {
        String task = gateTask("lead");
        String body = "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"}}}";
        HttpResponse<String> refused = Http.api(port).as("fg", "demo").postJson("/engine-rest/task/" + task + "/submit-form", body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("motivation");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);

        HttpResponse<String> ok = Http.api(port).as("fg", "demo").postJson("/engine-rest/task/" + task + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVED\"},\"motivation\":{\"value\":\"Goed onderbouwd\"}}}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    }
}
