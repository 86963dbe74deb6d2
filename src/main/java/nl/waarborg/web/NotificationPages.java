package nl.waarborg.web;

import nl.waarborg.notification.MailOutbox;
import nl.waarborg.notification.MailSettings;
import nl.waarborg.notification.MySettings;
import nl.waarborg.notification.NotificationSettings;
import nl.waarborg.settings.RuntimeSettings;
import nl.waarborg.settings.Setting;
import nl.waarborg.shared.WaarborgException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mijn instellingen" (every user: which e-mails, the digest, the language of the mails) and "E-mail" under Beheer (the
 * outbox for the functional administrator, with a retry of a failed mail), over the same use cases as the API.
 */
@Controller
public class NotificationPages {

    static final String SETTINGS = "/instellingen";
    static final String OUTBOX = "/beheer/mail";
    private static final int ROWS = 100;

    private final MySettings settings;
    private final MailOutbox outbox;
    private final MailSettings mail;
    private final RuntimeSettings runtime;

    public NotificationPages(MySettings settings, MailOutbox outbox, MailSettings mail, RuntimeSettings runtime) {
        this.settings = settings;
        this.outbox = outbox;
        this.mail = mail;
        this.runtime = runtime;
    }

    @GetMapping(SETTINGS)
    public String settings(Model model) {
        model.addAttribute("settings", settings.get());
        model.addAttribute("digestMinutes", mail.digestInterval().toMinutes());
        model.addAttribute("deadlineDays", runtime.workingDays(Setting.DEADLINE_REMINDER_WORKING_DAYS));
        return "settings";
    }

    @PostMapping(SETTINGS)
    public String saveSettings(
            @RequestParam(defaultValue = "nl") String language,
            @RequestParam(defaultValue = "false") boolean newGroupTask,
            @RequestParam(defaultValue = "false") boolean digest,
            @RequestParam(defaultValue = "false") boolean taskAssigned,
            @RequestParam(defaultValue = "false") boolean deadlineApproaching,
            @RequestParam(defaultValue = "false") boolean deadlinePassed,
            @RequestParam(defaultValue = "false") boolean decision,
            @RequestParam(defaultValue = "false") boolean sendBack,
            RedirectAttributes redirect) {
        try {
            settings.change(new NotificationSettings(
                    language,
                    newGroupTask,
                    digest,
                    taskAssigned,
                    deadlineApproaching,
                    deadlinePassed,
                    decision,
                    sendBack));
            redirect.addFlashAttribute("flash", "settings.saved");
        } catch (WaarborgException refused) {
            redirect.addFlashAttribute("flashError", "settings.error");
        }
        return "redirect:" + SETTINGS;
    }

    @GetMapping(OUTBOX)
    public String outbox(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int offset, Model model) {
        String state = status == null || !MailOutbox.STATES.contains(status) ? null : status;
        model.addAttribute("enabled", outbox.enabled());
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("page", outbox.page(state, ROWS, Math.max(0, offset)));
        model.addAttribute("status", state);
        model.addAttribute("states", MailOutbox.STATES);
        return "admin-mail";
    }

    @PostMapping(OUTBOX + "/{id}/opnieuw")
    public String retry(@PathVariable String id, RedirectAttributes redirect) {
        outbox.retry(id);
        redirect.addFlashAttribute("flash", "mail.retried");
        return "redirect:" + OUTBOX;
    }
}
