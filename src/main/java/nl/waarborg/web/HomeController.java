package nl.waarborg.web;

import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Login, and after it each role's own start page; administrators get an overview with the Camunda webapps. */
@Controller
public class HomeController {

    @GetMapping("/login")
    public String login() {
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
