package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18 point 16: the pre-scan's result reads as one verdict per assessment (verplicht / aanbevolen / niet nodig)
 * with the decision's reason, on the system page and on its own page with the answers that were given, in Dutch.
 */
@WaarborgIntegrationTest
class PreScanPageHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theSystemPageAndThePreScanPageShowTheVerdictsWithReasonsAndTheAnswersInDutch() {
        ApiSteps api = new ApiSteps(port);
        String systemId = api.newSystem("lead", "Bijstandstoets", "Werk en Inkomen");
        assertThat(api.as("lead")
                        .postJson("/api/systems/" + systemId + "/cycles", "{}")
                        .statusCode())
                .isEqualTo(201);
        Http browser = Http.browser(port);
        assertThat(browser.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        assertThat(browser.get("/systemen/" + systemId + "/pre-scan").statusCode())
                .isEqualTo(200); // the answers are not in yet: no outcome, no answers, no error
        Map<String, Object> answers = new HashMap<>(TriageAnswers.neutral());
        answers.put("purpose", "Bijstandsaanvragen beoordelen");
        answers.put("dpaListType", "PROFILING");
        answers.put("legalEffects", "YES");
        answers.put("processesPersonalData", "YES");
        assertThat(api.viaApi("lead", api.task("lead", systemId, "fill-in-triage"), answers)
                        .statusCode())
                .isEqualTo(204);

        String system = browser.get("/systemen/" + systemId).body();
        assertThat(system)
                .contains("Welke beoordelingen zijn nodig?")
                .contains("DPIA verplicht (AVG art. 35 lid 4)")
                .contains("IAMA aanbevolen")
                .contains("/systemen/" + systemId + "/pre-scan")
                // No raw flags beside each other ("DPIA aanbevolen: Nee" next to "DPIA verplicht: Ja").
                .doesNotContain(">DPIA aanbevolen<")
                .doesNotContain(">DPIA verplicht<");

        String page = browser.get("/systemen/" + systemId + "/pre-scan").body();
        assertThat(page)
                .contains("Uitkomst en antwoorden van de pre-scan")
                .contains("<strong>verplicht</strong>")
                .contains("<strong>aanbevolen</strong>")
                .contains("DPIA verplicht (AVG art. 35 lid 4)")
                .contains("Klasse onder de AI-verordening")
                .contains("Antwoorden in de pre-scan")
                .contains("Waarvoor gebruikt de gemeente het algoritme?")
                .contains("Bijstandsaanvragen beoordelen")
                .contains("Heeft de uitkomst rechtsgevolgen voor mensen of organisaties")
                .doesNotContain(">YES<")
                .doesNotContain(">PROFILING<")
                .doesNotContain(">REQUIRED<");
        assertThat(browser.get("/systemen/" + systemId + "/pre-scan?ronde=7").statusCode())
                .isEqualTo(404);
    }
}
