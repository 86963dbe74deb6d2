package nl.waarborg.administration;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.waarborg.administration.StuckWorkQueries.Page;
import nl.waarborg.shared.PageParameters;
import nl.waarborg.workflow.CycleCancellation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stuck work over HTTP, for the functional administrator only (group admin; everyone else 403): open tasks, running
 * cycles and failed jobs, and the actions that free them. Every action needs {@code reason} (400 without it) and is
 * audited with it.
 */
@RestController
@RequestMapping("/api/admin/work")
public class StuckWorkController {

    private static final int MAX_PAGE = 1000;

    private final StuckWorkService work;
    private final StuckWorkQueries queries;

    public StuckWorkController(StuckWorkService work, StuckWorkQueries queries) {
        this.work = work;
        this.queries = queries;
    }

    /** A reason for an action that needs nothing else. */
    public record Reasoned(String reason) {}

    /** {@code assignee} null or empty gives the task back to its group. */
    public record Reassignment(String assignee, String reason) {}

    /** {@code dueDate} as written, YYYY-MM-DD: a count of days or a list of numbers is no day (probe 67). */
    public record DueDateCorrection(String dueDate, String reason) {

        LocalDate day() {
            if (dueDate == null || !dueDate.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                return null;
            }
            try {
                return LocalDate.parse(dueDate.strip());
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
    }

    @GetMapping("/tasks")
    public ResponseEntity<List<StuckWorkQueries.OpenTask>> tasks(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        StuckWorkService.requireAdmin();
        PageParameters.check(limit, offset, MAX_PAGE);
        return page(queries.openTasks(limit, offset));
    }

    @PostMapping("/tasks/{taskId}/assignee")
    public Map<String, Object> reassign(
            @PathVariable String taskId, @RequestBody(required = false) Reassignment request) {
        Reassignment r = request == null ? new Reassignment(null, null) : request;
        work.reassign(taskId, r.assignee(), r.reason());
        return Map.of(
                "taskId",
                taskId,
                "assignee",
                r.assignee() == null ? "" : r.assignee().trim());
    }

    @PostMapping("/tasks/{taskId}/due-date")
    public Map<String, Object> correctDueDate(
            @PathVariable String taskId, @RequestBody(required = false) DueDateCorrection request) {
        DueDateCorrection r = request == null ? new DueDateCorrection(null, null) : request;
        LocalDate day = r.day();
        work.correctDueDate(taskId, day, r.reason());
        return Map.of("taskId", taskId, "dueDate", day.toString());
    }

    @GetMapping("/cycles")
    public ResponseEntity<List<StuckWorkQueries.RunningCycle>> cycles(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        StuckWorkService.requireAdmin();
        PageParameters.check(limit, offset, MAX_PAGE);
        return page(queries.runningCycles(limit, offset));
    }

    @PostMapping("/systems/{systemId}/cycle-cancellation")
    public CycleCancellation.Cancelled cancelCycle(
            @PathVariable String systemId, @RequestBody(required = false) Reasoned request) {
        return work.cancelCycle(systemId, request == null ? null : request.reason());
    }

    @PostMapping("/systems/{systemId}/retirement")
    public ResponseEntity<Map<String, Object>> retire(
            @PathVariable String systemId, @RequestBody(required = false) Reasoned request) {
        work.retire(systemId, request == null ? null : request.reason());
        return ResponseEntity.accepted().body(Map.of("systemId", systemId));
    }

    @GetMapping("/failed-jobs")
    public ResponseEntity<List<StuckWorkQueries.FailedJob>> failedJobs(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        StuckWorkService.requireAdmin();
        PageParameters.check(limit, offset, MAX_PAGE);
        return page(queries.failedJobs(limit, offset));
    }

    @PostMapping("/failed-jobs/{jobId}/retry")
    public Map<String, Object> retry(@PathVariable String jobId, @RequestBody(required = false) Reasoned request) {
        work.retryJob(jobId, request == null ? null : request.reason());
        return Map.of("jobId", jobId, "retries", 1);
    }

    private static <T> ResponseEntity<List<T>> page(Page<T> page) {
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .body(page.items());
    }
}
