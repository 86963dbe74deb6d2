package nl.waarborg.assessment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.forms.FormCatalog;
import nl.waarborg.forms.FormInputException;
import nl.waarborg.forms.FormValidator;
import nl.waarborg.forms.FormViolation;
import nl.waarborg.forms.RiskMatrix;
import nl.waarborg.identity.PersonNames;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import nl.waarborg.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a version: opening one per round, saving answers into the draft, recording gate decisions (with
 * segregation of duties), and freezing it at the alderman's decision with a chained hash (VersionHashes). Reading
 * versions back is AssessmentReads; the pre-scan is TriageRecords; action points are ActionPoints.
 * Runs inside the engine's transaction when called from a listener, so a failed completion saves nothing.
 */
@Service
public class AssessmentService {

    private final AssessmentStore store;
    private final AuditTrail audit;
    private final TriageRecords triage;
    private final ActionPoints actionPoints;
    private final GateDuties duties;
    private final EvidenceKeys keys;
    private final ApplicationEventPublisher events;
    private final DecisionRecords decisionRecords;

    private final FormCatalog forms;
    private final FormValidator validator = new FormValidator();

    private final PersonNames people;

    AssessmentService(
            AssessmentStore store,
            AuditTrail audit,
            TriageRecords triage,
            ActionPoints actionPoints,
            GateDuties duties,
            EvidenceKeys keys,
            ApplicationEventPublisher events,
            DecisionRecords decisionRecords,
            FormCatalog forms,
            PersonNames people) {
        this.forms = forms;
        this.people = people;
        this.decisionRecords = decisionRecords;
        this.keys = keys;
        this.events = events;
        this.store = store;
        this.audit = audit;
        this.triage = triage;
        this.actionPoints = actionPoints;
        this.duties = duties;
    }

    /** A new version for a new round, pre-filled with the answers of the last approved version. */
    public record OpenedVersion(String assessmentId, int number, Map<String, Object> prefill) {}

    @Transactional
    public OpenedVersion openVersion(
            String systemId, AssessmentType type, int round, String processInstanceId, String userId) {
        Assessment assessment = store.findAssessment(systemId, type).orElseGet(() -> {
            Assessment created = new Assessment(UUID.randomUUID().toString(), systemId, type, now());
            store.insertAssessment(created);
            return created;
        });
        int number = store.maxNumber(assessment.id()) + 1;
        Map<String, Object> answers = store.lastWithStatus(assessment.id(), VersionStatus.APPROVED)
                .map(v -> CanonicalJson.readMap(v.answersJson()))
                .orElseGet(LinkedHashMap::new);
        // The alderman's decision record belongs to the version it decided, not to the next one (ADR 0035).
        answers.keySet().removeAll(DecisionRecords.SECTIONS);
        String triageJson =
                triage.triageOf(systemId, round).map(CanonicalJson::write).orElse(null);
        store.insertVersion(new VersionRow(
                UUID.randomUUID().toString(),
                assessment.id(),
                number,
                VersionStatus.DRAFT,
                round,
                CanonicalJson.write(answers),
                triageJson,
                processInstanceId,
                null,
                null,
                null,
                now(),
                null));
        audit.record(
                AuditAction.VERSION_OPENED,
                userId,
                systemId,
                Map.of("assessmentId", assessment.id(), "type", type.name(), "version", number, "round", round));
        return new OpenedVersion(assessment.id(), number, answers);
    }

    /**
     * Stores one section's answers in the draft; refused once the version is in review (the advice covers exactly what
     * was signed, ADR 0014) or frozen. The answers come from completing the section's task, where its form was checked.
     */
    @Transactional
    public void saveSection(
            String assessmentId, int number, String section, Map<String, Object> values, String userId) {
        save(assessmentId, number, section, values, userId, false);
    }

    /**
     * Stores one section's answers given directly (the section API): the same rules, and the answers are a draft of
     * the section's form (ADR 0045's bounds): no key the form does not have, no text over its limit, no choice it does
     * not offer (400 naming it). What is still missing is checked when the task completes. Probe 62 saw a key that is
     * on no form reach a version that then went to review.
     */
    @Transactional
    public void saveSectionDraft(
            String assessmentId, int number, String section, Map<String, Object> values, String userId) {
        save(assessmentId, number, section, values, userId, true);
    }

    private void save(
            String assessmentId,
            int number,
            String section,
            Map<String, Object> values,
            String userId,
            boolean asDraftOfItsForm) {
        VersionRow version = lockedVersion(assessmentId, number);
        Assessment assessment =
                store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        AssessmentType type = assessment.type();
        if (!type.sections().contains(section)) {
            throw new InvalidInputException(
                    "section",
                    "A " + type + " version has no section '" + section + "'. Its sections are "
                            + String.join(
                                    ", ", type.sections().stream().sorted().toList())
                            + "; the alderman's decision record is written by the decision itself and an advice is"
                            + " given by completing its task.");
        }
        if (version.status().frozen()) {
            throw new VersionFrozenException(assessmentId, number, version.status());
        }
        boolean reviewRecord =
                version.status() == VersionStatus.IN_REVIEW && VersionHashes.REVIEW_RECORDS.contains(section);
        if (version.status() != VersionStatus.DRAFT && !reviewRecord) {
            throw new VersionConflictException(
                    VersionConflictException.Reason.NOT_DRAFT,
                    "Version " + number + " of assessment " + assessmentId + " is " + version.status()
                            + ": its sections can be edited only while it is a draft, i.e. before review or after a gate sent it back.");
        }
        if (asDraftOfItsForm) {
            Map<String, Object> given = values;
            forms.form(section).ifPresent(form -> {
                List<FormViolation> problems = validator.draftProblems(form, given);
                if (!problems.isEmpty()) {
                    throw new FormInputException(problems);
                }
            });
        }
        values = DpaAnswerRule.stamp(section, values, () -> VersionHashes.answersHash(version));
        if (RiskMatrix.FORM_ID.equals(section) && values.containsKey(RiskMatrix.RISKS)) {
            values = new LinkedHashMap<>(values); // the level of each risk is derived, never taken as given (ADR 0046)
            values.put(RiskMatrix.RISKS, RiskMatrix.withLevels(values.get(RiskMatrix.RISKS)));
        }
        Map<String, Object> answers = CanonicalJson.readMap(version.answersJson());
        answers.put(section, new LinkedHashMap<>(values));
        store.updateDraft(version.id(), version.status(), CanonicalJson.write(answers));
        Instant at = now();
        String sectionJson = CanonicalJson.write(values);
        String sectionHash = CanonicalJson.sha256(sectionJson);
        // The save also makes its user a contributor (segregation of duties reads the saves).
        store.insertAnswerSave(
                UUID.randomUUID().toString(), version.id(), section, userId, at, sectionJson, sectionHash);
        String systemId = assessment.systemId();
        audit.record(
                AuditAction.ANSWERS_SAVED,
                userId,
                systemId,
                Map.of(
                        "assessmentId",
                        assessmentId,
                        "version",
                        number,
                        "section",
                        section,
                        "fields",
                        values.keySet().stream().sorted().toList(),
                        "answersHash",
                        sectionHash));
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
        decide(assessmentId, number, request, DecisionGovernance.NONE);
    }

    /** As above, with the alderman's governance fields (competent body, condition verdicts, residual risks). */
    @Transactional
    public void decide(String assessmentId, int number, GateDecisionRequest request, DecisionGovernance governance) {
        VersionRow version = lockedVersion(assessmentId, number);
        Assessment assessment = store.findAssessment(assessmentId).orElseThrow();
        if (version.status().frozen()) {
            throw new VersionFrozenException(assessmentId, number, version.status());
        }
        String decision = GateDecisionRules.validDecision(request);
        List<Signature> signatures = store.signatures(version.id());
        checkDuties(assessment, version, request, signatures);
        String answersHash = VersionHashes.answersHash(version);
        if (!request.advisory() && !Decision.SENT_BACK.is(decision)) {
            List<String> unseen = GoLiveInvariant.adviceNotOn(assessment.type(), signatures, answersHash);
            if (!unseen.isEmpty()) {
                throw new VersionConflictException(
                        VersionConflictException.Reason.UNSEEN_CONTENT,
                        "The alderman cannot decide version " + number + " of this " + assessment.type()
                                + ": its content is now " + GoLiveInvariant.shortHash(answersHash) + ", but "
                                + String.join(" and ", unseen)
                                + ". The advisers must advise again on the current content.");
            }
        }
        GateDecisionRules.requireDeviationMotivation(
                request, decision, latestAdvice(signatures).values());
        if (!request.advisory()) {
            version = decisionRecords.record(assessment, version, decision, governance, request.userId());
        }
        boolean approves = GateDecisionRules.approves(decision);
        if (!request.advisory()
                && approves
                && DpaAnswerRule.refusesApproval(CanonicalJson.readMap(version.answersJson()), answersHash)) {
            throw new InvalidInputException(
                    "dpaAnswerOutcome",
                    "The Dutch DPA's written advice says the processing would infringe the GDPR (Art. 36(2)):"
                            + " the alderman cannot approve this version; send it back for rework or reject it.");
        }
        Instant at = now();
        Signature signature = new Signature(
                request.gate(),
                decision,
                request.motivation().trim(),
                blankToNull(request.conditions()),
                blankToNull(request.deviationMotivation()),
                request.userId(),
                at,
                answersHash,
                // The name as it is now, kept with the signature: a later rename does not change the signed record.
                people.of(request.userId()));
        store.insertSignature(UUID.randomUUID().toString(), version.id(), signature, request.taskId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assessmentId", assessmentId);
        details.put("type", assessment.type().name());
        details.put("version", number);
        details.put("gate", request.gate());
        details.put("decision", decision);
        audit.record(AuditAction.DECISION_RECORDED, request.userId(), assessment.systemId(), details);

        if (Decision.SENT_BACK.is(decision)) {
            store.updateStatus(version.id(), VersionStatus.DRAFT);
        } else if (!request.advisory() && approves) {
            freeze(assessment, version, VersionStatus.APPROVED, request.userId());
        } else if (!request.advisory()) {
            freeze(assessment, version, VersionStatus.REJECTED, request.userId());
        } else {
            store.updateStatus(version.id(), VersionStatus.IN_REVIEW);
        }
        events.publishEvent(new GateDecided(
                assessment.systemId(),
                assessmentId,
                assessment.type(),
                number,
                request.gate(),
                decision,
                signature.motivation(),
                request.userId()));
    }

    private void checkDuties(
            Assessment assessment, VersionRow version, GateDecisionRequest request, List<Signature> signatures) {
        Optional<String> conflict =
                duties.conflictOf(assessment, version, request.gate(), request.userId(), signatures);
        if (conflict.isPresent()) {
            throw new SegregationOfDutiesException(conflict.get());
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
        EvidenceKeys.KeyedHash hash =
                VersionHashes.contentHash(keys, assessment, version, store.signatures(version.id()), previousHash);
        store.freeze(version.id(), status, hash, previousHash, at);
        if (status == VersionStatus.APPROVED) {
            previous.ifPresent(p -> store.updateStatus(p.id(), VersionStatus.SUPERSEDED));
            actionPoints.createFor(version);
        }
        audit.record(
                status == VersionStatus.APPROVED ? AuditAction.VERSION_FROZEN : AuditAction.VERSION_REJECTED,
                userId,
                assessment.systemId(),
                Map.of(
                        "assessmentId",
                        assessment.id(),
                        "version",
                        version.number(),
                        "contentHash",
                        hash.hash(),
                        "hashKeyId",
                        hash.keyId(),
                        "previousHash",
                        previousHash == null ? "" : previousHash));
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
