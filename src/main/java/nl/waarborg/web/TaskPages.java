package nl.waarborg.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentVersion;
import nl.waarborg.assessment.Gate;
import nl.waarborg.identity.PersonNames;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.NotFoundException;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.ProblemStatus.Problem;
import nl.waarborg.shared.RefusalNote;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.task.NextTask;
import nl.waarborg.task.TaskCompletedException;
import nl.waarborg.task.TaskWork;
import nl.waarborg.task.TaskWork.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reviewers and project leads: "Mijn taken", claiming, and completing a task with the same Camunda Form as Tasklist
 * (rendered in the browser by the form-js viewer). Completion goes through TaskWork as the logged-in user, so the
 * engine listeners apply the same rules as for any other client; refusals come back in plain Dutch.
 */
@Controller
public class TaskPages {

    /** Tasks on a page: more than a person works through in a day, fewer than a shared service's group can have open. */
    static final int PAGE_SIZE = 200;

    private static final Logger log = LoggerFactory.getLogger(TaskPages.class);

    private final TaskWork work;
    private final SystemRegistry systems;
    private final AssessmentReads reads;
    private final VersionPages versions;
    private final TaskRefusals refusals;
    private final PersonNames personNames;
    private final NextTask nextTask;
    private final TaskDraftPages drafts;
    /** PAGE_SIZE; a test lowers it to page through a few tasks. */
    private int pageSize = PAGE_SIZE;

    public TaskPages(
            TaskWork work,
            SystemRegistry systems,
            AssessmentReads reads,
            VersionPages versions,
            TaskRefusals refusals,
            PersonNames personNames,
            NextTask nextTask,
            TaskDraftPages drafts) {
        this.drafts = drafts;
        this.personNames = personNames;
        this.nextTask = nextTask;
        this.work = work;
        this.systems = systems;
        this.reads = reads;
        this.versions = versions;
        this.refusals = refusals;
    }

    public record TaskRow(TaskView task, String systemName, String assigneeName) {}

    /**
     * "Mijn taken", earliest due first, {@link #pageSize} at a time. A page number beyond the last shows the last page
     * (tasks are completed while someone pages); below 1 or not a number (an edited or old link), the first.
     */
    @GetMapping("/taken")
    public String myTasks(@RequestParam(name = "pagina", defaultValue = "1") String pagina, Model model) {
        Paging.Shown<TaskView> shown = Paging.show(pagina, pageSize, (limit, offset) -> {
            TaskWork.TaskPage page = work.myTasks(limit, offset);
            return new Paging.Found<>(page.tasks(), page.total());
        });
        // One query for the page's systems and one for its people, not one per row.
        Map<String, SystemRecord> bySystem =
                systems.findAll(shown.rows().stream().map(TaskView::systemId).toList());
        Map<String, String> people =
                personNames.of(shown.rows().stream().map(TaskView::assignee).toList());
        List<TaskRow> rows = shown.rows().stream()
                .map(t -> new TaskRow(
                        t,
                        bySystem.containsKey(t.systemId())
                                ? bySystem.get(t.systemId()).name()
                                : String.valueOf(t.systemId()),
                        t.assignee() == null ? null : people.get(t.assignee())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("paging", shown.paging());
        model.addAttribute("me", CurrentUser.id());
        return "tasks";
    }

    /** "?pagina=N" (or with '&') for a page after the first, else nothing: page 1 links stay as they were. */
    static String pageQuery(String pagina, char separator) {
        int page = Paging.pageNumber(pagina);
        return page > 1 ? separator + "pagina=" + page : "";
    }

    /**
     * The page of "Mijn taken" a task was opened from travels along (claim, task page, completion), so that the user
     * comes back to that page instead of the first.
     */
    @PostMapping("/taken/{id}/claim")
    public String claim(
            @PathVariable String id,
            @RequestParam(name = "pagina", required = false) String pagina,
            RedirectAttributes redirect) {
        try {
            work.claim(id);
            redirect.addFlashAttribute("flash", "task.claimed");
            return "redirect:/taken/" + id + pageQuery(pagina, '?');
        } catch (RuntimeException e) {
            Problem problem = ProblemStatus.of(e);
            if (!problem.known()) {
                throw e;
            }
            RefusalNote.note(problem); // answered with a redirect, recorded all the same
            redirect.addFlashAttribute(
                    "flashError",
                    problem.status() == HttpStatus.CONFLICT
                            ? "task.error.claimedOrDone"
                            : problem.status() == HttpStatus.FORBIDDEN
                                    ? "task.error.forbidden"
                                    : "task.error.notFound");
        }
        return "redirect:/taken" + pageQuery(pagina, '?');
    }

    @GetMapping("/taken/{id}")
    public String task(
            @PathVariable String id,
            @RequestParam(name = "pagina", required = false) String pagina,
            @RequestParam(name = "afgerond", required = false) String next,
            Model model,
            RedirectAttributes redirect) {
        TaskView task;
        try {
            task = work.task(id);
        } catch (TaskCompletedException | NotFoundException e) {
            redirect.addFlashAttribute(
                    "flashError", e instanceof TaskCompletedException ? "task.error.completed" : "task.error.notFound");
            return "redirect:/taken" + pageQuery(pagina, '?');
        }
        model.addAttribute("page", Paging.pageNumber(pagina));
        model.addAttribute("task", task);
        model.addAttribute("systemName", systemName(String.valueOf(task.systemId())));
        boolean mine = CurrentUser.id().equals(task.assignee());
        boolean gate = Gate.ofTask(task.activityId()).isPresent();
        model.addAttribute("mine", mine);
        // One's own steps need no "Oppakken": completing claims them (TaskWork). A gate is still claimed first, so that
        // colleagues in the group see who is judging it.
        boolean mayWork = mine || (!gate && task.assignee() == null);
        model.addAttribute("mayWork", mayWork);
        model.addAttribute("draftSavedOn", mayWork && task.formId() != null ? drafts.savedOn(id) : null);
        model.addAttribute("draftAutosaveSeconds", mayWork && task.formId() != null ? drafts.autosaveSeconds() : 0);
        model.addAttribute("next", next);
        model.addAttribute("gate", gate);
        if (gate) {
            Optional<AssessmentVersion> version = reads.versionOfProcess(task.processInstanceId())
                    .flatMap(key -> reads.version(key.assessmentId(), key.number()));
            model.addAttribute("version", version.orElse(null));
            model.addAttribute("sections", version.map(versions::sections).orElse(List.of()));
        }
        return "task";
    }

    /** The task's current values, for the form viewer. */
    @GetMapping(value = "/taken/{id}/waarden", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Map<String, Object> values(@PathVariable String id) {
        return work.task(id).values();
    }

    /** A Camunda Form from the classpath (forms/), exactly as the engine deploys it. */
    @GetMapping(value = "/formulieren/{formId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<String> form(@PathVariable String formId) throws IOException {
        ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
        if (!formId.matches("[a-z0-9][a-z0-9-]{0,99}") || !resource.exists()) {
            return ResponseEntity.notFound().build();
        }
        try (InputStream in = resource.getInputStream()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Completes the task with the form's values; a refusal answers with a Dutch message and the field at fault. */
    @PostMapping(
            value = "/taken/{id}/afronden",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<Map<String, Object>> complete(
            @PathVariable String id,
            @RequestParam(name = "pagina", required = false) String pagina,
            @RequestBody(required = false) Map<String, Object> values) {
        try {
            String systemId = work.complete(id, values);
            // The next step for this user and system opens directly; without one, back to the list.
            return ResponseEntity.ok(Map.of(
                    "redirect",
                    nextTask.of(systemId)
                            .map(next -> "/taken/" + next + "?afgerond" + pageQuery(pagina, '&'))
                            .orElse("/taken?afgerond" + pageQuery(pagina, '&'))));
        } catch (RuntimeException e) {
            Problem problem = ProblemStatus.of(e);
            if (!problem.known()) {
                log.error("Completing task {} failed", id, e);
            } else if (problem.status() == HttpStatus.BAD_REQUEST && problem.field() == null) {
                log.info("Task {} refused: {}", id, problem.detail());
            }
            return refusals.answer(problem);
        }
    }

    private String systemName(String systemId) {
        return systems.find(systemId).map(SystemRecord::name).orElse(systemId);
    }
}
