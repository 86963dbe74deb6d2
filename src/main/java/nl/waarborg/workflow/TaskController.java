package nl.waarborg.workflow;

import java.util.List;
import java.util.Map;
import nl.waarborg.workflow.TaskWork.TaskView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tasks over HTTP: my tasks, one task with its form values, claim, complete. */
@RestController
@RequestMapping("/api/tasks")
public class TaskController {

    private final TaskWork work;

    public TaskController(TaskWork work) {
        this.work = work;
    }

    @GetMapping
    public List<TaskView> myTasks() {
        return work.myTasks();
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
    public ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        work.complete(id, values);
        return ResponseEntity.noContent().build();
    }
}
