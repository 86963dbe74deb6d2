package nl.waarborg.web;

import java.util.List;
import java.util.function.Supplier;
import nl.waarborg.administration.Account;
import nl.waarborg.administration.AccountGroups;
import nl.waarborg.administration.AdministrationRefusal;
import nl.waarborg.administration.LoginAlerts;
import nl.waarborg.administration.UserAccounts;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Beheer: the administrator's pages over the same use cases as /api/admin (ADR 0019). A refusal of a change comes back
 * as a Dutch message ({@code admin.error.<code>}); anyone but an administrator gets the 403 page.
 */
@Controller
public class AdministrationPages {

    static final int PAGE = 50;

    private final UserAccounts users;
    private final AccountGroups groups;
    private final LoginAlerts alerts;

    public AdministrationPages(UserAccounts users, AccountGroups groups, LoginAlerts alerts) {
        this.users = users;
        this.groups = groups;
        this.alerts = alerts;
    }

    @GetMapping("/beheer")
    public String overview(@RequestParam(defaultValue = "0") int offset, Model model) {
        model.addAttribute("page", users.list(PAGE, Math.max(0, offset)));
        model.addAttribute("alerts", alerts.current());
        model.addAttribute("lockedAddresses", alerts.lockedAddresses());
        model.addAttribute("groups", groups.groups());
        return "admin";
    }

    @GetMapping("/beheer/gebruikers/nieuw")
    public String newUser(Model model) {
        UserAccounts.requireAdministrator();
        model.addAttribute("form", new Account.New(null, null, null, null, null, List.of(), null));
        model.addAttribute("allGroups", UserAccounts.groupsWithoutPower());
        return "admin-user-new";
    }

    @PostMapping("/beheer/gebruikers/nieuw")
    public String create(
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            @RequestParam(name = "groups", required = false) List<String> chosen,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        Account.New form = new Account.New(
                trim(id), firstName, lastName, email, password, chosen == null ? List.of() : chosen, reason);
        try {
            users.create(form);
        } catch (AdministrationRefusal refusal) {
            model.addAttribute("form", new Account.New(id, firstName, lastName, email, null, form.groups(), reason));
            model.addAttribute("allGroups", UserAccounts.groupsWithoutPower());
            model.addAttribute("error", "admin.error." + refusal.code());
            model.addAttribute("errorField", refusal.field());
            return "admin-user-new";
        }
        redirect.addFlashAttribute("flash", "admin.done.created");
        return "redirect:/beheer/gebruikers/" + form.id();
    }

    @GetMapping("/beheer/gebruikers/{id}")
    public String user(@PathVariable String id, Model model) {
        Account account = users.get(id);
        model.addAttribute("account", account);
        // Whoever set the password gives no group with power (ADR 0058): the page offers only what they may give.
        boolean passwordSetter = CurrentUser.id() != null && CurrentUser.id().equals(account.passwordSetBy());
        model.addAttribute("passwordSetter", passwordSetter);
        model.addAttribute(
                "addable",
                (passwordSetter ? UserAccounts.groupsWithoutPower() : Groups.ALL)
                        .stream().filter(g -> !account.groups().contains(g)).toList());
        return "admin-user";
    }

    @PostMapping("/beheer/gebruikers/{id}/profiel")
    public String profile(
            @PathVariable String id,
            @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                "admin.done.profile",
                redirect,
                () -> users.changeProfile(id, new Account.ProfileChange(firstName, lastName, email, reason)));
    }

    @PostMapping("/beheer/gebruikers/{id}/wachtwoord")
    public String password(
            @PathVariable String id,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                "admin.done.password",
                redirect,
                () -> users.resetPassword(id, new Account.PasswordReset(password, reason)));
    }

    @PostMapping("/beheer/gebruikers/{id}/deactiveren")
    public String deactivate(
            @PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, "admin.done.deactivated", redirect, () -> users.deactivate(id, new Account.Reason(reason)));
    }

    @PostMapping("/beheer/gebruikers/{id}/verwijderen")
    public String delete(
            @PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            users.delete(id, reason);
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("flashError", "admin.error." + refusal.code());
            return "redirect:/beheer/gebruikers/" + id;
        }
        redirect.addFlashAttribute("flash", "admin.done.deleted");
        return "redirect:/beheer";
    }

    @PostMapping("/beheer/gebruikers/{id}/groepen")
    public String addToGroup(
            @PathVariable String id,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, "admin.done.groupAdded", redirect, () -> groups.add(id, group, new Account.Reason(reason)));
    }

    @PostMapping("/beheer/gebruikers/{id}/groepen/{group}/verwijderen")
    public String removeFromGroup(
            @PathVariable String id,
            @PathVariable String group,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, "admin.done.groupRemoved", redirect, () -> {
            groups.remove(id, group, reason);
            return null;
        });
    }

    /** Unlocks an account named in the notice (which need not be an existing user) and returns to the overview. */
    @PostMapping("/beheer/ontgrendelen")
    public String unlock(
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return toOverview("admin.done.unlocked", redirect, () -> alerts.unlock(account, new Account.Reason(reason)));
    }

    /** Lifts the lock of a client address named in the notice and returns to the overview. */
    @PostMapping("/beheer/adressen/ontgrendelen")
    public String unlockAddress(
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return toOverview("admin.done.addressUnlocked", redirect, () -> {
            alerts.unlockAddress(address, new Account.Reason(reason));
            return null;
        });
    }

    private static String toOverview(String done, RedirectAttributes redirect, Supplier<?> change) {
        return change("redirect:/beheer", done, redirect, change);
    }

    private static String act(String id, String done, RedirectAttributes redirect, Supplier<?> change) {
        return change("redirect:/beheer/gebruikers/" + id, done, redirect, change);
    }

    /** Makes the change and goes to {@code then} with its Dutch outcome: done, or the refusal's message. */
    private static String change(String then, String done, RedirectAttributes redirect, Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("flash", done);
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("flashError", "admin.error." + refusal.code());
        }
        return then;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
