package nl.waarborg.web;

import nl.waarborg.administration.AdministrationRefusal;
import nl.waarborg.administration.FunctionalSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Beheer → Instellingen: the run-time settings over the same use case as /api/admin/settings (ADR 0027), one form per
 * setting with a reason. A refusal comes back as a Dutch message ({@code admin.error.<code>}) next to that setting.
 */
@Controller
public class SettingsPages {

    static final String PAGE = "/beheer/instellingen";

    private final FunctionalSettings settings;

    public SettingsPages(FunctionalSettings settings) {
        this.settings = settings;
    }

    @GetMapping(PAGE)
    public String page(Model model) {
        model.addAttribute("settings", settings.list());
        return "admin-settings";
    }

    @PostMapping(PAGE + "/{name}")
    public String change(
            @PathVariable String name,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            settings.change(name, new FunctionalSettings.Change(value, reason));
            redirect.addFlashAttribute("flash", "settings.done");
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("flashError", "admin.error." + refusal.code());
            redirect.addFlashAttribute("errorSetting", name);
        }
        return "redirect:" + PAGE + "#" + name;
    }
}
