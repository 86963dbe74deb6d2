package nl.waarborg.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import org.springframework.stereotype.Service;

/** Reading assessments and their versions back: for the API, the pages, the exports and the checks of the hashes. */
@Service
public class AssessmentReads {

    /** How many process-to-version links are kept in memory before the memo starts over. */
    static final int KEPT_PROCESS_LINKS = 10_000;

    private final AssessmentStore store;
    private final Map<String, VersionKey> versionsOfProcesses = new java.util.concurrent.ConcurrentHashMap<>();
    private final EvidenceKeys keys;

    AssessmentReads(AssessmentStore store, EvidenceKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** Which version of which assessment. */
    public record VersionKey(String assessmentId, int number) {}

    /**
     * The version a process instance works on: the one its IAMA or DPIA process opened at its start. Tasks and
     * listeners resolve their version here, never from a variable (a variable can be set by whoever works the task).
     */
    public Optional<VersionKey> versionOfProcess(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        // The link is written once, with the version, and never changed or deleted; ids are not reused. So a link
        // found once is kept (every task event of a process asks again). A missing one is not kept: it may come.
        VersionKey known = versionsOfProcesses.get(processInstanceId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<VersionKey> found =
                store.versionOfProcess(processInstanceId).map(v -> new VersionKey(v.assessmentId(), v.number()));
        found.ifPresent(key -> {
            if (versionsOfProcesses.size() >= KEPT_PROCESS_LINKS) {
                versionsOfProcesses.clear();
            }
            versionsOfProcesses.put(processInstanceId, key);
        });
        return found;
    }

    public Optional<Assessment> assessment(String id) {
        return store.findAssessment(id);
    }

    public List<Assessment> assessmentsOf(String systemId) {
        return store.assessmentsOf(systemId);
    }

    /** An assessment with its versions' headers, oldest first. */
    public record AssessmentOverview(Assessment assessment, List<VersionHeader> versions) {}

    /** The assessments of each of these systems (by type) with their version headers, in one query. */
    public Map<String, List<AssessmentOverview>> overviewsOf(Collection<String> systemIds) {
        Map<String, AssessmentOverview> byAssessment = new LinkedHashMap<>();
        for (AssessmentStore.HeaderRow row : store.headersOfSystems(systemIds)) {
            AssessmentOverview overview = byAssessment.computeIfAbsent(
                    row.assessment().id(), id -> new AssessmentOverview(row.assessment(), new ArrayList<>()));
            if (row.header() != null) {
                overview.versions().add(row.header());
            }
        }
        Map<String, List<AssessmentOverview>> bySystem = new HashMap<>();
        byAssessment
                .values()
                .forEach(o -> bySystem.computeIfAbsent(o.assessment().systemId(), k -> new ArrayList<>())
                        .add(o));
        return bySystem;
    }

    /** A version's number, status and dates only: for lists, without its answers, signatures and action points. */
    public record VersionHeader(
            int number, VersionStatus status, int round, Instant createdAt, Instant frozenAt, String contentHash) {}

    public List<VersionHeader> versionHeaders(String assessmentId) {
        store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        return store.versions(assessmentId).stream()
                .map(v -> new VersionHeader(
                        v.number(), v.status(), v.cycleRound(), v.createdAt(), v.frozenAt(), v.contentHash()))
                .toList();
    }

    public List<AssessmentVersion> versions(String assessmentId) {
        Assessment assessment =
                store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        return store.versions(assessmentId).stream()
                .map(v -> toView(assessment, v))
                .toList();
    }

    public Optional<AssessmentVersion> version(String assessmentId, int number) {
        Optional<Assessment> assessment = store.findAssessment(assessmentId);
        if (assessment.isEmpty()) {
            throw new AssessmentNotFoundException(assessmentId);
        }
        return store.version(assessmentId, number).map(v -> toView(assessment.get(), v));
    }

    /**
     * The DPA's answer recorded on a version and whether it concerns the version's current content ({@link
     * DpaAnswerRule}, the rule that also refuses an approval against an infringement answer).
     */
    public Optional<DpaAnswer> dpaAnswer(String assessmentId, int number) {
        return store.version(assessmentId, number)
                .flatMap(v ->
                        DpaAnswerRule.answer(CanonicalJson.readMap(v.answersJson()), VersionHashes.answersHash(v)));
    }

    /** Every save of the version's sections, oldest first: the draft's earlier states, with who saved them and when. */
    public List<AnswerSave> answerSaves(String assessmentId, int number) {
        if (store.findAssessment(assessmentId).isEmpty()) {
            throw new AssessmentNotFoundException(assessmentId);
        }
        return store.version(assessmentId, number)
                .map(v -> store.answerSaves(v.id()))
                .orElse(List.of());
    }

    /** Recomputes a frozen version's keyed hash from what the database holds now (ADR 0018). */
    public boolean hashIntact(String assessmentId, int number) {
        Assessment assessment =
                store.findAssessment(assessmentId).orElseThrow(() -> new AssessmentNotFoundException(assessmentId));
        VersionRow v = store.version(assessmentId, number)
                .orElseThrow(() -> new AssessmentNotFoundException(assessmentId + "/" + number));
        return VersionHashes.intact(keys, assessment, v, store.signatures(v.id()));
    }

    /** Whether a version's hash checks: null while it is not frozen (it has no hash yet). */
    public Boolean hashCheck(AssessmentVersion version) {
        return version.contentHash() == null ? null : hashIntact(version.assessmentId(), version.number());
    }

    private AssessmentVersion toView(Assessment assessment, VersionRow v) {
        return new AssessmentVersion(
                assessment.id(),
                assessment.type(),
                assessment.systemId(),
                v.number(),
                v.status(),
                v.cycleRound(),
                CanonicalJson.readMap(v.answersJson()),
                v.triageJson() == null ? null : CanonicalJson.readMap(v.triageJson()),
                store.signatures(v.id()),
                store.actionPoints(v.id()),
                store.contributors(v.id()),
                v.contentHash(),
                v.previousHash(),
                v.createdAt(),
                v.frozenAt());
    }
}
