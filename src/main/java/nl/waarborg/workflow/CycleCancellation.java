package nl.waarborg.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.VersionWithdrawal;
import nl.waarborg.assessment.VersionWithdrawal.Withdrawn;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.shared.WaarborgException;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRecord.Phase;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels a system's running cycle (started by mistake, or stuck for good) on an administrator's recorded reason, in
 * one transaction: the open versions of the round are withdrawn (frozen ones stay as they are), the cycle and its IAMA
 * and DPIA instances end (their history stays, with the reason), and the system goes back to Registered, from where a
 * new cycle can start. Going back never needs the go-live invariant (ADR 0014), and the round stays the current round,
 * so nothing that was not signed can count as signed. A cycle that waits in Evaluate is not cancelled: its round is
 * complete and the system is in use; retiring it is the way to end it.
 */
@Service
public class CycleCancellation {

    /** Why a cancellation was refused; the pages name it in Dutch (messages "work.error.{reason}"). */
    public enum Reason {
        NO_RUNNING_CYCLE,
        CYCLE_IN_EVALUATE
    }

    /** A refused cancellation: 409, nothing changed. */
    public static class RefusedException extends WaarborgException {
        private final Reason reason;

        RefusedException(Reason reason, String detail) {
            super(HttpStatus.CONFLICT, detail, null, null);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** What the cancellation did. */
    public record Cancelled(String systemId, String processInstanceId, Phase phaseBefore, List<Withdrawn> withdrawn) {}

    private final ProcessEngine engine;
    private final SystemRegistry systems;
    private final CycleService cycles;
    private final VersionWithdrawal withdrawal;
    private final AuditTrail audit;

    public CycleCancellation(
            ProcessEngine engine,
            SystemRegistry systems,
            CycleService cycles,
            VersionWithdrawal withdrawal,
            AuditTrail audit) {
        this.engine = engine;
        this.systems = systems;
        this.cycles = cycles;
        this.withdrawal = withdrawal;
        this.audit = audit;
    }

    /** Cancels the system's running cycle; the caller checked who may and that a reason was given. */
    @Transactional
    public Cancelled cancel(String systemId, String reason, String userId) {
        systems.lock(systemId);
        SystemRecord system = systems.get(systemId);
        ProcessInstance cycle = cycles.runningCycle(systemId)
                .orElseThrow(() -> new RefusedException(
                        Reason.NO_RUNNING_CYCLE, "System " + systemId + " has no running assessment cycle to cancel."));
        if (system.phase() == Phase.EVALUATE) {
            throw new RefusedException(
                    Reason.CYCLE_IN_EVALUATE,
                    "The cycle of system " + systemId + " waits in the Evaluate phase: its round is decided and the"
                            + " system is in use. Retire the system instead, or send a trigger for a new round.");
        }
        List<Withdrawn> withdrawn = withdrawal.withdrawOpenVersions(systemId, reason, userId);
        // Waarborg's own call, as the system: the engine's command guard refuses a user's deletion on every API, and
        // the administrator holds no engine rights for it. Listeners run (open waits are cleared); history is kept.
        String deleteReason = truncate("Cancelled by " + userId + ": " + reason, 4000);
        EngineAccess.withoutAuthorization(engine, () -> {
            engine.getRuntimeService().deleteProcessInstance(cycle.getId(), deleteReason, false, true);
            return null;
        });
        systems.moveTo(systemId, Phase.REGISTERED, SystemPhases.statusIn(Phase.REGISTERED), reason);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processInstanceId", cycle.getId());
        details.put("phaseBefore", system.phase().name());
        details.put(
                "withdrawnVersions",
                withdrawn.stream().map(w -> w.type() + " " + w.number()).toList());
        details.put("reason", reason);
        audit.record(AuditAction.CYCLE_CANCELLED, userId, systemId, details);
        return new Cancelled(systemId, cycle.getId(), system.phase(), withdrawn);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
