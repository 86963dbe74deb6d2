package nl.waarborg.web;

import nl.waarborg.administration.AdministrationRefusal;
import nl.waarborg.administration.OwnPassword;
import nl.waarborg.shared.TooManyRequestsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Wachtwoord wijzigen": a user of a local account chooses their own password; the only page open while a password an
 * administrator set waits to be replaced (ADR 0058). Over {@link OwnPassword}, like POST /api/me/password.
 */
@Controller
public class PasswordPages {

    private final OwnPassword password;

    public PasswordPages(OwnPassword password) {
        this.password = password;
    }

    @GetMapping("/wachtwoord")
    public String form(Model model) {
        model.addAttribute("required", password.required());
        return "password";
    }

    @PostMapping("/wachtwoord")
    public String change(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String repeatPassword,
            Model model,
            RedirectAttributes redirect) {
        String error = null;
        String field = null;
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            error = "password.error.REPEAT";
            field = "repeatPassword";
        } else {
            try {
                password.change(new OwnPassword.Change(currentPassword, newPassword));
            } catch (AdministrationRefusal refusal) {
                error = "password.error." + refusal.code();
                field = "password".equals(refusal.field()) ? "newPassword" : refusal.field();
            } catch (TooManyRequestsException tooMany) {
                error = "password.error.TOO_MANY";
            }
        }
        if (error != null) {
            model.addAttribute("required", password.required());
            model.addAttribute("error", error);
            model.addAttribute("errorField", field);
            return "password";
        }
        redirect.addFlashAttribute("flash", "password.done");
        return "redirect:/";
    }
}
