package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdraws the open versions of a system (DRAFT or IN_REVIEW) when its cycle is cancelled: they become WITHDRAWN, keep
 * their answers, signatures and saves as evidence, and can no longer be edited or decided. Frozen versions (approved,
 * rejected, superseded) are never touched; the database guards refuse that anyway.
 */
@Service
public class VersionWithdrawal {

    private final AssessmentStore store;
    private final AuditTrail audit;

    VersionWithdrawal(AssessmentStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** One withdrawn version, with the status it had before. */
    public record Withdrawn(String assessmentId, String type, int number, int round, VersionStatus previousStatus) {}

    /** Withdraws every open version of the system, each audited with the reason; returns what was withdrawn. */
    @Transactional
    public List<Withdrawn> withdrawOpenVersions(String systemId, String reason, String userId) {
        List<Withdrawn> withdrawn = new ArrayList<>();
        for (Assessment assessment : store.assessmentsOf(systemId)) {
            List<VersionRow> open = store.versions(assessment.id()).stream()
                    .filter(v -> !v.status().frozen())
                    .sorted(Comparator.comparingInt(VersionRow::number))
                    .toList();
            for (VersionRow candidate : open) {
                // Locked and read again: a gate decided at this moment either froze it first or waits for us.
                VersionRow version = store.versionForUpdate(assessment.id(), candidate.number())
                        .orElseThrow();
                if (version.status().frozen()) {
                    continue;
                }
                store.updateStatus(version.id(), VersionStatus.WITHDRAWN);
                Withdrawn w = new Withdrawn(
                        assessment.id(),
                        assessment.type().name(),
                        version.number(),
                        version.cycleRound(),
                        version.status());
                withdrawn.add(w);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("assessmentId", w.assessmentId());
                details.put("type", w.type());
                details.put("version", w.number());
                details.put("round", w.round());
                details.put("previousStatus", w.previousStatus().name());
                details.put("reason", reason);
                audit.record(AuditAction.VERSION_WITHDRAWN, userId, systemId, details);
            }
        }
        return withdrawn;
    }
}
