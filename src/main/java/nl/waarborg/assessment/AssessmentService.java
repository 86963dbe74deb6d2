package nl.waarborg.assessment;

import nl.waarborg.shared.CanonicalJson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned assessments: opening a version per round, saving answers into the draft, recording gate decisions,
 * freezing at the alderman's approval with a chained SHA-256 hash, and reading versions back.
 * Runs inside the engine's transaction when called from a listener, so a failed completion saves nothing.
 */
@Service
public class AssessmentService {

    public static final String ACTION_POINTS_SUFFIX = "ActionPoints";

    private final AssessmentStore store;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    AssessmentService(AssessmentStore store, AuditTrail audit, JdbcClient jdbc) {
        this.store = store;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** A new version for a new round, pre-filled with the answers of the last approved version. */
    public record OpenedVersion(String assessmentId, int number, Map<String, Object> prefill) {
    }

    @Transactional
    public OpenedVersion openVersion(String systemId, AssessmentType type, int round, String processInstanceId, String userId) {
        Assessment assessment = store.findAssessment(systemId, type).orElseGet(() -> {
            Assessment created = new Assessment(UUID.randomUUID().toString(), systemId, type, now());
            store.insertAssessment(created);
            return created;
        });
        int number = store.maxNumber(assessment.id()) + 1;
        Map<String, Object> answers = store.lastWithStatus(assessment.id(), VersionStatus.APPROVED)
                .map(v -> CanonicalJson.readMap(v.answersJson())).orElseGet(LinkedHashMap::new);
        String triage = triageOf(systemId, round).map(CanonicalJson::write).orElse(null);
        store.insertVersion(new VersionRow(UUID.randomUUID().toString(), assessment.id(), number, VersionStatus.DRAFT, round,
                CanonicalJson.write(answers), triage, processInstanceId, null, null, now(), null));
        audit.record("VERSION_OPENED", userId, systemId, Map.of("assessmentId", assessment.id(), "type", type.name(),
                "version", number, "round", round));
        return new OpenedVersion(assessment.id(), number, answers);
    }

    /** Which version of which assessment. */
    public record VersionKey(String assessmentId, int number) {
    }

    /**
     * The version a process instance works on: the one its IAMA or DPIA process opened at its start. Tasks and
     * listeners resolve their version here, never from a variable (a variable can be set by whoever works the task).
     */
    public Optional<VersionKey> versionOfProcess(String processInstanceId) {
        return processInstanceId == null ? Optional.empty()
                : store.versionOfProcess(processInstanceId).map(v -> new VersionKey(v.assessmentId(), v.number()));
    }

    /** Stores one section's answers in the draft; refused once the version is frozen. */
    @Transactional
    public void saveSection(String assessmentId, int number, String section, Map<String, Object> values, String userId) {
        VersionRow version = lockedVersion(assessmentId, number);
        if (version.status().frozen()) {
            throw new VersionFrozenException(assessmentId, number, version.status());
        }
        Map<String, Object> answers = CanonicalJson.readMap(version.answersJson());
        answers.put(section, new LinkedHashMap<>(values));
        store.updateDraft(version.id(), version.status(), CanonicalJson.write(answers));
        Instant at = now();
        String sectionJson = CanonicalJson.write(values);
        String sectionHash = CanonicalJson.sha256(sectionJson);
        // The save also makes its user a contributor (segregation of duties reads the saves).
        store.insertAnswerSave(UUID.randomUUID().toString(), version.id(), section, userId, at, sectionJson, sectionHash);
        String systemId = store.findAssessment(assessmentId).map(Assessment::systemId).orElse(null);
        audit.record("ANSWERS_SAVED", userId, systemId, Map.of("assessmentId", assessmentId, "version", number, "section", section,
                "fields", values.keySet().stream().sorted().toList(), "answersHash", sectionHash));
    }

    /**
     * A gate opened on this version: a draft goes into review (one conditional update, which also takes the row lock).
     * A version already in review or frozen is left as it is; a version that does not exist fails at the decision.
     */
    @Transactional
    public void markInReview(String assessmentId, int number) {
        store.markDraftInReview(assessmentId, number);
    }

    /**
     * Checks and records a gate decision. The alderman's approval freezes the version, the alderman's rejection
     * closes it as rejected, and a send-back returns it to draft. Nothing is written when a check fails.
     */
    @Transactional
    public void decide(String assessmentId, int number, GateDecisionRequest request) {
        VersionRow version = lockedVersion(assessmentId, number);
        Assessment assessment = store.findAssessment(assessmentId).orElseThrow();
        if (version.status().frozen()) {
            throw new VersionFrozenException(assessmentId, number, version.status());
        }
        String decision = request.decision() == null ? null : request.decision().trim();
        if (decision == null || !List.of("APPROVED", "APPROVED_WITH_CONDITIONS", "SENT_BACK", "REJECTED").contains(decision)) {
            throw new GateDecisionException("decision", "Gate field 'decision' must be APPROVED, APPROVED_WITH_CONDITIONS, SENT_BACK or REJECTED.");
        }
        if (isBlank(request.motivation())) {
            throw new GateDecisionException("motivation", "Gate field 'motivation' is required for every decision.");
        }
        if ("APPROVED_WITH_CONDITIONS".equals(decision) && isBlank(request.conditions())) {
            throw new GateDecisionException("conditions", "Gate field 'conditions' is required with APPROVED_WITH_CONDITIONS.");
        }
        if ("SENT_BACK".equals(decision) && (request.sendBackTo() == null || request.sendBackTo().isEmpty())) {
            throw new GateDecisionException("sendBackTo", "Gate field 'sendBackTo' must name at least one part to rework with SENT_BACK.");
        }
        List<Signature> signatures = store.signatures(version.id());
        checkDuties(version, request, signatures);
        boolean approves = decision.startsWith("APPROVED");
        if (!request.advisory() && approves) {
            List<String> negative = latestAdvice(signatures).values().stream()
                    .filter(s -> "REJECTED".equals(s.decision())).map(Signature::gate).toList();
            if (!negative.isEmpty() && isBlank(request.deviationMotivation())) {
                throw new GateDecisionException("deviationMotivation", "Gate field 'deviationMotivation' is required: you approve against"
                        + " negative advice of " + String.join(", ", negative) + ".");
            }
        }
        Instant at = now();
        Signature signature = new Signature(request.gate(), decision, request.motivation().trim(), blankToNull(request.conditions()),
                blankToNull(request.deviationMotivation()), request.userId(), at);
        store.insertSignature(UUID.randomUUID().toString(), version.id(), signature, request.taskId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assessmentId", assessmentId);
        details.put("type", assessment.type().name());
        details.put("version", number);
        details.put("gate", request.gate());
        details.put("decision", decision);
        audit.record("DECISION_RECORDED", request.userId(), assessment.systemId(), details);

        if ("SENT_BACK".equals(decision)) {
            store.updateStatus(version.id(), VersionStatus.DRAFT);
        } else if (!request.advisory() && approves) {
            freeze(assessment, version, VersionStatus.APPROVED, request.userId());
        } else if (!request.advisory()) {
            freeze(assessment, version, VersionStatus.REJECTED, request.userId());
        } else {
            store.updateStatus(version.id(), VersionStatus.IN_REVIEW);
        }
    }

    private void checkDuties(VersionRow version, GateDecisionRequest request, List<Signature> signatures) {
        String user = request.userId();
        if (isBlank(user)) {
            throw new DutiesConflictException("A gate decision must be made by an identified user.");
        }
        if (store.isContributor(version.id(), user)) {
            throw new DutiesConflictException("Segregation of duties: " + user + " filled in content of this version and cannot decide"
                    + " a gate of it.");
        }
        Optional<Signature> otherGate = signatures.stream()
                .filter(s -> user.equals(s.user()) && !Objects.equals(s.gate(), request.gate())).findFirst();
        if (otherGate.isPresent()) {
            throw new DutiesConflictException("Segregation of duties: " + user + " already decided gate " + otherGate.get().gate()
                    + " of this version and cannot decide " + request.gate() + " as well.");
        }
    }

    /** The most recent decision per advice gate of this version (later rounds of review replace earlier ones). */
    static Map<String, Signature> latestAdvice(List<Signature> signatures) {
        Map<String, Signature> latest = new LinkedHashMap<>();
        for (Signature s : signatures) {
            if (s.advice()) {
                latest.put(s.gate(), s);
            }
        }
        return latest;
    }

    private void freeze(Assessment assessment, VersionRow version, VersionStatus status, String userId) {
        Optional<VersionRow> previous = store.lastWithStatus(assessment.id(), VersionStatus.APPROVED);
        String previousHash = previous.map(VersionRow::contentHash).orElse(null);
        Instant at = now();
        // Read back from the store, so the hash covers the signatures in the order that verification reads them.
        String hash = contentHash(assessment, version, store.signatures(version.id()), previousHash);
        store.freeze(version.id(), status, hash, previousHash, at);
        if (status == VersionStatus.APPROVED) {
            previous.ifPresent(p -> store.updateStatus(p.id(), VersionStatus.SUPERSEDED));
            createActionPoints(version);
        }
        audit.record(status == VersionStatus.APPROVED ? "VERSION_FROZEN" : "VERSION_REJECTED", userId, assessment.systemId(),
                Map.of("assessmentId", assessment.id(), "version", version.number(), "contentHash", hash,
                        "previousHash", previousHash == null ? "" : previousHash));
    }

    static String contentHash(Assessment assessment, VersionRow version, List<Signature> signatures, String previousHash) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("assessmentId", assessment.id());
        content.put("type", assessment.type().name());
        content.put("systemId", assessment.systemId());
        content.put("number", version.number());
        content.put("round", version.cycleRound());
        content.put("answers", CanonicalJson.readMap(version.answersJson()));
        content.put("triage", version.triageJson() == null ? null : CanonicalJson.readMap(version.triageJson()));
        List<Map<String, Object>> signed = new ArrayList<>();
        for (Signature s : signatures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gate", s.gate());
            m.put("decision", s.decision());
            m.put("motivation", s.motivation());
            m.put("conditions", s.conditions());
            m.put("deviationMotivation", s.deviationMotivation());
            m.put("user", s.user());
            m.put("at", s.at().toString());
            signed.add(m);
        }
        content.put("signatures", signed);
        content.put("previousHash", previousHash);
        return CanonicalJson.sha256(CanonicalJson.write(content));
    }

    @SuppressWarnings("unchecked")
    private void createActionPoints(VersionRow version) {
        Map<String, Object> answers = CanonicalJson.readMap(version.answersJson());
        for (Map.Entry<String, Object> section : answers.entrySet()) {
            if (!(section.getValue() instanceof Map<?, ?> fields)) {
                continue;
            }
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                if (!field.getKey().toString().endsWith(ACTION_POINTS_SUFFIX) || !(field.getValue() instanceof List<?> items)) {
                    continue;
                }
                for (Object item : items) {
                    if (item instanceof Map<?, ?> point && point.get("what") != null && !point.get("what").toString().isBlank()) {
                        Object due = point.get("dueDate");
                        store.insertActionPoint(new ActionPoint(UUID.randomUUID().toString(), version.id(), section.getKey(),
                                point.get("what").toString(), point.get("owner") == null ? null : point.get("owner").toString(),
                                parseDate(due), false, null, null));
                    }
                }
            }
        }
    }

    private static LocalDate parseDate(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- triage of a round ----

    @Transactional
    public void recordTriageInputs(String systemId, int round, Map<String, Object> inputs, String userId) {
        int updated = jdbc.sql("UPDATE wb_triage SET inputs = :inputs, decided_at = :at WHERE system_id = :s AND cycle_round = :r")
                .param("inputs", CanonicalJson.write(inputs)).param("at", java.sql.Timestamp.from(now()))
                .param("s", systemId).param("r", round).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO wb_triage (system_id, cycle_round, inputs, decided_at) VALUES (:s, :r, :inputs, :at)")
                    .param("s", systemId).param("r", round).param("inputs", CanonicalJson.write(inputs))
                    .param("at", java.sql.Timestamp.from(now())).update();
        }
        audit.record("TRIAGE_ANSWERED", userId, systemId, Map.of("round", round));
    }

    @Transactional
    public void recordTriageOutcome(String systemId, int round, Map<String, Object> outcome) {
        int updated = jdbc.sql("UPDATE wb_triage SET outcome = :o WHERE system_id = :s AND cycle_round = :r")
                .param("o", CanonicalJson.write(outcome)).param("s", systemId).param("r", round).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO wb_triage (system_id, cycle_round, inputs, outcome, decided_at) VALUES (:s, :r, '{}', :o, :at)")
                    .param("s", systemId).param("r", round).param("o", CanonicalJson.write(outcome))
                    .param("at", java.sql.Timestamp.from(now())).update();
        }
        audit.record("TRIAGE_DECIDED", null, systemId, Map.of("round", round, "outcome", outcome));
    }

    /** The triage of a round: {"inputs": {...}, "outcome": {...}}. */
    public Optional<Map<String, Object>> triageOf(String systemId, int round) {
        return jdbc.sql("SELECT inputs, outcome FROM wb_triage WHERE system_id = :s AND cycle_round = :r")
                .param("s", systemId).param("r", round).query((rs, i) -> {
                    Map<String, Object> triage = new LinkedHashMap<>();
                    triage.put("inputs", CanonicalJson.readMap(rs.getString("inputs")));
                    triage.put("outcome", CanonicalJson.readMap(rs.getString("outcome")));
                    return triage;
                }).optional();
    }

    // ---- action points ----

    /** Open action points of the versions approved in this round of the system's cycle. */
    public List<ActionPoint> openActionPoints(String systemId, int round) {
        List<ActionPoint> result = new ArrayList<>();
        for (Assessment assessment : store.assessmentsOf(systemId)) {
            for (VersionRow v : store.versions(assessment.id())) {
                if (v.cycleRound() == round && v.status() == VersionStatus.APPROVED) {
                    store.actionPoints(v.id()).stream().filter(p -> !p.done()).forEach(result::add);
                }
            }
        }
        return result;
    }

    public Optional<ActionPoint> actionPoint(String id) {
        return store.actionPoint(id);
    }

    @Transactional
    public void completeActionPoint(String id, String userId) {
        ActionPoint point = store.actionPoint(id).orElseThrow(() -> new IllegalArgumentException("Unknown action point " + id));
        if (store.markActionPointDone(id, userId, now()) == 1) {
            String systemId = jdbc.sql("""
                    SELECT a.system_id FROM wb_assessment a JOIN wb_assessment_version v ON v.assessment_id = a.id WHERE v.id = :v""")
                    .param("v", point.versionId()).query(String.class).single();
            audit.record("ACTION_POINT_DONE", userId, systemId, Map.of("actionPointId", id, "what", point.what()));
        }
    }

    // ---- read side ----

    public Optional<Assessment> assessment(String id) {
        return store.findAssessment(id);
    }

    public List<Assessment> assessmentsOf(String systemId) {
        return store.assessmentsOf(systemId);
    }

    /** A version's number, status and dates only: for lists, without its answers, signatures and action points. */
    public record VersionHeader(int number, VersionStatus status, int round, Instant createdAt, Instant frozenAt, String contentHash) {
    }

    public List<VersionHeader> versionHeaders(String assessmentId) {
        store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        return store.versions(assessmentId).stream()
                .map(v -> new VersionHeader(v.number(), v.status(), v.cycleRound(), v.createdAt(), v.frozenAt(), v.contentHash())).toList();
    }

    public List<AssessmentVersion> versions(String assessmentId) {
        Assessment assessment = store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        return store.versions(assessmentId).stream().map(v -> toView(assessment, v)).toList();
    }

    public Optional<AssessmentVersion> version(String assessmentId, int number) {
        Optional<Assessment> assessment = store.findAssessment(assessmentId);
        if (assessment.isEmpty()) {
            throw new AssessmentNotFoundException(assessmentId);
        }
        return store.version(assessmentId, number).map(v -> toView(assessment.get(), v));
    }

    /** Every save of the version's sections, oldest first: the draft's earlier states, with who saved them and when. */
    public List<AnswerSave> answerSaves(String assessmentId, int number) {
        if (store.findAssessment(assessmentId).isEmpty()) {
            throw new AssessmentNotFoundException(assessmentId);
        }
        return store.version(assessmentId, number).map(v -> store.answerSaves(v.id())).orElse(List.of());
    }

    /** Recomputes a frozen version's hash from what the database holds now. */
    public boolean hashIntact(String assessmentId, int number) {
        Assessment assessment = store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        VersionRow v = store.version(assessmentId, number).orElseThrow(() -> new AssessmentNotFoundException(assessmentId + "/" + number));
        return v.contentHash() != null
                && v.contentHash().equals(contentHash(assessment, v, store.signatures(v.id()), v.previousHash()));
    }

    private AssessmentVersion toView(Assessment assessment, VersionRow v) {
        return new AssessmentVersion(assessment.id(), assessment.type(), assessment.systemId(), v.number(), v.status(), v.cycleRound(),
                CanonicalJson.readMap(v.answersJson()), v.triageJson() == null ? null : CanonicalJson.readMap(v.triageJson()),
                store.signatures(v.id()), store.actionPoints(v.id()), store.contributors(v.id()), v.contentHash(), v.previousHash(),
                v.createdAt(), v.frozenAt());
    }

    private VersionRow lockedVersion(String assessmentId, int number) {
        return store.versionForUpdate(assessmentId, number)
                .orElseThrow(() -> new AssessmentNotFoundException(assessmentId + " version " + number));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }
}
