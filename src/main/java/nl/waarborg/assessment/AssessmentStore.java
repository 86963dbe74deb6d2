package nl.waarborg.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for assessments, versions, signatures, contributors, answer saves and action points. Only AssessmentService uses it. */
@Repository
class AssessmentStore {

    private static final int CACHED_ASSESSMENTS = 10_000;

    private final JdbcClient jdbc;
    /** Least recently used first; see findAssessment. */
    private final Map<String, Assessment> assessmentsById =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Assessment> eldest) {
                    return size() > CACHED_ASSESSMENTS;
                }
            });

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Assessment> findAssessment(String systemId, AssessmentType type) {
        return jdbc.sql("SELECT * FROM wb_assessment WHERE system_id = :system AND type = :type")
                .param("system", systemId)
                .param("type", type.name())
                .query(AssessmentStore::mapAssessment)
                .optional();
    }

    /**
     * An assessment by id. Assessment rows are never updated or deleted, so rows once read are kept in a small cache:
     * every content save and gate decision looks its assessment up, and this spares a query each time.
     */
    Optional<Assessment> findAssessment(String id) {
        Assessment cached = assessmentsById.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Assessment> found = jdbc.sql("SELECT * FROM wb_assessment WHERE id = :id")
                .param("id", id)
                .query(AssessmentStore::mapAssessment)
                .optional();
        found.ifPresent(a -> assessmentsById.put(a.id(), a));
        return found;
    }

    List<Assessment> assessmentsOf(String systemId) {
        return jdbc.sql("SELECT * FROM wb_assessment WHERE system_id = :system ORDER BY type")
                .param("system", systemId)
                .query(AssessmentStore::mapAssessment)
                .list();
    }

    /** An assessment of a page of systems with one of its version headers (null when it has none yet). */
    record HeaderRow(Assessment assessment, AssessmentReads.VersionHeader header) {}

    /**
     * The assessments of these systems with their versions' headers (not their answers), by system, type and number,
     * in one query: for a page of the register.
     */
    List<HeaderRow> headersOfSystems(Collection<String> systemIds) {
        if (systemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.id, a.system_id, a.type, a.created_at, v.number, v.status, v.cycle_round,
                       v.created_at AS version_created_at, v.frozen_at, v.content_hash
                FROM wb_assessment a LEFT JOIN wb_assessment_version v ON v.assessment_id = a.id
                WHERE a.system_id IN (:systems) ORDER BY a.system_id, a.type, v.number""")
                .param("systems", systemIds)
                .query((rs, i) -> {
                    Timestamp frozen = rs.getTimestamp("frozen_at");
                    return new HeaderRow(
                            mapAssessment(rs, i),
                            rs.getObject("number") == null
                                    ? null
                                    : new AssessmentReads.VersionHeader(
                                            rs.getInt("number"),
                                            VersionStatus.valueOf(rs.getString("status")),
                                            rs.getInt("cycle_round"),
                                            rs.getTimestamp("version_created_at")
                                                    .toInstant(),
                                            frozen == null ? null : frozen.toInstant(),
                                            rs.getString("content_hash")));
                })
                .list();
    }

    void insertAssessment(Assessment assessment) {
        jdbc.sql("INSERT INTO wb_assessment (id, system_id, type, created_at) VALUES (:id, :system, :type, :at)")
                .param("id", assessment.id())
                .param("system", assessment.systemId())
                .param("type", assessment.type().name())
                .param("at", Timestamp.from(assessment.createdAt()))
                .update();
    }

    List<VersionRow> versions(String assessmentId) {
        return jdbc.sql("SELECT * FROM wb_assessment_version WHERE assessment_id = :a ORDER BY number")
                .param("a", assessmentId)
                .query(AssessmentStore::mapVersion)
                .list();
    }

    Optional<VersionRow> version(String assessmentId, int number) {
        return jdbc.sql("SELECT * FROM wb_assessment_version WHERE assessment_id = :a AND number = :n")
                .param("a", assessmentId)
                .param("n", number)
                .query(AssessmentStore::mapVersion)
                .optional();
    }

    /** The version that a process instance (a run of the IAMA or DPIA process) opened; the link is never changed. */
    Optional<VersionRow> versionOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT * FROM wb_assessment_version WHERE process_instance_id = :pi")
                .param("pi", processInstanceId)
                .query(AssessmentStore::mapVersion)
                .optional();
    }

    /** The ids of the assessments that have a frozen version: for the check of the frozen answers. */
    List<String> assessmentsWithFrozenVersions() {
        return jdbc.sql("SELECT DISTINCT assessment_id FROM wb_assessment_version WHERE content_hash IS NOT NULL"
                        + " ORDER BY assessment_id")
                .query(String.class)
                .list();
    }

    /** Locks the row, so that two completions on one version are applied one after the other. */
    Optional<VersionRow> versionForUpdate(String assessmentId, int number) {
        return jdbc.sql("SELECT * FROM wb_assessment_version WHERE assessment_id = :a AND number = :n FOR UPDATE")
                .param("a", assessmentId)
                .param("n", number)
                .query(AssessmentStore::mapVersion)
                .optional();
    }

    Optional<VersionRow> lastWithStatus(String assessmentId, VersionStatus status) {
        return jdbc.sql(
                        "SELECT * FROM wb_assessment_version WHERE assessment_id = :a AND status = :s ORDER BY number DESC LIMIT 1")
                .param("a", assessmentId)
                .param("s", status.name())
                .query(AssessmentStore::mapVersion)
                .optional();
    }

    int maxNumber(String assessmentId) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM wb_assessment_version WHERE assessment_id = :a")
                .param("a", assessmentId)
                .query(Integer.class)
                .single();
    }

    void insertVersion(VersionRow v) {
        jdbc.sql("""
                INSERT INTO wb_assessment_version (id, assessment_id, number, status, cycle_round, answers, triage,
                    process_instance_id, created_at)
                VALUES (:id, :a, :n, :status, :round, :answers, :triage, :pi, :at)""")
                .param("id", v.id())
                .param("a", v.assessmentId())
                .param("n", v.number())
                .param("status", v.status().name())
                .param("round", v.cycleRound())
                .param("answers", v.answersJson())
                .param("triage", v.triageJson())
                .param("pi", v.processInstanceId())
                .param("at", Timestamp.from(v.createdAt()))
                .update();
    }

    void updateDraft(String versionId, VersionStatus status, String answersJson) {
        jdbc.sql("UPDATE wb_assessment_version SET status = :s, answers = :answers WHERE id = :id")
                .param("s", status.name())
                .param("answers", answersJson)
                .param("id", versionId)
                .update();
    }

    /** DRAFT → IN_REVIEW in one statement; a version that is not a draft (or does not exist) is left alone. */
    void markDraftInReview(String assessmentId, int number) {
        jdbc.sql(
                        "UPDATE wb_assessment_version SET status = :review WHERE assessment_id = :a AND number = :n AND status = :draft")
                .param("review", VersionStatus.IN_REVIEW.name())
                .param("draft", VersionStatus.DRAFT.name())
                .param("a", assessmentId)
                .param("n", number)
                .update();
    }

    void updateStatus(String versionId, VersionStatus status) {
        jdbc.sql("UPDATE wb_assessment_version SET status = :s WHERE id = :id")
                .param("s", status.name())
                .param("id", versionId)
                .update();
    }

    void freeze(
            String versionId,
            VersionStatus status,
            EvidenceKeys.KeyedHash contentHash,
            String previousHash,
            Instant at) {
        jdbc.sql("""
                UPDATE wb_assessment_version SET status = :s, content_hash = :h, hash_key_id = :k, previous_hash = :p, frozen_at = :at
                WHERE id = :id""")
                .param("s", status.name())
                .param("h", contentHash.hash())
                .param("k", contentHash.keyId())
                .param("p", previousHash)
                .param("at", Timestamp.from(at))
                .param("id", versionId)
                .update();
    }

    List<Signature> signatures(String versionId) {
        return jdbc.sql("SELECT * FROM wb_signature WHERE version_id = :v ORDER BY signed_at, id")
                .param("v", versionId)
                .query(AssessmentStore::mapSignature)
                .list();
    }

    void insertSignature(String id, String versionId, Signature s, String taskId) {
        jdbc.sql("""
                INSERT INTO wb_signature (id, version_id, gate, decision, motivation, conditions, deviation_motivation,
                    user_id, signed_at, task_id, answers_hash, signer_name)
                VALUES (:id, :v, :gate, :decision, :motivation, :conditions, :deviation, :user, :at, :task, :answersHash,
                    :signerName)""")
                .param("id", id)
                .param("v", versionId)
                .param("gate", s.gate())
                .param("decision", s.decision())
                .param("motivation", s.motivation())
                .param("conditions", s.conditions())
                .param("deviation", s.deviationMotivation())
                .param("user", s.user())
                .param("at", Timestamp.from(s.at()))
                .param("task", taskId)
                .param("answersHash", s.answersHash())
                .param("signerName", s.signerName())
                .update();
    }

    /** Appends one save of a section to the version's save history (the caller holds the version's row lock). */
    void insertAnswerSave(
            String id, String versionId, String section, String userId, Instant at, String answersJson, String hash) {
        jdbc.sql("""
                INSERT INTO wb_answer_save (id, version_id, section, user_id, saved_at, answers, answers_hash)
                VALUES (:id, :v, :section, :u, :at, :answers, :hash)""")
                .param("id", id)
                .param("v", versionId)
                .param("section", section)
                .param("u", userId)
                .param("at", Timestamp.from(at))
                .param("answers", answersJson)
                .param("hash", hash)
                .update();
    }

    /** The version's saves, oldest first. */
    List<AnswerSave> answerSaves(String versionId) {
        return jdbc.sql("SELECT * FROM wb_answer_save WHERE version_id = :v ORDER BY saved_at, id")
                .param("v", versionId)
                .query((rs, row) -> new AnswerSave(
                        rs.getString("section"),
                        rs.getString("user_id"),
                        rs.getTimestamp("saved_at").toInstant(),
                        CanonicalJson.readMap(rs.getString("answers")),
                        rs.getString("answers_hash")))
                .list();
    }

    /** Everyone who saved content of this version (wb_answer_save, and wb_contributor from before V5), in name order. */
    List<String> contributors(String versionId) {
        return jdbc.sql("""
                SELECT user_id FROM wb_answer_save WHERE version_id = :v AND user_id IS NOT NULL
                    AND section NOT IN (:records)
                UNION SELECT user_id FROM wb_contributor WHERE version_id = :v
                ORDER BY user_id""")
                .param("v", versionId)
                .param("records", DecisionRecords.SECTIONS) // the alderman's decision record is no content (ADR 0035)
                .query(String.class)
                .list();
    }

    void insertActionPoint(ActionPoint p) {
        jdbc.sql("""
                INSERT INTO wb_action_point
                    (id, version_id, section, what, owner, due_date, done, done_by, done_at, result, evidence)
                VALUES (:id, :v, :section, :what, :owner, :due, :done, :doneBy, :doneAt, :result, :evidence)""")
                .param("id", p.id())
                .param("done", p.done())
                .param("doneBy", p.doneBy())
                .param("doneAt", p.doneAt() == null ? null : Timestamp.from(p.doneAt()))
                .param("result", p.result())
                .param("evidence", p.evidence())
                .param("v", p.versionId())
                .param("section", p.section())
                .param("what", p.what())
                .param("owner", p.owner())
                .param("due", p.dueDate() == null ? null : java.sql.Date.valueOf(p.dueDate()))
                .update();
    }

    List<ActionPoint> actionPoints(String versionId) {
        return jdbc.sql("SELECT * FROM wb_action_point WHERE version_id = :v ORDER BY section, id")
                .param("v", versionId)
                .query(AssessmentStore::mapActionPoint)
                .list();
    }

    Optional<ActionPoint> actionPoint(String id) {
        return jdbc.sql("SELECT * FROM wb_action_point WHERE id = :id")
                .param("id", id)
                .query(AssessmentStore::mapActionPoint)
                .optional();
    }

    int markActionPointDone(String id, String userId, Instant at, String result, String evidence) {
        return jdbc.sql("""
                        UPDATE wb_action_point SET done = TRUE, done_by = :u, done_at = :at, result = :result,
                            evidence = :evidence WHERE id = :id AND done = FALSE""")
                .param("u", userId)
                .param("result", result)
                .param("evidence", evidence)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static Assessment mapAssessment(ResultSet rs, int row) throws SQLException {
        return new Assessment(
                rs.getString("id"),
                rs.getString("system_id"),
                AssessmentType.valueOf(rs.getString("type")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static VersionRow mapVersion(ResultSet rs, int row) throws SQLException {
        Timestamp frozen = rs.getTimestamp("frozen_at");
        return new VersionRow(
                rs.getString("id"),
                rs.getString("assessment_id"),
                rs.getInt("number"),
                VersionStatus.valueOf(rs.getString("status")),
                rs.getInt("cycle_round"),
                rs.getString("answers"),
                rs.getString("triage"),
                rs.getString("process_instance_id"),
                rs.getString("content_hash"),
                rs.getString("hash_key_id"),
                rs.getString("previous_hash"),
                rs.getTimestamp("created_at").toInstant(),
                frozen == null ? null : frozen.toInstant());
    }

    private static Signature mapSignature(ResultSet rs, int row) throws SQLException {
        return new Signature(
                rs.getString("gate"),
                rs.getString("decision"),
                rs.getString("motivation"),
                rs.getString("conditions"),
                rs.getString("deviation_motivation"),
                rs.getString("user_id"),
                rs.getTimestamp("signed_at").toInstant(),
                rs.getString("answers_hash"),
                rs.getString("signer_name"));
    }

    private static ActionPoint mapActionPoint(ResultSet rs, int row) throws SQLException {
        java.sql.Date due = rs.getDate("due_date");
        Timestamp doneAt = rs.getTimestamp("done_at");
        return new ActionPoint(
                rs.getString("id"),
                rs.getString("version_id"),
                rs.getString("section"),
                rs.getString("what"),
                rs.getString("owner"),
                due == null ? null : due.toLocalDate(),
                rs.getBoolean("done"),
                rs.getString("done_by"),
                doneAt == null ? null : doneAt.toInstant(),
                rs.getString("result"),
                rs.getString("evidence"));
    }

    record VersionRow(
            String id,
            String assessmentId,
            int number,
            VersionStatus status,
            int cycleRound,
            String answersJson,
            String triageJson,
            String processInstanceId,
            String contentHash,
            String hashKeyId,
            String previousHash,
            Instant createdAt,
            Instant frozenAt) {}
}
