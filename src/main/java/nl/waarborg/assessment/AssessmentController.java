package nl.waarborg.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.shared.NotFoundException;
import nl.waarborg.shared.TooLargeException;
import nl.waarborg.system.SystemAccess;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessments and their versions over HTTP: read, diff, export, and editing a draft section. Every read holds the read
 * rule of the assessment's system ({@link SystemReads}, ADR 0048): the system's team and the reviewing and oversight
 * roles, 403 for anyone else.
 */
@RestController
@RequestMapping("/api/assessments")
public class AssessmentController {

    /** Largest answer set accepted for one section, as serialised JSON. */
    public static final int MAX_SECTION_BYTES = 1024 * 1024;

    private final AssessmentService assessments;

    private final AssessmentReads reads;
    private final VersionDiff diff;
    private final VersionPdf pdf;
    private final SystemRegistry systems;
    private final AuditTrail audit;
    private final SystemReads readable;
    private final PdfExportLimit pdfExports;

    public AssessmentController(
            AssessmentService assessments,
            AssessmentReads reads,
            VersionDiff diff,
            VersionPdf pdf,
            SystemRegistry systems,
            AuditTrail audit,
            SystemReads readable,
            PdfExportLimit pdfExports) {
        this.readable = readable;
        this.pdfExports = pdfExports;
        this.assessments = assessments;
        this.reads = reads;
        this.diff = diff;
        this.pdf = pdf;
        this.systems = systems;
        this.audit = audit;
    }

    public record AssessmentView(
            String id, String systemId, AssessmentType type, List<AssessmentReads.VersionHeader> versions) {}

    public record VersionView(
            String assessmentId,
            AssessmentType type,
            String systemId,
            int number,
            VersionStatus status,
            int round,
            Map<String, Object> answers,
            Map<String, Object> triage,
            List<SignatureView> signatures,
            List<ActionPoint> actionPoints,
            List<String> contributors,
            String contentHash,
            String previousHash,
            Boolean hashIntact,
            Instant createdAt,
            Instant frozenAt) {}

    public record SignatureView(
            String gate,
            String decision,
            String motivation,
            String conditions,
            String deviationMotivation,
            String user,
            Instant at,
            String answersHash,
            String signerName) {}

    @GetMapping("/{id}")
    public AssessmentView assessment(@PathVariable String id) {
        Assessment assessment = readable(id);
        return new AssessmentView(assessment.id(), assessment.systemId(), assessment.type(), reads.versionHeaders(id));
    }

    @GetMapping("/{id}/versions/{number}")
    public VersionView version(@PathVariable String id, @PathVariable int number) {
        return view(load(id, number));
    }

    @GetMapping("/{id}/versions/{number}/export")
    public ResponseEntity<?> export(
            @PathVariable String id, @PathVariable int number, @RequestParam(defaultValue = "json") String format) {
        AssessmentVersion version = load(id, number);
        if (!format.equals("json") && !format.equals("pdf")) {
            throw new InvalidInputException("format", "Parameter 'format' must be json or pdf.");
        }
        if (format.equals("pdf")) {
            pdfExports.count(CurrentUser.id(), Instant.now()); // refused before the export is recorded
        }
        audit.record(
                AuditAction.VERSION_EXPORTED,
                CurrentUser.id(),
                version.systemId(),
                Map.of("assessmentId", id, "version", number, "format", format));
        String baseName = version.type().name().toLowerCase() + "-" + id + "-v" + number;
        return switch (format) {
            case "json" ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(baseName + ".json")
                                        .build()
                                        .toString())
                        .body(view(version));
            case "pdf" ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(baseName + ".pdf")
                                        .build()
                                        .toString())
                        .body(pdf.render(
                                version,
                                systems.find(version.systemId())
                                        .map(SystemRecord::name)
                                        .orElse(version.systemId())));
            default -> throw new InvalidInputException("format", "Parameter 'format' must be json or pdf.");
        };
    }

    /**
     * Every save of the version's sections, oldest first. The version shows the latest answers; this shows what they
     * were before, e.g. what a gate saw before it sent the version back.
     */
    @GetMapping("/{id}/versions/{number}/saves")
    public List<AnswerSave> saves(@PathVariable String id, @PathVariable int number) {
        load(id, number);
        return reads.answerSaves(id, number);
    }

    @GetMapping("/{id}/diff")
    public VersionDiff.Result diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return diff.between(load(id, from), load(id, to));
    }

    /**
     * Replaces one section's answers of a draft version. Only the system's owner (or an administrator) may; a version
     * in review or frozen answers 409. The same rules hold when the section is saved by completing its task. The
     * sections of the prior consultation of the DPA are saved only by completing their tasks (400).
     */
    @PutMapping(value = "/{id}/versions/{number}/sections/{section}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public VersionView saveSection(
            @PathVariable String id,
            @PathVariable int number,
            @PathVariable String section,
            @RequestBody Map<String, Object> answers) {
        AssessmentVersion version = load(id, number);
        SystemRecord system = systems.get(version.systemId());
        SystemAccess.requireChange(system);
        if (!section.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw new InvalidInputException("section", "Section must be a form id (lower case, digits, hyphens).");
        }
        if (VersionHashes.REVIEW_RECORDS.contains(section)) {
            throw new InvalidInputException(
                    "section",
                    "Section '" + section + "' records the prior consultation of the Dutch DPA (GDPR Art. 36): it is"
                            + " saved only by completing its task, so that the answer and its dates stay what was"
                            + " recorded there.");
        }
        if (CanonicalJson.write(answers).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SECTION_BYTES) {
            throw new TooLargeException("The answers of one section may be at most 1 MB.");
        }
        assessments.saveSectionDraft(id, number, section, answers, CurrentUser.id());
        return view(load(id, number));
    }

    /** The assessment, once the current user may read its system (403 otherwise, 404 when there is none). */
    private Assessment readable(String id) {
        Assessment assessment = reads.assessment(id).orElseThrow(() -> new AssessmentNotFoundException(id));
        readable.require(assessment.systemId());
        return assessment;
    }

    private AssessmentVersion load(String id, int number) {
        readable(id);
        return reads.version(id, number)
                .orElseThrow(() -> new NotFoundException("Assessment " + id + " has no version " + number + "."));
    }

    private VersionView view(AssessmentVersion v) {
        Boolean intact = reads.hashCheck(v);
        List<SignatureView> signatures = v.signatures().stream()
                .map(s -> new SignatureView(
                        s.gate(),
                        s.decision(),
                        s.motivation(),
                        s.conditions(),
                        s.deviationMotivation(),
                        s.user(),
                        s.at(),
                        s.answersHash(),
                        s.signerName()))
                .toList();
        return new VersionView(
                v.assessmentId(),
                v.type(),
                v.systemId(),
                v.number(),
                v.status(),
                v.cycleRound(),
                v.answers(),
                v.triage(),
                signatures,
                v.actionPoints(),
                v.contributors(),
                v.contentHash(),
                v.previousHash(),
                intact,
                v.createdAt(),
                v.frozenAt());
    }
}
