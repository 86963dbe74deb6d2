package nl.waarborg.web;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.shared.DutchDates;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.ProblemStatus.Problem;
import nl.waarborg.task.TaskDrafts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Concept opslaan" on the task page (ADR 0045): the form's script saves the user's draft and reads it back when the
 * page opens again, and saves a changed form by itself every {@code waarborg.drafts.autosave-seconds}; the page says when
 * it was saved and offers "Concept verwijderen". The rules are {@link TaskDrafts}'; a refusal answers in Dutch as a refused completion does.
 */
@Controller
class TaskDraftPages {

    private static final Logger log = LoggerFactory.getLogger(TaskDraftPages.class);

    private final TaskDrafts drafts;
    private final TaskRefusals refusals;
    private final MessageSource messages;
    /** From {@code waarborg.drafts.autosave-seconds}; a test shortens it. */
    private int autosaveSeconds;

    TaskDraftPages(
            TaskDrafts drafts,
            TaskRefusals refusals,
            MessageSource messages,
            @Value("${waarborg.drafts.autosave-seconds:30}") int autosaveSeconds) {
        this.drafts = drafts;
        this.refusals = refusals;
        this.messages = messages;
        this.autosaveSeconds = Math.max(0, autosaveSeconds);
    }

    /**
     * How often the page saves a changed form as a draft by itself (0: never), so that a half-written answer survives a
     * closed tab, a crash or an ended session.
     */
    int autosaveSeconds() {
        return autosaveSeconds;
    }

    /** For a test in the shared application context (a context of its own would start a second engine). */
    void autosaveSeconds(int seconds) {
        autosaveSeconds = Math.max(0, seconds);
    }

    @PostMapping(
            value = "/taken/{id}/concept",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> save(
            @PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        try {
            TaskDrafts.Draft draft = drafts.save(id, values);
            // savedOn: the page's line "Concept opgeslagen op …" above "Concept verwijderen", shown from now on.
            return ResponseEntity.ok(
                    Map.of("message", text("task.draft.saved", draft), "savedOn", text("task.draft.savedOn", draft)));
        } catch (RuntimeException e) {
            return refused(id, e);
        }
    }

    /** The user's draft with a note that says from when; 204 when there is none. */
    @GetMapping(value = "/taken/{id}/concept", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> read(@PathVariable String id) {
        try {
            return drafts.read(id)
                    .map(draft -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("values", draft.values());
                        body.put("message", text("task.draft.restored", draft));
                        return ResponseEntity.ok(body);
                    })
                    .orElseGet(() -> ResponseEntity.noContent().build());
        } catch (RuntimeException e) {
            return refused(id, e);
        }
    }

    /**
     * "Concept verwijderen": throws the user's own draft away and opens the task again, its form as the engine holds
     * it, with a note that says so. Discarding what is already gone says the same; a refusal goes back to "Mijn taken"
     * with the reason, as a refused claim does.
     */
    @PostMapping("/taken/{id}/concept/verwijderen")
    String discard(
            @PathVariable String id,
            @RequestParam(name = "pagina", required = false) String pagina,
            RedirectAttributes redirect) {
        String page = TaskPages.pageQuery(pagina, '?');
        try {
            drafts.discard(id);
            redirect.addFlashAttribute("flash", "task.draft.discarded");
            return "redirect:/taken/" + id + page;
        } catch (RuntimeException e) {
            Problem problem = ProblemStatus.of(e);
            if (!problem.known()) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", refusals.noted(problem));
            return "redirect:/taken" + page;
        }
    }

    /** "Concept opgeslagen op …" for the task page when the user may work the task and saved a draft of it, else null. */
    String savedOn(String taskId) {
        try {
            return drafts.read(taskId).map(d -> text("task.draft.savedOn", d)).orElse(null);
        } catch (RuntimeException e) {
            if (!ProblemStatus.of(e).known()) {
                throw e;
            }
            return null; // e.g. a manager, who reads the task but does not work it: no draft of theirs to show
        }
    }

    private String text(String key, TaskDrafts.Draft draft) {
        return messages.getMessage(
                key, new Object[] {DutchDates.dateTime(draft.savedAt())}, LocaleContextHolder.getLocale());
    }

    private ResponseEntity<Map<String, Object>> refused(String id, RuntimeException e) {
        Problem problem = ProblemStatus.of(e);
        if (!problem.known()) {
            log.error("The draft of task {} failed", id, e);
        }
        return refusals.answer(problem);
    }
}
