package nl.waarborg.workflow;

import java.time.Instant;
import java.util.Date;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.EngineCommandGuard;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.rules.IncidentAwareness;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts process "incident" for a system (ADR 0033): by the action "Incident melden" of the owner or the privacy
 * officer, or by the trigger INCIDENT in the Evaluate phase. Callers check who may report.
 */
@Service
public class IncidentService {

    public static final String INCIDENT_KEY = "incident";

    private final ProcessEngine engine;
    private final SystemRegistry systems;

    public IncidentService(ProcessEngine engine, SystemRegistry systems) {
        this.engine = engine;
        this.systems = systems;
    }

    /**
     * Starts the incident process. The deadlines run from {@code awareSince} ("bekend sinds", empty: now), checked by
     * {@link IncidentAwareness} before anything starts (400 naming the field).
     */
    @Transactional
    public ProcessInstance report(String systemId, String description, String awareSince, String userId) {
        Instant now = Instant.now();
        Instant aware = IncidentAwareness.of(awareSince, systems.get(systemId).createdAt(), now);
        // The privacy officer has no engine grant to start processes; the callers checked who may report.
        return EngineAccess.withoutAuthorization(
                engine,
                () -> EngineCommandGuard.asWaarborg(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey(
                                INCIDENT_KEY,
                                systemId,
                                Variables.createVariables()
                                        .putValue(IncidentSteps.DESCRIPTION, description == null ? "" : description)
                                        .putValue(IncidentSteps.REPORTED_AT, Date.from(now))
                                        .putValue(IncidentSteps.AWARE_SINCE, Date.from(aware))
                                        .putValue(IncidentSteps.REPORTED_BY, userId))));
    }
}
