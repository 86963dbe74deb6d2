package nl.waarborg.audit;

import java.time.Instant;
import java.util.List;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.NotFoundException;
import nl.waarborg.shared.PageParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for managers and administrators: the events, their verification and the checkpoints. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private final AuditTrail audit;
    private final List<AnswerComparison> answers;
    private final Checkpoints checkpoints;
    private final AuditVerifyLimit verifications;

    public AuditController(
            AuditTrail audit, List<AnswerComparison> answers, Checkpoints checkpoints, AuditVerifyLimit verifications) {
        this.audit = audit;
        this.answers = answers;
        this.checkpoints = checkpoints;
        this.verifications = verifications;
    }

    /**
     * The trail's chain ({@code chainValid}, {@code events}, {@code firstBrokenEventId}) and the frozen answers compared
     * with their last saves ({@code answerMismatches}); {@code valid} when both hold.
     */
    public record Verification(
            boolean valid,
            long events,
            Long firstBrokenEventId,
            boolean chainValid,
            List<AnswerComparison.AnswerMismatch> answerMismatches) {}

    /**
     * The newest events first (of one system, if given), at most {@code limit} (default 500) from {@code offset};
     * X-Total-Count has the full count.
     */
    @GetMapping
    public ResponseEntity<List<AuditTrail.AuditEvent>> events(
            @RequestParam(required = false) String systemId,
            @RequestParam(defaultValue = "500") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        PageParameters.check(limit, offset, 10000);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(audit.count(systemId)))
                .body(audit.events(systemId, limit, offset));
    }

    /**
     * While others write, the chain is verified up to the head as it was when verification began (AuditTrail#verify),
     * never reporting the events appended meanwhile as a break; frozen answers and their saves only ever grow.
     */
    @GetMapping("/verify")
    public Verification verify() {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        verifications.count(CurrentUser.id(), Instant.now()); // costly: at most so many a minute per user
        AuditTrail.Verification chain = audit.verify();
        List<AnswerComparison.AnswerMismatch> mismatches =
                answers.stream().flatMap(a -> a.answerMismatches().stream()).toList();
        return new Verification(
                chain.valid() && mismatches.isEmpty(),
                chain.events(),
                chain.firstBrokenEventId(),
                chain.valid(),
                mismatches);
    }

    /** A signed checkpoint now (besides the scheduled ones); 201 with its document. */
    @PostMapping("/checkpoints")
    public ResponseEntity<String> createCheckpoint() {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/audit/checkpoints/latest")
                .contentType(MediaType.APPLICATION_JSON)
                .body(checkpoints.create(CurrentUser.id()));
    }

    /** The newest checkpoint as a file to store outside Waarborg and check with CheckpointVerify (README). */
    @GetMapping("/checkpoints/latest")
    public ResponseEntity<String> latestCheckpoint() {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        String document = checkpoints
                .latest()
                .orElseThrow(
                        () -> new NotFoundException("No checkpoint has been made yet: POST /api/audit/checkpoints."));
        String createdAt = String.valueOf(CanonicalJson.readMap(document).get("createdAt"));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"waarborg-checkpoint-" + createdAt.replaceAll("[^0-9TZ]", "")
                                + ".json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(document);
    }
}
