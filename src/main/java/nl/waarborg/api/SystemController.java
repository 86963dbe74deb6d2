package nl.waarborg.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.assessment.Assessment;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentReads.AssessmentOverview;
import nl.waarborg.assessment.VersionStatus;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.ConflictException;
import nl.waarborg.shared.PageParameters;
import nl.waarborg.system.SystemAccess;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import nl.waarborg.workflow.IncidentRecords;
import nl.waarborg.workflow.IncidentService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register over HTTP: systems, starting their cycle, and Evaluate triggers. */
@RestController
@RequestMapping("/api/systems")
public class SystemController {

    private final SystemRegistry systems;
    private final CycleService cycles;
    private final AssessmentReads reads;
    private final AuditTrail audit;
    private final IncidentService incidents;
    private final IncidentRecords incidentRecords;
    private final SystemReads readable;

    /** The most systems one page holds. */
    static final int MAX_PAGE = 1000;

    public SystemController(
            SystemRegistry systems,
            CycleService cycles,
            AssessmentReads reads,
            AuditTrail audit,
            IncidentService incidents,
            IncidentRecords incidentRecords,
            SystemReads readable) {
        this.readable = readable;
        this.incidents = incidents;
        this.incidentRecords = incidentRecords;
        this.systems = systems;
        this.cycles = cycles;
        this.reads = reads;
        this.audit = audit;
    }

    public record NewSystem(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotBlank @Size(max = 200) String department) {}

    public enum TriggerType {
        INCIDENT,
        MATERIAL_CHANGE,
        COMPLAINT,
        MONITORING,
        PERIODIC
    }

    /** A trigger and its explanation, which the system page, the version page and the PDF show as the round's reason. */
    public record Trigger(
            @NotNull TriggerType type,
            @NotBlank @Size(max = 4000) String description) {}

    public record Retirement(@Size(max = 4000) String reason) {}

    public record AssessmentSummary(
            String id, String type, Integer currentVersion, String currentStatus, Integer approvedVersion) {}

    public record CycleView(boolean running, String processInstanceId, List<OpenStep> openSteps) {}

    public record SystemView(
            String id,
            String name,
            String description,
            String department,
            String owner,
            String publicationCategory,
            String phase,
            String status,
            String statusReason,
            boolean useSuspended,
            Instant createdAt,
            Instant updatedAt,
            CycleView cycle,
            List<AssessmentSummary> assessments) {}

    @PostMapping
    @Transactional
    public ResponseEntity<SystemView> register(@Valid @RequestBody NewSystem request) {
        CurrentUser.requireAnyOf(Groups.PROJECT_LEAD, Groups.ADMIN);
        SystemRecord created = systems.register(
                request.name().trim(),
                request.description(),
                request.department().trim(),
                CurrentUser.id());
        audit.record(
                AuditAction.SYSTEM_REGISTERED,
                CurrentUser.id(),
                created.id(),
                Map.of("name", created.name(), "department", created.department()));
        return ResponseEntity.created(URI.create("/api/systems/" + created.id()))
                .body(view(created));
    }

    /**
     * The register by name, at most {@code limit} systems (default 100) from {@code offset}; X-Total-Count has the full
     * count. Four queries whatever the page holds: the count, the page, the page's assessments with their versions, and
     * which of them are suspended after an incident.
     */
    @GetMapping
    public ResponseEntity<List<SystemView>> list(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        PageParameters.check(limit, offset, MAX_PAGE);
        // A project lead lists the systems of their team; the reviewing and oversight roles list all (SystemAccess).
        String scope = SystemAccess.listScope();
        long total = systems.count(scope);
        List<SystemRecord> page = systems.page(scope, limit, offset);
        List<String> ids = page.stream().map(SystemRecord::id).toList();
        Map<String, List<AssessmentOverview>> overviews = reads.overviewsOf(ids);
        Set<String> suspended = incidentRecords.suspendedAmong(ids);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(total))
                .body(page.stream()
                        .map(s -> view(s, overviews.getOrDefault(s.id(), List.of()), null, suspended))
                        .toList());
    }

    @GetMapping("/{id}")
    public SystemView get(@PathVariable String id) {
        return view(readable.require(id));
    }

    @PostMapping("/{id}/cycles")
    public ResponseEntity<Map<String, Object>> startCycle(@PathVariable String id) {
        SystemRecord system = systems.get(id);
        SystemAccess.requireChange(system);
        ProcessInstance instance = cycles.startCycle(id, CurrentUser.id())
                .orElseThrow(() -> new ConflictException("A cycle is already running for system " + id
                        + "; finish it or use a trigger in the Evaluate phase."));
        return ResponseEntity.created(URI.create("/api/systems/" + id))
                .body(Map.of("systemId", id, "processInstanceId", instance.getId()));
    }

    @PostMapping("/{id}/triggers")
    public ResponseEntity<Map<String, Object>> trigger(@PathVariable String id, @Valid @RequestBody Trigger trigger) {
        SystemRecord system = systems.get(id);
        SystemAccess.requireChange(system);
        if (!cycles.trigger(id, trigger.type().name(), trigger.description(), CurrentUser.id())) {
            throw new ConflictException("System " + id + " is in phase "
                    + systems.get(id).phase() + "; triggers start a new round only in the Evaluate phase.");
        }
        return ResponseEntity.accepted()
                .body(Map.of("systemId", id, "type", trigger.type().name()));
    }

    /** {@code awareSince}: "bekend sinds", when the deployer became aware (ISO-8601; empty: now). */
    public record IncidentReport(
            @NotBlank @Size(max = 4000) String description,
            @Size(max = 64) String awareSince) {}

    /** "Incident melden": the owner or the privacy officer starts the incident process (ADR 0033), in any phase. */
    @PostMapping("/{id}/incidents")
    public ResponseEntity<Map<String, Object>> reportIncident(
            @PathVariable String id, @Valid @RequestBody IncidentReport report) {
        SystemRecord system = systems.get(id);
        if (!SystemAccess.mayReportIncident(system)) {
            throw new AccessDeniedException(
                    "Only the owner of system " + id + " or the privacy officer may report an incident.");
        }
        ProcessInstance instance = incidents.report(id, report.description(), report.awareSince(), CurrentUser.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("systemId", id, "incidentId", instance.getId()));
    }

    @PostMapping("/{id}/retirement")
    public ResponseEntity<Map<String, Object>> retire(
            @PathVariable String id, @Valid @RequestBody(required = false) Retirement retirement) {
        SystemRecord system = systems.get(id);
        SystemAccess.requireChange(system);
        if (!cycles.retire(id, retirement == null ? null : retirement.reason(), CurrentUser.id())) {
            throw new ConflictException("System " + id + " can be retired only in the Evaluate phase.");
        }
        return ResponseEntity.accepted().body(Map.of("systemId", id));
    }

    private SystemView view(SystemRecord s) {
        String instanceId =
                cycles.runningCycle(s.id()).map(ProcessInstance::getId).orElse(null);
        return view(
                s,
                reads.overviewsOf(List.of(s.id())).getOrDefault(s.id(), List.of()),
                new CycleView(instanceId != null, instanceId, cycles.openSteps(s.id())),
                incidentRecords.suspendedAmong(List.of(s.id())));
    }

    private SystemView view(
            SystemRecord s, List<AssessmentOverview> assessments, CycleView cycle, Set<String> suspended) {
        return new SystemView(
                s.id(),
                s.name(),
                s.description(),
                s.department(),
                s.owner(),
                s.publicationCategory(),
                s.phase().name(),
                s.status().name(),
                s.statusReason(),
                suspended.contains(s.id()),
                s.createdAt(),
                s.updatedAt(),
                cycle,
                assessments.stream().map(SystemController::summary).toList());
    }

    private static AssessmentSummary summary(AssessmentOverview overview) {
        List<AssessmentReads.VersionHeader> versions = overview.versions();
        AssessmentReads.VersionHeader current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        Integer approved = versions.stream()
                .filter(v -> v.status() == VersionStatus.APPROVED)
                .map(AssessmentReads.VersionHeader::number)
                .reduce((x, y) -> y)
                .orElse(null);
        Assessment a = overview.assessment();
        return new AssessmentSummary(
                a.id(),
                a.type().name(),
                current == null ? null : current.number(),
                current == null ? null : current.status().name(),
                approved);
    }
}
