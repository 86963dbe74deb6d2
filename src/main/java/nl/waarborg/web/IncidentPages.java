package nl.waarborg.web;

import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.system.SystemAccess;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.IncidentService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Incident melden" on a system's page (ADR 0033): the owner or the privacy officer starts the incident process. */
@Controller
public class IncidentPages {

    private final SystemRegistry systems;
    private final IncidentService incidents;

    public IncidentPages(SystemRegistry systems, IncidentService incidents) {
        this.systems = systems;
        this.incidents = incidents;
    }

    @PostMapping("/systemen/{id}/incident")
    public String report(
            @PathVariable String id,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String awareSince,
            RedirectAttributes redirect) {
        SystemRecord system = systems.get(id);
        if (!SystemAccess.mayReportIncident(system)) {
            throw new AccessDeniedException(
                    "Only the owner of system " + id + " or the privacy officer may report an incident.");
        }
        if (description == null || description.isBlank() || description.length() > 4000) {
            redirect.addFlashAttribute("flashError", "incident.descriptionRequired");
        } else {
            try {
                incidents.report(id, description.trim(), awareSince, CurrentUser.id());
                redirect.addFlashAttribute("flash", "incident.reported");
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("flashError", "incident.awareSinceInvalid");
            }
        }
        return "redirect:/systemen/" + id;
    }
}
