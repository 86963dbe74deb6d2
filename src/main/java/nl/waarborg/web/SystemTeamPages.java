package nl.waarborg.web;

import nl.waarborg.system.SystemTeam;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team section of the system page: the owner (or an administrator) names and removes co-authors. A refusal of
 * who may change the team is a 403 page; a wrong choice of person comes back as a Dutch message on the system page.
 */
@Controller
public class SystemTeamPages {

    private final SystemTeam team;

    public SystemTeamPages(SystemTeam team) {
        this.team = team;
    }

    @PostMapping("/systemen/{id}/team")
    public String add(
            @PathVariable String id,
            @RequestParam(name = "gebruiker", required = false) String userId,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "flash",
                    team.addCoAuthor(id, userId == null ? null : userId.trim()) ? "team.added" : "team.alreadyMember");
        } catch (SystemTeam.RefusedException e) {
            redirect.addFlashAttribute("flashError", "team.error." + e.reason());
        }
        return "redirect:/systemen/" + id;
    }

    @PostMapping("/systemen/{id}/team/{userId}/verwijderen")
    public String remove(@PathVariable String id, @PathVariable String userId, RedirectAttributes redirect) {
        try {
            team.removeCoAuthor(id, userId);
            redirect.addFlashAttribute("flash", "team.removed");
        } catch (SystemTeam.RefusedException e) {
            redirect.addFlashAttribute("flashError", "team.error." + e.reason());
        }
        return "redirect:/systemen/" + id;
    }
}
