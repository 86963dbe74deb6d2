package nl.waarborg.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarborg.assessment.Assessment;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentVersion;
import nl.waarborg.assessment.GoLiveDuties;
import nl.waarborg.assessment.RoundReasons;
import nl.waarborg.assessment.TriageDecisions;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.TextInput;
import nl.waarborg.system.SystemAccess;
import nl.waarborg.system.SystemFilter;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.system.SystemTeam;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import nl.waarborg.workflow.IncidentRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Systems: the overview (a project lead's own, or all for the reviewing and oversight roles), registering one, starting
 * its cycle, its team, and where it stands.
 */
@Controller
public class SystemPages {

    private static final Logger log = LoggerFactory.getLogger(SystemPages.class);

    /** Systems on a page of "Mijn systemen". */
    static final int PAGE = 100;

    private final SystemRegistry systems;
    private final CycleService cycles;
    private final AssessmentService assessments;
    private final TriageRecords triageService;
    private final TriageDecisions triageDecisions;
    private final AssessmentReads reads;
    private final AuditTrail audit;
    private final SystemTeam team;
    private final SystemReads readable;

    private final IncidentRecords incidents;
    private final RoundReasons roundReasons;

    public SystemPages(
            SystemRegistry systems,
            CycleService cycles,
            AssessmentService assessments,
            TriageRecords triageService,
            TriageDecisions triageDecisions,
            AssessmentReads reads,
            AuditTrail audit,
            SystemTeam team,
            SystemReads readable,
            IncidentRecords incidents,
            RoundReasons roundReasons) {
        this.readable = readable;
        this.roundReasons = roundReasons;
        this.incidents = incidents;
        this.team = team;
        this.systems = systems;
        this.cycles = cycles;
        this.assessments = assessments;
        this.triageService = triageService;
        this.triageDecisions = triageDecisions;
        this.reads = reads;
        this.audit = audit;
    }

    /** The registration form; bound again on a refusal so that what the user typed stays. */
    public static class NewSystemForm {
        @NotBlank(message = "{system.name.required}")
        @Size(max = 200, message = "{system.name.tooLong}")
        private String name;

        @Size(max = 4000, message = "{system.description.tooLong}")
        private String description;

        @NotBlank(message = "{system.department.required}")
        @Size(max = 200, message = "{system.department.tooLong}")
        private String department;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getDepartment() {
            return department;
        }

        public void setDepartment(String department) {
            this.department = department;
        }
    }

    /** A row of "Mijn systemen": the system and the steps its cycle waits on. */
    public record SystemRow(SystemRecord system, List<OpenStep> steps, boolean useSuspended) {}

    public record AssessmentHistory(Assessment assessment, List<AssessmentVersion> versions) {}

    /**
     * "Mijn systemen" (a project lead: those they own or co-author) or "Systemen" (a reader of every system, see
     * {@link SystemAccess#READ_ALL}), by name, {@link #PAGE} at a time, with search and filters. Five queries whatever
     * the page holds (count, page, open tasks of the page, their groups, suspensions).
     */
    @GetMapping("/systemen")
    public String list(
            @RequestParam(name = "pagina", defaultValue = "1") String pagina,
            @ModelAttribute("filter") SystemListFilter filter,
            Model model) {
        if (!SystemAccess.mayReadAll()) {
            CurrentUser.requireAnyOf(Groups.PROJECT_LEAD);
        }
        SystemFilter scope = filter.toFilter(SystemAccess.listScope());
        Paging.Shown<SystemRecord> shown = Paging.show(
                pagina,
                PAGE,
                (limit, offset) -> new Paging.Found<>(systems.page(scope, limit, offset), systems.count(scope)));
        List<String> ids = shown.rows().stream().map(SystemRecord::id).toList();
        Map<String, List<OpenStep>> steps = cycles.openSteps(ids);
        Set<String> suspended = incidents.suspendedAmong(ids);
        model.addAttribute(
                "rows",
                shown.rows().stream()
                        .map(s -> new SystemRow(s, steps.getOrDefault(s.id(), List.of()), suspended.contains(s.id())))
                        .toList());
        model.addAttribute("paging", shown.paging());
        model.addAttribute("pageBase", filter.pageBase());
        model.addAttribute("overview", scope.member() == null);
        model.addAttribute("mayRegister", CurrentUser.isIn(Groups.PROJECT_LEAD) || CurrentUser.isIn(Groups.ADMIN));
        model.addAttribute("departments", departments());
        return "systems";
    }

    @GetMapping("/systemen/nieuw")
    public String newSystem(Model model) {
        CurrentUser.requireAnyOf(Groups.PROJECT_LEAD, Groups.ADMIN);
        model.addAttribute("form", new NewSystemForm());
        model.addAttribute("departments", departments());
        return "system-new";
    }

    @PostMapping("/systemen/nieuw")
    public String register(
            @Valid @ModelAttribute("form") NewSystemForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser.requireAnyOf(Groups.PROJECT_LEAD, Groups.ADMIN);
        if (errors.hasErrors()) {
            model.addAttribute("departments", departments());
            return "system-new";
        }
        SystemRecord created;
        try {
            created = systems.register(
                    form.getName().trim(),
                    blankToNull(form.getDescription()),
                    form.getDepartment().trim(),
                    CurrentUser.id());
        } catch (TextInput.RefusedException e) {
            // The registry's rule (one line, no control characters, no web address), in Dutch at the field.
            errors.rejectValue(
                    e.field(), e instanceof TextInput.WebAddressException ? "system.noWebAddress" : "system.oneLine");
            model.addAttribute("departments", departments());
            return "system-new";
        }
        audit.record(
                AuditAction.SYSTEM_REGISTERED,
                CurrentUser.id(),
                created.id(),
                Map.of("name", created.name(), "department", created.department()));
        redirect.addFlashAttribute("flash", "system.registered");
        return "redirect:/systemen/" + created.id();
    }

    @GetMapping("/systemen/{id}")
    public String system(@PathVariable String id, Model model) {
        SystemRecord system = readable.require(id);
        List<AssessmentHistory> histories = new ArrayList<>();
        for (Assessment a : reads.assessmentsOf(id)) {
            histories.add(new AssessmentHistory(a, reads.versions(a.id())));
        }
        model.addAttribute("system", system);
        model.addAttribute("steps", cycles.openSteps(id));
        model.addAttribute("running", cycles.runningCycle(id).isPresent());
        Optional<Integer> triageRound = latestTriageRound(id, histories);
        Optional<Map<String, Object>> triageOutcome = triageRound.flatMap(r -> outcomeOf(id, r));
        model.addAttribute("triage", triageOutcome.orElse(null));
        model.addAttribute("preScan", triageOutcome.map(PreScanResult::of).orElse(null));
        // The EU-database registration page (publication module) exists when the round's go-live checks ask for it.
        model.addAttribute(
                "euRegistration",
                outcomeOf(id, triageService.lastRound(id))
                        .map(o -> GoLiveDuties.required(o).contains(GoLiveDuties.EU_DATABASE))
                        .orElse(false));
        model.addAttribute(
                "triageDecisions",
                triageRound.map(r -> triageDecisions.entries(id, r)).orElse(List.of()));
        model.addAttribute("assessments", histories);
        model.addAttribute("mayStart", SystemAccess.mayChange(system) && system.phase() != SystemRecord.Phase.RETIRED);
        model.addAttribute("team", team.team(id));
        model.addAttribute("teamCandidates", SystemAccess.mayChange(system) ? team.candidates(id) : List.of());
        model.addAttribute("incidents", incidents.of(id));
        model.addAttribute("useSuspended", incidents.useSuspended(id));
        model.addAttribute("mayReportIncident", SystemAccess.mayReportIncident(system));
        model.addAttribute("roundReasons", roundReasons.of(id));
        return "system";
    }

    @PostMapping("/systemen/{id}/cyclus")
    public String startCycle(@PathVariable String id, RedirectAttributes redirect) {
        SystemRecord system = systems.get(id);
        if (!SystemAccess.mayChange(system)) {
            throw new AccessDeniedException("Only the owner of system " + id + " may start its cycle.");
        }
        try {
            if (cycles.startCycle(id, CurrentUser.id()).isPresent()) {
                redirect.addFlashAttribute("flash", "cycle.started");
            } else {
                redirect.addFlashAttribute("flashError", "cycle.alreadyRunning");
            }
        } catch (CycleService.SystemRetiredException retired) {
            redirect.addFlashAttribute("flashError", "cycle.retired");
        } catch (RuntimeException e) {
            log.warn("Starting the cycle of system {} failed: {}", id, e.getMessage());
            redirect.addFlashAttribute("flashError", "cycle.startFailed");
        }
        return "redirect:/systemen/" + id;
    }

    /** Evaluate phase: a trigger (incident, change, complaint, monitoring, periodic review) starts a new round. */
    @PostMapping("/systemen/{id}/signaal")
    public String trigger(
            @PathVariable String id,
            @RequestParam String type,
            @RequestParam(required = false) String description,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SystemRecord system = systems.get(id);
        if (!SystemAccess.mayChange(system)) {
            throw new AccessDeniedException("Only the owner of system " + id + " may send a trigger.");
        }
        if (description == null || description.isBlank()) {
            // 400 with the page again, the chosen type kept and the missing explanation named at its field.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("triggerError", "trigger.descriptionRequired");
            model.addAttribute("triggerType", type);
            return system(id, model);
        }
        if (!List.of("INCIDENT", "MATERIAL_CHANGE", "COMPLAINT", "MONITORING", "PERIODIC")
                .contains(type)) {
            redirect.addFlashAttribute("flashError", "trigger.invalidType");
        } else if (description != null && description.length() > 4000) {
            redirect.addFlashAttribute("flashError", "trigger.tooLong");
        } else if (cycles.trigger(id, type, description, CurrentUser.id())) {
            redirect.addFlashAttribute("flash", "trigger.sent");
        } else {
            redirect.addFlashAttribute("flashError", "trigger.notInEvaluate");
        }
        return "redirect:/systemen/" + id;
    }

    /**
     * Evaluate phase: take the system out of use, which ends its cycle and cannot be undone. Two steps: the reason
     * (required) first shows a confirmation page; only the confirmed form ({@code bevestigd=ja}) retires.
     */
    @PostMapping("/systemen/{id}/buiten-gebruik")
    public String retire(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String bevestigd,
            Model model,
            RedirectAttributes redirect) {
        SystemRecord system = systems.get(id);
        if (!SystemAccess.mayChange(system)) {
            throw new AccessDeniedException("Only the owner of system " + id + " may retire it.");
        }
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("flashError", "retire.reasonRequired");
        } else if (reason.length() > 4000) {
            redirect.addFlashAttribute("flashError", "trigger.tooLong");
        } else if (!"ja".equals(bevestigd)) {
            model.addAttribute("system", system);
            model.addAttribute("reason", reason.strip());
            return "system-retire";
        } else if (cycles.retire(id, reason, CurrentUser.id())) {
            redirect.addFlashAttribute("flash", "retire.done");
        } else {
            redirect.addFlashAttribute("flashError", "trigger.notInEvaluate");
        }
        return "redirect:/systemen/" + id;
    }

    /** The latest round with a triage outcome: from the round of the newest version down to the first. */
    private Optional<Integer> latestTriageRound(String systemId, List<AssessmentHistory> histories) {
        int round = histories.stream()
                .flatMap(h -> h.versions().stream())
                .mapToInt(AssessmentVersion::cycleRound)
                .max()
                .orElse(1);
        for (int r = round; r >= 1; r--) {
            if (outcomeOf(systemId, r).isPresent()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> outcomeOf(String systemId, int round) {
        return triageService
                .triageOf(systemId, round)
                .map(t -> t.get("outcome"))
                .filter(o -> o instanceof Map<?, ?> m && !m.isEmpty())
                .map(o -> (Map<String, Object>) o);
    }

    private List<String> departments() {
        return systems.departments();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
