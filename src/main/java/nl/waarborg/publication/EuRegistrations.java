package nl.waarborg.publication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.GoLiveDuties;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.ConflictException;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.task.TaskWork;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The EU-database registration of a high-risk AI system the municipality deploys (AI Act Art. 26(8), 49(3), Annex VIII
 * section C; ADR 0034): prepared from the system record and the approved IAMA (FRIA) and DPIA, completed by the owner,
 * exported as JSON, and its reference number recorded back, which completes the cycle's go-live check
 * "go-live-eu-database" through the engine (so the check's own rule and record apply as on every other path).
 */
@Service
public class EuRegistrations {

    /** The IAMA answers that hold the FRIA's findings (Art. 27(1)(d)-(f)) and the balance, in this order. */
    static final List<String> FRIA_FINDINGS =
            List.of("part4SpecificRisks", "part3HumanOversight", "part4RiskResponse", "part5Balance");

    static final List<String> DPIA_FINDINGS =
            List.of("sectionAPurposes", "sectionBNecessity", "sectionDResidualJustification");

    private final JdbcClient jdbc;
    private final SystemRegistry systems;
    private final TriageRecords triage;
    private final RegisterPrefill prefill;
    private final ProcessEngine engine;
    private final TaskWork tasks;
    private final AuditTrail audit;
    private final String organization;

    EuRegistrations(
            JdbcClient jdbc,
            SystemRegistry systems,
            TriageRecords triage,
            RegisterPrefill prefill,
            ProcessEngine engine,
            TaskWork tasks,
            AuditTrail audit,
            @Value("${waarborg.organization-name:Gemeente Voorbeeld}") String organization) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.triage = triage;
        this.prefill = prefill;
        this.engine = engine;
        this.tasks = tasks;
        this.audit = audit;
        this.organization = organization;
    }

    /** Whether the municipality registers the system in the EU database: the round's go-live checks ask for it. */
    @SuppressWarnings("unchecked")
    public boolean required(String systemId) {
        Map<String, Object> outcome = triage.triageOf(systemId, triage.lastRound(systemId))
                .map(t -> t.get("outcome"))
                .filter(Map.class::isInstance)
                .map(o -> (Map<String, Object>) o)
                .orElse(Map.of());
        return GoLiveDuties.required(outcome).contains(GoLiveDuties.EU_DATABASE);
    }

    /** The stored registration data, or the proposal from the system record and the approved assessments. */
    public EuRegistration current(String systemId) {
        requireRegistered(systemId);
        return stored(systemId).orElseGet(() -> proposal(systemId));
    }

    /**
     * The owner's data, checked against Annex VIII section C, stored as a new version; the reference number is only
     * recorded back. Data equal to the latest version store nothing.
     */
    @Transactional
    public EuRegistration prepare(String systemId, EuRegistration data, String user) {
        requireRegistered(systemId);
        systems.lock(systemId);
        EuRegistration kept = data.withReference(null);
        kept.check(dpiaMade(systemId));
        Optional<Version> latest = latest(systemId);
        if (latest.isPresent() && latest.get().data().withReference(null).equals(kept)) {
            return latest.get().data();
        }
        store(systemId, kept, user);
        return kept;
    }

    /**
     * Records the reference number the EU database gave. Before go-live it completes the open go-live check with it.
     * After go-live (a reference was recorded and no such check is open) it records the reference or confirmation of
     * an update of the registration (AI Act Art. 49, 71: kept up to date) for the data changed since, as a new version
     * and an audit event; the go-live check is not run again. Refused (and nothing stored) while the data are
     * incomplete, when nothing changed since the last recorded reference, or when no go-live check is open and the
     * system was never registered. With {@code sentVersion} (the page always sends the version it shows) it is also
     * refused when the data changed after that version, so that a number is never recorded with data that were not
     * sent to the EU database.
     */
    @Transactional
    public EuRegistration recordReference(String systemId, String reference, String user, Integer sentVersion) {
        requireRegistered(systemId);
        systems.lock(systemId);
        EuRegistration.checkReference(reference);
        Version latest = latest(systemId)
                .orElseThrow(() -> new ConflictException("The EU-database registration of system " + systemId
                        + " is not prepared yet; store its data (PUT) first."));
        if (sentVersion != null && sentVersion != latest.number()) {
            throw new DraftChangedException("The EU-database registration of system " + systemId + " changed after"
                    + " version " + sentVersion + ": version " + latest.number() + " is the latest. Send that one to"
                    + " the EU database, then record its reference number.");
        }
        EuRegistration data = latest.data().withReference(null);
        data.check(dpiaMade(systemId));
        Optional<Task> check = engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(GoLiveDuties.EU_DATABASE)
                .active()
                .list()
                .stream()
                .findFirst();
        EuRegistration registered = data.withReference(reference.strip());
        if (check.isPresent()) {
            store(systemId, registered, user);
            tasks.complete(
                    check.get().getId(),
                    Map.of("euDatabaseRegistered", true, "euDatabaseReference", registered.referenceNumber()));
            return registered;
        }
        Version earlier = registered(systemId)
                .orElseThrow(() -> new ConflictException("System " + systemId + " has no open go-live check "
                        + GoLiveDuties.EU_DATABASE + " that you may complete; the reference number is recorded"
                        + " when the cycle reaches its go-live checks."));
        if (earlier.data().withReference(null).equals(data)) {
            throw new ConflictException("The EU-database registration of system " + systemId + " has not changed"
                    + " since reference " + earlier.data().referenceNumber() + " was recorded (version "
                    + earlier.number() + "); store the changed data (PUT) first.");
        }
        int number = store(systemId, registered, user);
        audit.record(
                AuditAction.EU_REGISTRATION_UPDATED,
                user,
                systemId,
                Map.of(
                        "version", number,
                        "reference", registered.referenceNumber(),
                        "previousVersion", earlier.number(),
                        "previousReference", earlier.data().referenceNumber()));
        return registered;
    }

    /** One stored version: the data as exported, with the reference number when this version recorded one. */
    public record Version(int number, EuRegistration data, String createdBy, Instant createdAt) {}

    /** Every stored version of the system's registration, oldest first (ADR 0034: a row is never changed). */
    public List<Version> versions(String systemId) {
        requireRegistered(systemId);
        return jdbc.sql("SELECT number, data, created_by, created_at FROM wb_eu_registration_version"
                        + " WHERE system_id = :s ORDER BY number")
                .param("s", systemId)
                .query((rs, n) -> new Version(
                        rs.getInt("number"),
                        CanonicalJson.MAPPER.convertValue(
                                CanonicalJson.readMap(rs.getString("data")), EuRegistration.class),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The latest version that recorded a reference number, if the system was registered. */
    public Optional<Version> registered(String systemId) {
        List<Version> all = versions(systemId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).data().referenceNumber() != null) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private Optional<Version> latest(String systemId) {
        List<Version> all = versions(systemId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private Optional<EuRegistration> stored(String systemId) {
        return latest(systemId).map(Version::data);
    }

    private int store(String systemId, EuRegistration data, String user) {
        int number = latest(systemId).map(Version::number).orElse(0) + 1;
        jdbc.sql("INSERT INTO wb_eu_registration_version (system_id, number, data, created_by, created_at)"
                        + " VALUES (:s, :n, :d, :u, :t)")
                .param("s", systemId)
                .param("n", number)
                .param("d", CanonicalJson.write(data))
                .param("u", user)
                .param("t", Timestamp.from(Instant.now()))
                .update();
        return number;
    }

    private EuRegistration proposal(String systemId) {
        String fria = prefill.approved(systemId, AssessmentType.IAMA)
                .map(v -> RegisterTexts.joined(v.answers(), FRIA_FINDINGS))
                .orElse("");
        String dpia = prefill.approved(systemId, AssessmentType.DPIA)
                .map(v -> String.join(
                                "\n\n",
                                RegisterTexts.joined(v.answers(), DPIA_FINDINGS),
                                RegisterTexts.dpiaRisks(v.answers()))
                        .strip())
                .orElse("");
        return new EuRegistration(
                organization,
                null,
                null,
                null,
                null,
                null,
                null,
                fria.isBlank() ? null : RegisterTexts.cut(fria, EuRegistration.SUMMARY),
                dpia.isBlank() ? null : RegisterTexts.cut(dpia, EuRegistration.SUMMARY),
                null);
    }

    private boolean dpiaMade(String systemId) {
        return prefill.approved(systemId, AssessmentType.DPIA).isPresent();
    }

    private void requireRegistered(String systemId) {
        systems.get(systemId);
        if (!required(systemId)) {
            throw new ConflictException("System " + systemId + " is not high-risk AI that the municipality deploys and"
                    + " registers in the EU database (AI Act Art. 49(3); Annex III point 2 is registered nationally);"
                    + " it has no EU-database registration.");
        }
    }
}
