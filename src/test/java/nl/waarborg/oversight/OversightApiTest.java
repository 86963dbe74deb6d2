package nl.waarborg.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.Http;
import nl.waarborg.support.OpenSteps;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import nl.waarborg.workflow.rules.WorkingDays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the manager sees over HTTP in /api/oversight: each wait with its due date and overdue flag, and per gate the
 * count, the overdue count and the average waiting time. Systems are taken to a gate by the real engine; the passing of
 * time is made by moving a wait's due date or start in the wait table, so the flag is seen on both sides of the due date.
 */
@WaarborgIntegrationTest
class OversightApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Map<String, Object> NEEDS_IAMA = nl.waarborg.process.TriageAnswers.impactful();
    static final String PRIVACY = "privacy-officer-advice";
    static final String ETHICS = "ethics-committee-advice";

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    CycleService cycles;

    @Autowired
    DemoDriver driver;

    @Autowired
    JdbcClient jdbc;

    /** Each test has a department of its own, so the other tests' waits do not count. */
    final String department = "Toezicht " + UUID.randomUUID().toString().substring(0, 8);

    /** A system of this test's department with its cycle waiting at the gate; returns the gate's task id. */
    String waitingAt(String name, String gate) {
        String systemId = systems.register(name, null, department, "lead").id();
        driver.as("lead", () -> cycles.startCycle(systemId, "lead"));
        List<OpenStep> open = driver.driveUntil(systemId, gate, NEEDS_IAMA);
        return OpenSteps.reached(open, gate).taskId();
    }

    void move(String taskId, String column, Instant to) {
        int rows = jdbc.sql("UPDATE wb_open_wait SET " + column + " = :to WHERE task_id = :task")
                .param("to", Timestamp.from(to))
                .param("task", taskId)
                .update();
        assertThat(rows).as("wait of task %s", taskId).isEqualTo(1);
    }

    HttpResponse<String> manager(String path) {
        HttpResponse<String> response = Http.api(port).as("manager", "demo").get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response;
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    JsonNode byTask(JsonNode items, String taskId) {
        for (JsonNode item : items) {
            if (taskId.equals(item.path("taskId").asText())) {
                return item;
            }
        }
        throw new AssertionError("No blocked item for task " + taskId + " in " + items);
    }

    String query(String gate) {
        return "?department=" + department.replace(" ", "%20") + (gate == null ? "" : "&gate=" + gate);
    }

    @Test
    void aGateIsDueTenWorkingDaysAfterItOpened() {
        String task = waitingAt("Termijn", PRIVACY);
        JsonNode item = byTask(json(manager("/api/oversight/blocked" + query(null))), task);
        assertThat(item.path("gate").asText()).isEqualTo(PRIVACY);
        assertThat(item.path("candidateGroup").asText()).isEqualTo("privacy-officer");
        assertThat(item.path("department").asText()).isEqualTo(department);
        assertThat(item.path("overdue").asBoolean()).isFalse();
        Instant since = Instant.parse(item.path("waitingSince").asText());
        Instant due = Instant.parse(item.path("dueAt").asText());
        // Counted here day by day: ten weekdays after the day the gate opened, leaving out the public holidays (whose
        // dates WorkingDaysTest checks).
        LocalDate day = since.atZone(AMSTERDAM).toLocalDate();
        for (int weekdays = 0; weekdays < 10; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !WorkingDays.isPublicHoliday(day)) {
                weekdays++;
            }
        }
        assertThat(due.atZone(AMSTERDAM).toLocalDate())
                .as("due %s for a wait since %s", due, since)
                .isEqualTo(day);
        assertThat(Duration.between(
                                since.atZone(AMSTERDAM).toLocalTime(),
                                due.atZone(AMSTERDAM).toLocalTime())
                        .abs())
                .as("the same time of day")
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aWaitIsOverdueOnceItsDueDateHasPassed() {
        String late = waitingAt("Te laat", PRIVACY);
        String onTime = waitingAt("Op tijd", PRIVACY);
        move(late, "due_at", Instant.now().minus(2, ChronoUnit.MINUTES));
        move(onTime, "due_at", Instant.now().plus(2, ChronoUnit.MINUTES));

        HttpResponse<String> response = manager("/api/oversight/blocked" + query(null));
        JsonNode items = json(response);
        assertThat(items).hasSize(2);
        assertThat(response.headers().firstValue("X-Total-Count")).contains("2");
        assertThat(byTask(items, late).path("overdue").asBoolean())
                .as("due two minutes ago")
                .isTrue();
        assertThat(byTask(items, onTime).path("overdue").asBoolean())
                .as("due in two minutes")
                .isFalse();
        assertThat(byTask(items, late).path("systemName").asText()).isEqualTo("Te laat");

        assertThat(json(manager("/api/oversight/blocked" + query(ETHICS)))).isEmpty();
        assertThat(manager("/api/oversight/blocked" + query(ETHICS)).headers().firstValue("X-Total-Count"))
                .contains("0");
    }

    @Test
    void statisticsCountTheWaitsAndTheOverdueOnesPerGate() {
        String first = waitingAt("Eerste", PRIVACY);
        String second = waitingAt("Tweede", PRIVACY);
        String third = waitingAt("Derde", PRIVACY);
        String ethics = waitingAt("Ethiek", ETHICS);
        Instant now = Instant.now();
        move(first, "due_at", now.minus(1, ChronoUnit.HOURS));
        move(second, "due_at", now.minus(1, ChronoUnit.MINUTES));
        move(third, "due_at", now.plus(5, ChronoUnit.MINUTES));
        move(ethics, "due_at", now.plus(1, ChronoUnit.DAYS));
        move(first, "waiting_since", now.minus(Duration.ofDays(1)));
        move(second, "waiting_since", now.minus(Duration.ofDays(2)));
        move(third, "waiting_since", now.minus(Duration.ofDays(6)));
        move(ethics, "waiting_since", now.minus(Duration.ofHours(12)));

        JsonNode statistics = json(manager("/api/oversight/statistics" + query(null)));
        assertThat(statistics).as(statistics.toString()).hasSize(2);
        JsonNode ethicsGate = statistics.get(0);
        JsonNode privacyGate = statistics.get(1);
        assertThat(ethicsGate.path("gate").asText()).isEqualTo(ETHICS);
        assertThat(ethicsGate.path("count").asLong()).isEqualTo(1);
        assertThat(ethicsGate.path("overdue").asLong()).isZero();
        assertThat(ethicsGate.path("averageWaitingDays").asDouble()).isCloseTo(0.5, within(0.01));
        assertThat(privacyGate.path("gate").asText()).isEqualTo(PRIVACY);
        assertThat(privacyGate.path("count").asLong()).isEqualTo(3);
        assertThat(privacyGate.path("overdue").asLong()).isEqualTo(2);
        assertThat(privacyGate.path("averageWaitingDays").asDouble()).isCloseTo(3.0, within(0.01));

        JsonNode onlyPrivacy = json(manager("/api/oversight/statistics" + query(PRIVACY)));
        assertThat(onlyPrivacy).hasSize(1);
        assertThat(onlyPrivacy.get(0).path("count").asLong()).isEqualTo(3);
        assertThat(onlyPrivacy.get(0).path("overdue").asLong()).isEqualTo(2);

        // The list agrees with the statistics.
        JsonNode blocked = json(manager("/api/oversight/blocked" + query(PRIVACY)));
        assertThat(blocked).extracting(i -> i.path("overdue").asBoolean()).containsExactly(false, true, true);
        assertThat(blocked)
                .extracting(i -> i.path("taskId").asText())
                .as("longest waiting first")
                .containsExactly(third, second, first);
    }

    @Test
    void pagesWithoutADepartmentFilterFollowTheSameOrderAndCountAsTheFilteredList() {
        waitingAt("Paginering een", PRIVACY);
        waitingAt("Paginering twee", PRIVACY);
        JsonNode mine = json(manager("/api/oversight/blocked" + query(null) + "&limit=10000"));
        assertThat(mine.size()).as("waits of this test's department").isGreaterThanOrEqualTo(2);
        // Put this department's waits before every other one, one minute apart, so the unfiltered first page is theirs.
        Instant longAgo = Instant.parse("1990-01-01T08:00:00Z");
        for (int i = 0; i < mine.size(); i++) {
            move(mine.get(i).path("taskId").asText(), "waiting_since", longAgo.plus(Duration.ofMinutes(i)));
        }
        mine = json(manager("/api/oversight/blocked" + query(null) + "&limit=10000"));
        int n = mine.size();

        HttpResponse<String> first = manager("/api/oversight/blocked?limit=" + n);
        assertThat(json(first))
                .as("the unfiltered first page, joined with the register")
                .isEqualTo(mine);
        JsonNode second = json(manager("/api/oversight/blocked?limit=1&offset=1"));
        assertThat(second).hasSize(1);
        assertThat(second.get(0)).isEqualTo(mine.get(1));

        long all =
                jdbc.sql("SELECT COUNT(*) FROM wb_open_wait").query(Long.class).single();
        long atPrivacy = jdbc.sql("SELECT COUNT(*) FROM wb_open_wait WHERE gate = :gate")
                .param("gate", PRIVACY)
                .query(Long.class)
                .single();
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(all));
        assertThat(manager("/api/oversight/blocked?limit=1&gate=" + PRIVACY)
                        .headers()
                        .firstValue("X-Total-Count"))
                .hasValue(String.valueOf(atPrivacy));
        assertThat(manager("/api/oversight/blocked" + query(null) + "&limit=1")
                        .headers()
                        .firstValue("X-Total-Count"))
                .hasValue(String.valueOf(n));
    }
}
