package nl.waarborg.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-only checks on the shared database after the runs: each counts anomalies, so every figure must be zero.
 * They cover the IAMA instances the clients drove (top-level iama instances) and every assessment in the database.
 * {@link #integrity} holds the checks that apply to any database, whatever drove it (also the reliability suite's
 * node kill, docs/reliability.md).
 */
public final class Anomalies {

    private Anomalies() {}

    static Map<String, Long> check(JdbcClient jdbc, long cyclesCompleted, List<String> dueTimerJobs) {
        Map<String, Long> found = new LinkedHashMap<>();
        // A task completed twice: a task definition that ran more than once in a driven instance (the happy path has
        // each once); the driven instances all ended; one frozen version and one ended instance per completed cycle.
        found.put("tasksCompletedTwice", count(jdbc, """
                SELECT COUNT(*) FROM (SELECT t.proc_inst_id_, t.task_def_key_ FROM act_hi_taskinst t
                  JOIN act_hi_procinst p ON p.proc_inst_id_ = t.proc_inst_id_
                  WHERE p.proc_def_key_ = 'iama' AND p.super_process_instance_id_ IS NULL
                  GROUP BY t.proc_inst_id_, t.task_def_key_ HAVING COUNT(*) > 1) x"""));
        found.put("drivenInstancesNotEnded", count(jdbc, """
                SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'iama' AND super_process_instance_id_ IS NULL
                  AND (end_time_ IS NULL OR state_ <> 'COMPLETED')"""));
        long frozen =
                count(jdbc, "SELECT COUNT(*) FROM wb_assessment_version WHERE status IN ('APPROVED', 'SUPERSEDED')");
        found.put("frozenVersionsLostOrExtra", Math.abs(frozen - cyclesCompleted));
        long ended = count(jdbc, """
                SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'iama' AND super_process_instance_id_ IS NULL
                  AND state_ = 'COMPLETED'""");
        found.put("cyclesLostOrExtra", Math.abs(ended - cyclesCompleted));
        found.putAll(integrity(jdbc, dueTimerJobs));
        return found;
    }

    /**
     * Checks that hold for every database, whatever drove it: no task completion logged twice, no gate signed twice on
     * one version, version numbers without gaps or doubles, at most one approval per assessment and round, no version
     * half-frozen (frozen without its hash or time, or a hash on a version that is not frozen), and each of the given
     * due timer jobs run exactly once with exactly one escalation in the audit trail.
     */
    public static Map<String, Long> integrity(JdbcClient jdbc, List<String> dueTimerJobs) {
        Map<String, Long> found = new LinkedHashMap<>();
        found.put("completionsLoggedTwice", count(jdbc, """
                SELECT COUNT(*) FROM (SELECT task_id_ FROM act_hi_op_log WHERE operation_type_ = 'Complete' AND entity_type_ = 'Task'
                  GROUP BY task_id_ HAVING COUNT(*) > 1) x"""));
        found.put("gatesSignedTwice", count(jdbc, """
                SELECT COUNT(*) FROM (SELECT version_id, gate FROM wb_signature GROUP BY version_id, gate HAVING COUNT(*) > 1) x"""));
        // Versions: numbered 1..n without gaps per assessment, one APPROVED at most per assessment, at most one frozen
        // (approved or since superseded) per round.
        found.put("versionNumberGapsOrDoubles", count(jdbc, """
                SELECT COUNT(*) FROM (SELECT assessment_id FROM wb_assessment_version GROUP BY assessment_id
                  HAVING MIN(number) <> 1 OR MAX(number) <> COUNT(*) OR COUNT(DISTINCT number) <> COUNT(*)) x"""));
        found.put("assessmentsWithTwoApproved", count(jdbc, """
                SELECT COUNT(*) FROM (SELECT assessment_id FROM wb_assessment_version WHERE status = 'APPROVED'
                  GROUP BY assessment_id HAVING COUNT(*) > 1) x"""));
        found.put("roundsWithTwoApprovals", count(jdbc, """
                SELECT COUNT(*) FROM (SELECT assessment_id, cycle_round FROM wb_assessment_version
                  WHERE status IN ('APPROVED', 'SUPERSEDED') GROUP BY assessment_id, cycle_round HAVING COUNT(*) > 1) x"""));
        found.put("versionsHalfFrozen", count(jdbc, """
                SELECT COUNT(*) FROM wb_assessment_version
                  WHERE (status IN ('APPROVED', 'REJECTED', 'SUPERSEDED') AND (content_hash IS NULL OR frozen_at IS NULL))
                     OR (status NOT IN ('APPROVED', 'REJECTED', 'SUPERSEDED') AND content_hash IS NOT NULL)"""));
        // Jobs: each timer made due ran exactly once (one successful job log entry, one escalation in the audit trail).
        long ranTwice = 0;
        long notRun = 0;
        for (String job : dueTimerJobs) {
            long successes = jdbc.sql("SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = :job AND job_state_ = 2")
                    .param("job", job)
                    .query(Long.class)
                    .single();
            ranTwice += successes > 1 ? 1 : 0;
            notRun += successes == 0 ? 1 : 0;
        }
        found.put("jobsRanTwice", ranTwice);
        found.put("dueJobsNotRun", notRun);
        found.put("escalationsRecordedTwice", count(jdbc, """
                SELECT COUNT(*) FROM (SELECT details FROM wb_audit_event WHERE action = 'GATE_OVERDUE'
                  GROUP BY details HAVING COUNT(*) > 1) x"""));
        long escalations = count(jdbc, "SELECT COUNT(*) FROM wb_audit_event WHERE action = 'GATE_OVERDUE'");
        found.put("escalationsLostOrExtra", Math.abs(escalations - dueTimerJobs.size()));
        return found;
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
