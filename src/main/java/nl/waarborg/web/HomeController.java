package nl.waarborg.web;

import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.security.LoginOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login, and after it each role's own start page; administrators get an overview with the Camunda webapps. */
@Controller
public class HomeController {

    private final LoginOptions loginOptions;

    public HomeController(LoginOptions loginOptions) {
        this.loginOptions = loginOptions;
    }

    /** The login page: single sign-on, the password form, or both (ADR 0025). */
    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("singleSignOn", loginOptions.singleSignOn());
        model.addAttribute("singleSignOnPath", loginOptions.singleSignOnPath());
        model.addAttribute("localAccounts", loginOptions.localAccounts());
        return "login";
    }

    @GetMapping("/")
    public String home() {
        if (CurrentUser.isIn(Groups.ADMIN)) {
            return "home";
        }
        if (CurrentUser.isIn(Groups.PROJECT_LEAD)) {
            return "redirect:/systemen";
        }
        if (CurrentUser.isIn(Groups.PRIVACY_OFFICER)
                || CurrentUser.isIn(Groups.ETHICS_COMMITTEE)
                || CurrentUser.isIn(Groups.ALDERMAN)) {
            return "redirect:/taken";
        }
        if (CurrentUser.isIn(Groups.MANAGER)) {
            return "redirect:/toezicht";
        }
        return "home";
    }
}
