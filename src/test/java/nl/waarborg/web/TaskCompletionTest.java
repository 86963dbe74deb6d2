package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.waarborg.support.ApiSteps;
import nl.waarborg.support.CycleSteps;
import nl.waarborg.support.Http;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/** Completing tasks through the web UI's endpoint: the server's refusals come back in plain Dutch with the field. */
@WaarborgIntegrationTest
class TaskCompletionTest {

    /** A complete triage: every required answer of the form. */
    static final String TRIAGE = json(nl.waarborg.process.TriageAnswers.neutral());

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @RegisterExtension
    final CycleSteps steps = new CycleSteps();

    @Autowired
    TaskPages taskPages;

    @Test
    void myTasksComeInPagesWithTheFullCountInAHeader() throws Exception {
        steps.systemWithCycle("Pagina een");
        steps.systemWithCycle("Pagina twee");
        Http lead = Http.api(steps.port()).as("lead", "demo");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        HttpResponse<String> all = lead.get("/api/tasks?limit=1000");
        assertThat(all.statusCode()).isEqualTo(200);
        int count = json.readTree(all.body()).size();
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(all.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(count));

        HttpResponse<String> first = lead.get("/api/tasks?limit=1");
        assertThat(json.readTree(first.body()).size()).isEqualTo(1);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(count));
        HttpResponse<String> second = lead.get("/api/tasks?limit=1&offset=1");
        assertThat(json.readTree(second.body()).get(0).path("id").asText())
                .isNotEqualTo(json.readTree(first.body()).get(0).path("id").asText())
                .isEqualTo(json.readTree(all.body()).get(1).path("id").asText());
        assertThat(json.readTree(lead.get("/api/tasks?offset=" + count).body()).size())
                .isZero();

        for (String bad : List.of("limit=0", "limit=1001", "offset=-1", "limit=veel")) {
            HttpResponse<String> refused = lead.get("/api/tasks?" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .as(bad)
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        // The page lists them all while they fit on it, without the notice that more are waiting.
        assertThat(steps.session("lead").get("/taken").body())
                .contains("Pagina een")
                .contains("Pagina twee")
                .doesNotContain("die het eerst verlopen")
                .doesNotContain("Volgende pagina");
    }

    @Test
    void myTasksPageThroughAllOpenTasksWithPreviousAndNextLinks() throws Exception {
        String lastSystem = null;
        for (int i = 1; i <= 3; i++) {
            lastSystem = steps.systemWithCycle("Bladeren " + i);
        }
        Http lead = steps.session("lead");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> expected = new java.util.ArrayList<>();
        json.readTree(Http.api(steps.port())
                        .as("lead", "demo")
                        .get("/api/tasks?limit=1000")
                        .body())
                .forEach(t -> expected.add(t.path("id").asText()));
        int pages = (expected.size() + 1) / 2;
        ReflectionTestUtils.setField(taskPages, "pageSize", 2);
        try {
            List<String> seen = new java.util.ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                String body = lead.get("/taken?pagina=" + page).body();
                seen.addAll(taskLinks(body));
                assertThat(body)
                        .contains("Pagina " + page + " van " + pages)
                        .contains(
                                "U ziet taak " + (2 * page - 1) + " tot en met " + Math.min(2 * page, expected.size()));
                assertThat(body.contains("rel=\"prev\" href=\"/taken?pagina=" + (page - 1) + "\""))
                        .as("previous on page %d", page)
                        .isEqualTo(page > 1);
                assertThat(body.contains("rel=\"next\" href=\"/taken?pagina=" + (page + 1) + "\""))
                        .as("next on page %d", page)
                        .isEqualTo(page < pages);
            }
            // Every open task once, in the API's order: no page repeats or skips one.
            assertThat(seen).isEqualTo(expected);
            // Beyond the last page the last one shows; below the first, the first.
            assertThat(taskLinks(lead.get("/taken?pagina=" + (pages + 5)).body()))
                    .isEqualTo(taskLinks(lead.get("/taken?pagina=" + pages).body()));
            assertThat(taskLinks(lead.get("/taken?pagina=0").body())).isEqualTo(expected.subList(0, 2));
            // An edited link is no dead end: not a number gives the first page, a huge number the last.
            HttpResponse<String> notANumber = lead.get("/taken?pagina=twee");
            assertThat(notANumber.statusCode()).isEqualTo(200);
            assertThat(taskLinks(notANumber.body())).isEqualTo(expected.subList(0, 2));
            assertThat(taskLinks(lead.get("/taken?pagina=99999999999").body()))
                    .isEqualTo(taskLinks(lead.get("/taken?pagina=" + pages).body()));

            // Work begun on page 2 returns to page 2: the task links there, the claim, the task page and the completion
            // carry the page; page 1 links stay without it.
            String onPageTwo = taskLinks(lead.get("/taken?pagina=2").body()).get(0);
            assertThat(lead.get("/taken?pagina=2").body()).contains("href=\"/taken/" + onPageTwo + "?pagina=2\"");
            assertThat(lead.get("/taken").body()).contains("href=\"/taken/" + expected.get(0) + "\"");
            String triage = steps.cycles().openSteps(lastSystem).get(0).taskId();
            String csrf = Http.csrfTokenFrom(lead.get("/taken?pagina=2").body());
            HttpResponse<String> claimed = lead.postForm("/taken/" + triage + "/claim?pagina=2", "_csrf=" + csrf);
            assertThat(claimed.statusCode()).isEqualTo(302);
            assertThat(claimed.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/taken/" + triage + "?pagina=2"));
            String taskPage = lead.get("/taken/" + triage + "?pagina=2").body();
            assertThat(taskPage)
                    .contains("href=\"/taken?pagina=2\"")
                    .contains("data-submit-url=\"/taken/" + triage + "/afronden?pagina=2\"");
            HttpResponse<String> done = ApiSteps.postOnPage(lead, "/taken/" + triage + "/afronden?pagina=2", TRIAGE);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(done.body()).contains("/taken?afgerond&pagina=2");
            // An edited page parameter falls back to the first page, without a parameter.
            assertThat(lead.get("/taken/" + expected.get(0) + "?pagina=abc").body())
                    .contains("<p class=\"breadcrumb\"><a href=\"/taken\">")
                    .doesNotContain("pagina=");
        } finally {
            ReflectionTestUtils.setField(taskPages, "pageSize", TaskPages.PAGE_SIZE);
        }
    }

    private static List<String> taskLinks(String body) {
        return java.util.regex.Pattern.compile("<th scope=\"row\"><a href=\"/taken/([0-9a-f-]{36})(\\?pagina=\\d+)?\"")
                .matcher(body)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void aTaskCompletedTwiceIsRefusedAsAlreadyDone() {
        String systemId = steps.systemWithCycle("Dubbel afronden");
        OpenStep triage = steps.cycles().openSteps(systemId).get(0);
        Http lead = steps.session("lead");
        HttpResponse<String> values = lead.get("/taken/" + triage.taskId() + "/waarden");
        assertThat(values.statusCode()).isEqualTo(200);
        HttpResponse<String> done = ApiSteps.completeOnPage(lead, triage.taskId(), TRIAGE);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("/taken?afgerond");
        HttpResponse<String> again = ApiSteps.completeOnPage(lead, triage.taskId(), "{\"purpose\": \"Nog eens\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Deze taak is al afgerond");
    }

    @Test
    void goLiveRefusalsSayWhatIsMissingInDutch() {
        String systemId = steps.systemWithCycle("Go-live weigeringen");
        List<OpenStep> open =
                steps.driver().driveUntil(systemId, "go-live-log-retention", GoLiveBrowserTest.HIGH_RISK_AI);
        OpenStep logs = OpenSteps.reached(open, "go-live-log-retention");
        Http lead = steps.session("lead");
        HttpResponse<String> tooShort =
                ApiSteps.completeOnPage(lead, logs.taskId(), "{\"logsRetained\": true, \"logRetentionMonths\": 3}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("minstens zes maanden").contains("\"field\":\"logRetentionMonths\"");
        HttpResponse<String> unconfirmed =
                ApiSteps.completeOnPage(lead, logs.taskId(), "{\"logsRetained\": false, \"logRetentionMonths\": 12}");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body())
                .contains("Bevestig dat de bewaring van logs is ingericht")
                .contains("\"field\":\"logsRetained\"");
        assertThat(steps.cycles().openSteps(systemId))
                .extracting(OpenStep::taskId)
                .contains(logs.taskId());
    }

    @Test
    void gateRefusalsNameTheFieldInDutch() {
        String systemId = steps.systemWithCycle("Poortweigeringen");
        List<OpenStep> open =
                steps.driver().driveUntil(systemId, "privacy-officer-advice", GateScenarioBrowserTest.NEEDS_IAMA);
        OpenStep gate = OpenSteps.reached(open, "privacy-officer-advice");
        Http fg = steps.session("fg");
        HttpResponse<String> missing = ApiSteps.completeOnPage(fg, gate.taskId(), "{\"decision\": \"APPROVED\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Vul een motivering in").contains("\"field\":\"motivation\"");
        HttpResponse<String> conditions = ApiSteps.completeOnPage(
                fg,
                gate.taskId(),
                "{\"decision\": \"APPROVED_WITH_CONDITIONS\", \"motivation\": \"Goed\", \"conditions\": \"\"}");
        assertThat(conditions.statusCode()).isEqualTo(400);
        assertThat(conditions.body()).contains("vul de voorwaarden in");
        // The lead filled in the content, so may not decide; and is not in the FG's group anyway.
        HttpResponse<String> lead = ApiSteps.completeOnPage(
                steps.session("lead"), gate.taskId(), "{\"decision\": \"APPROVED\", \"motivation\": \"Zelf\"}");
        assertThat(lead.statusCode()).isIn(403, 404);
        assertThat(lead.body()).doesNotContain("Exception");
        assertThat(fg.get("/taken/" + gate.taskId()).body()).contains("Wat u beoordeelt");
    }
}
