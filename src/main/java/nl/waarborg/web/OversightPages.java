package nl.waarborg.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarborg.assessment.Gate;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.identity.Groups;
import nl.waarborg.oversight.OversightService;
import nl.waarborg.oversight.OversightService.BlockedItem;
import nl.waarborg.oversight.OversightService.GateChoice;
import nl.waarborg.oversight.OversightService.GateStatistics;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Managers: "Wacht op goedkeuring", the approvals (gates) apart from the work waiting on the project lead (go-live
 * checks, the DPA consultation, incident steps), with filters, figures per step and assessment and a CSV export.
 */
@Controller
public class OversightPages {

    private final OversightService oversight;
    private final AuditTrail audit;
    private final SystemRegistry systems;
    private final WebLabels ui;

    static final int PAGE = 200;

    public OversightPages(OversightService oversight, SystemRegistry systems, WebLabels ui, AuditTrail audit) {
        this.audit = audit;
        this.oversight = oversight;
        this.systems = systems;
        this.ui = ui;
    }

    @GetMapping("/toezicht")
    public String blocked(
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String gate,
            @RequestParam(name = "pagina", defaultValue = "1") String pagina,
            Model model) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        // A screen of the longest waiting at a time; the counts per gate and the CSV cover everything.
        Paging.Shown<BlockedItem> shown = Paging.show(
                pagina,
                PAGE,
                (limit, offset) -> new Paging.Found<>(
                        oversight.blocked(department, gate, limit, offset), oversight.countBlocked(department, gate)));
        // Every choice names its assessment or its check: the gates per assessment first, then whatever waits now.
        Set<GateChoice> gates = new LinkedHashSet<>(GATES_PER_ASSESSMENT);
        gates.addAll(oversight.gatesInUse());
        model.addAttribute(
                "approvals",
                shown.rows().stream().filter(OversightPages::isApproval).toList());
        model.addAttribute(
                "leadWork", shown.rows().stream().filter(i -> !isApproval(i)).toList());
        model.addAttribute("items", shown.rows());
        model.addAttribute("paging", shown.paging());
        model.addAttribute(
                "pageBase",
                UriComponentsBuilder.fromPath("/toezicht")
                        .queryParamIfPresent(
                                "department", Optional.ofNullable(department).filter(d -> !d.isBlank()))
                        .queryParamIfPresent("gate", Optional.ofNullable(gate).filter(g -> !g.isBlank()))
                        .build()
                        .toUriString());
        List<GateStatistics> statistics = oversight.statistics(department, gate);
        model.addAttribute("statistics", statistics);
        model.addAttribute(
                "approvalStatistics",
                statistics.stream().filter(g -> isApproval(g.gate())).toList());
        model.addAttribute(
                "leadStatistics",
                statistics.stream().filter(g -> !isApproval(g.gate())).toList());
        model.addAttribute("escalations", escalations());
        model.addAttribute("departments", systems.departments());
        model.addAttribute("gates", gates);
        model.addAttribute("department", department);
        model.addAttribute("gate", gate);
        return "oversight";
    }

    @GetMapping("/toezicht/export.csv")
    public ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String department, @RequestParam(required = false) String gate) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "systeem",
                "systeem-id",
                "afdeling",
                "beoordeling",
                "stap",
                "groep",
                "wacht sinds",
                "uiterlijk",
                "te laat",
                "soort"));
        for (BlockedItem i : oversight.blocked(department, gate)) {
            rows.add(List.of(
                    nullToEmpty(i.systemName()),
                    i.systemId(),
                    nullToEmpty(i.department()),
                    nullToEmpty(i.assessmentType()),
                    ui.gate(i.gate(), i.assessmentType()),
                    ui.group(i.candidateGroup()),
                    ui.dateTime(i.waitingSince()),
                    ui.dateTime(i.dueAt()),
                    i.overdue() ? "ja" : "nee",
                    isApproval(i) ? "goedkeuring" : "werk projectleider"));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("wacht-op-goedkeuring.csv")
                                .build()
                                .toString())
                .body(Csv.write(rows).getBytes(StandardCharsets.UTF_8));
    }

    /** A gate over its service level, as reported by the models' escalation (gateSla.escalate). */
    public record Escalation(String systemId, String systemName, String gate, java.time.Instant at) {}

    private List<Escalation> escalations() {
        List<AuditTrail.AuditEvent> events = audit.recent(AuditAction.GATE_OVERDUE, 20);
        Map<String, SystemRecord> named = systems.findAll(
                events.stream().map(AuditTrail.AuditEvent::systemId).toList());
        List<Escalation> result = new ArrayList<>();
        for (AuditTrail.AuditEvent event : events) {
            String activity =
                    String.valueOf(CanonicalJson.readMap(event.details()).get("activity"));
            String gate = activity.endsWith("-escalate")
                    ? activity.substring(0, activity.length() - "-escalate".length())
                    : activity;
            String name = event.systemId() == null
                    ? ""
                    : named.containsKey(event.systemId())
                            ? named.get(event.systemId()).name()
                            : event.systemId();
            result.add(new Escalation(event.systemId(), name, gate, event.occurredAt()));
        }
        return result;
    }

    /** The gates with the assessments that pass them (the ethics committee advises on the IAMA only). */
    static final List<GateChoice> GATES_PER_ASSESSMENT = Gate.TASK_IDS.stream()
            .flatMap(gate -> (Gate.ETHICS_COMMITTEE_ADVICE.taskId().equals(gate)
                            ? List.of("IAMA")
                            : List.of("IAMA", "DPIA"))
                    .stream().map(type -> new GateChoice(gate, type)))
            .toList();

    /** An approval (a gate: advice or decision) rather than work waiting on the project lead or an incident step. */
    static boolean isApproval(String gate) {
        return Gate.ofTask(gate).isPresent();
    }

    private static boolean isApproval(BlockedItem item) {
        return isApproval(item.gate());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
