package nl.waarborg.workflow;

import java.time.Instant;
import java.util.Date;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.EngineCommandGuard;
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

    public IncidentService(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Starts the incident process; the moment of the report is when the deadlines start to run. */
    @Transactional
    public ProcessInstance report(String systemId, String description, String userId) {
        // The privacy officer has no engine grant to start processes; the callers checked who may report.
        return EngineAccess.withoutAuthorization(
                engine,
                () -> EngineCommandGuard.asWaarborg(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey(
                                INCIDENT_KEY,
                                systemId,
                                Variables.createVariables()
                                        .putValue(IncidentSteps.DESCRIPTION, description == null ? "" : description)
                                        .putValue(IncidentSteps.REPORTED_AT, Date.from(Instant.now()))
                                        .putValue(IncidentSteps.REPORTED_BY, userId))));
    }
}
