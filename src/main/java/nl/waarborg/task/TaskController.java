package nl.waarborg.task;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import nl.waarborg.shared.NotFoundException;
import nl.waarborg.shared.PageParameters;
import nl.waarborg.task.TaskWork.TaskView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tasks over HTTP: my tasks, one task with its form values, claim, complete, and one's own draft of a task (save, read, discard). */
@RestController
@RequestMapping("/api/tasks")
public class TaskController {

    private final TaskWork work;

    private final TaskDrafts drafts;

    public TaskController(TaskWork work, TaskDrafts drafts) {
        this.work = work;
        this.drafts = drafts;
    }

    /** Earliest due first, at most `limit` tasks (default 100) from `offset`; X-Total-Count has the full count. */
    @GetMapping
    public ResponseEntity<List<TaskView>> myTasks(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        PageParameters.check(limit, offset, 1000);
        TaskWork.TaskPage page = work.myTasks(limit, offset);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .body(page.tasks());
    }

    @GetMapping("/{id}")
    public TaskView task(@PathVariable String id) {
        return work.task(id);
    }

    @PostMapping("/{id}/claim")
    public TaskView claim(@PathVariable String id) {
        return work.claim(id);
    }

    @PostMapping(value = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> complete(
            @PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        work.complete(id, values);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Saves your draft of a task's form (\"Concept opslaan\"); it is no completion",
            description =
                    "Body: the form's answers as for complete, any of them missing or unfinished. Kept per task and"
                            + " user until the task is completed or deleted; replaces your earlier draft. Refused like a"
                            + " completion's input: 400 names a key that is not on the task's form, a text over its maximum"
                            + " length, a value of the wrong kind or a choice the form does not offer; 413 over 2 MB. Only the"
                            + " user who may work the task: 404 when you cannot see it, 403 when you may only read it or someone"
                            + " else has claimed it, 409 when it is completed. No rule or content check reads a draft.")
    @PutMapping(value = "/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TaskDrafts.Draft saveDraft(
            @PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        return drafts.save(id, values);
    }

    @Operation(
            summary = "Your saved draft of a task's form",
            description = "404 when you saved none (or cannot see the task); 403 and 409 as for saving. Nobody reads"
                    + " another user's draft, also not after the task is handed over. Only the keys of the task's form"
                    + " as it is now: a key that a changed form no longer has is left out of values.")
    @GetMapping("/{id}/draft")
    public TaskDrafts.Draft draft(@PathVariable String id) {
        return drafts.read(id).orElseThrow(() -> new NotFoundException("You have saved no draft of task " + id + "."));
    }

    @Operation(
            summary = "Discards your draft of a task's form (\"Concept verwijderen\")",
            description = "204 whether or not you had saved one: discarding is idempotent, so a repeated request (a"
                    + " double click, a retry after a lost answer) is no error. Removes only your own draft; the task"
                    + " and its values stay as the engine holds them. The same users as for saving: 404 when you"
                    + " cannot see the task, 403 when you may only read it or someone else has claimed it, 409 when"
                    + " it is completed (a completed task keeps no drafts).")
    @DeleteMapping("/{id}/draft")
    public ResponseEntity<Void> discardDraft(@PathVariable String id) {
        drafts.discard(id);
        return ResponseEntity.noContent().build();
    }
}
