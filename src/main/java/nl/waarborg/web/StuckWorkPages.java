package nl.waarborg.web;

import java.time.LocalDate;
import nl.waarborg.administration.AdministrationRefusal;
import nl.waarborg.administration.StuckWorkQueries;
import nl.waarborg.administration.StuckWorkService;
import nl.waarborg.shared.DutchDates;
import nl.waarborg.workflow.CycleCancellation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Vastgelopen werk" for the functional administrator: the open tasks that wait longest, the running cycles and the
 * failed jobs, with a form per action (each with a reason). The rules and the audit are StuckWorkService's; a refusal
 * comes back as a Dutch message on the page ("admin.error.{code}", "work.error.{reason}" for a refused cancellation), someone outside group admin gets the 403 page.
 */
@Controller
public class StuckWorkPages {

    static final String PAGE = "/beheer/werk";
    private static final int ROWS = 100;

    private final StuckWorkService work;
    private final StuckWorkQueries queries;

    public StuckWorkPages(StuckWorkService work, StuckWorkQueries queries) {
        this.work = work;
        this.queries = queries;
    }

    @GetMapping(PAGE)
    public String page(Model model) {
        StuckWorkService.requireAdmin();
        model.addAttribute("tasks", queries.openTasks(ROWS, 0));
        model.addAttribute("cycles", queries.runningCycles(ROWS, 0));
        model.addAttribute("jobs", queries.failedJobs(ROWS, 0));
        return "admin-work";
    }

    @PostMapping(PAGE + "/toewijzen")
    public String reassign(
            @RequestParam(name = "taak", required = false) String taskId,
            @RequestParam(name = "behandelaar", required = false) String assignee,
            @RequestParam(name = "reden", required = false) String reason,
            RedirectAttributes redirect) {
        return act(redirect, "work.done.reassigned", () -> work.reassign(taskId, assignee, reason));
    }

    @PostMapping(PAGE + "/termijn")
    public String correctDueDate(
            @RequestParam(name = "taak", required = false) String taskId,
            @RequestParam(name = "termijn", required = false) String dueDate,
            @RequestParam(name = "reden", required = false) String reason,
            RedirectAttributes redirect) {
        return act(redirect, "work.done.dueDate", () -> work.correctDueDate(taskId, date(dueDate), reason));
    }

    @PostMapping(PAGE + "/annuleren")
    public String cancelCycle(
            @RequestParam(name = "systeem", required = false) String systemId,
            @RequestParam(name = "reden", required = false) String reason,
            RedirectAttributes redirect) {
        return act(redirect, "work.done.cancelled", () -> work.cancelCycle(systemId, reason));
    }

    @PostMapping(PAGE + "/buiten-gebruik")
    public String retire(
            @RequestParam(name = "systeem", required = false) String systemId,
            @RequestParam(name = "reden", required = false) String reason,
            RedirectAttributes redirect) {
        return act(redirect, "work.done.retired", () -> work.retire(systemId, reason));
    }

    @PostMapping(PAGE + "/opnieuw")
    public String retry(
            @RequestParam(name = "job", required = false) String jobId,
            @RequestParam(name = "reden", required = false) String reason,
            RedirectAttributes redirect) {
        return act(redirect, "work.done.retried", () -> work.retryJob(jobId, reason));
    }

    /** Runs the action; its own refusals become a Dutch message on the page, anything else the error page. */
    private static String act(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (AdministrationRefusal e) {
            redirect.addFlashAttribute("flashError", "admin.error." + e.code());
        } catch (CycleCancellation.RefusedException e) {
            redirect.addFlashAttribute("flashError", "work.error." + e.reason());
        }
        return "redirect:" + PAGE;
    }

    /** The date of the form's date field (dd-mm-jjjj, or ISO); unreadable counts as missing. */
    private static LocalDate date(String value) {
        return DutchDates.parseDay(value).orElse(null);
    }
}
