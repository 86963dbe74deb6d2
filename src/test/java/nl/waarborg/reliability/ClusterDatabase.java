package nl.waarborg.reliability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the node-kill test reads and sets in the shared PostgreSQL database directly: the gate timers it makes due
 * (time passing), which node holds which job (through the transaction that is running the job), the audit head row
 * it holds to stop every audited transaction just before its commit, and the rows the checker compares with what the
 * clients saw acknowledged. Each node connects with its name as PostgreSQL application_name.
 */
final class ClusterDatabase implements AutoCloseable {

    private final StoppablePostgres postgres;
    private final String database;
    private final Connection connection;
    private Connection holder;

    ClusterDatabase(StoppablePostgres postgres, String database) throws SQLException {
        this.postgres = postgres;
        this.database = database;
        this.connection = postgres.connect(database);
        connection.setAutoCommit(true);
    }

    /** Makes the service-level timers of the given systems' gates due now; returns their job ids. */
    List<String> makeGateTimersDue(Collection<String> systemIds) throws SQLException {
        List<String> jobs = strings("""
                SELECT j.id_ FROM act_ru_job j
                  JOIN wb_assessment_version v ON v.process_instance_id = j.process_instance_id_
                  JOIN wb_assessment a ON a.id = v.assessment_id
                  WHERE j.type_ = 'timer' AND a.system_id = ANY(?)""", systemIds);
        try (PreparedStatement due = connection.prepareStatement(
                "UPDATE act_ru_job SET duedate_ = TIMESTAMP '2000-01-01 00:00:00' WHERE id_ = ANY(?)")) {
            due.setArray(1, array(jobs));
            due.executeUpdate();
        }
        return jobs;
    }

    /**
     * The lock owner of each node that is running one of the jobs now: the job's row is deleted, uncommitted, by a
     * transaction of that node's connection (its application_name).
     */
    Map<String, String> lockOwnersByNode(Collection<String> jobs) throws SQLException {
        Map<String, String> owners = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT DISTINCT a.application_name, j.lock_owner_ FROM act_ru_job j
                  JOIN pg_stat_activity a ON a.backend_xid = j.xmax
                  WHERE j.id_ = ANY(?) AND j.lock_owner_ IS NOT NULL""")) {
            query.setArray(1, array(jobs));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return owners;
    }

    /** The jobs of the given ones that are still there, locked by this owner or not. */
    List<String> openJobs(Collection<String> jobs, String lockOwner) throws SQLException {
        return strings(
                "SELECT id_ FROM act_ru_job WHERE id_ = ANY(?)"
                        + (lockOwner == null ? "" : " AND lock_owner_ = '" + lockOwner.replace("'", "") + "'"),
                jobs);
    }

    /** The jobs as the database has them, for a failure message. */
    List<String> describe(Collection<String> jobs) throws SQLException {
        return strings(
                "SELECT id_ || ' owner ' || coalesce(lock_owner_, '-') || ' due ' || duedate_ || ' xmax ' || xmax"
                        + " FROM act_ru_job WHERE id_ = ANY(?)",
                jobs);
    }

    /** Due jobs that no node has taken yet. */
    long dueUnlocked(Collection<String> jobs) throws SQLException {
        return strings("SELECT id_ FROM act_ru_job WHERE id_ = ANY(?) AND lock_owner_ IS NULL", jobs)
                .size();
    }

    /** The node (engine host name) that ran each job successfully, one entry per success. */
    List<String> successfulRuns(String job) throws SQLException {
        return strings("SELECT hostname_ FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ = ANY(?)", List.of(job));
    }

    /** Connections of a node that wait for a lock (its job threads and writes held at the audit head). */
    long waitingConnections(String node) throws SQLException {
        return strings(
                        "SELECT pid::text FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = ANY(?)",
                        List.of(node))
                .size();
    }

    /** Locks the audit head row: every audited transaction of every node waits just before its commit. */
    void holdAuditHead() throws SQLException {
        holder = postgres.connect(database);
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("SELECT last_seq FROM wb_audit_head WHERE id = 1 FOR UPDATE");
        }
    }

    void releaseAuditHead() throws SQLException {
        holder.rollback();
        holder.close();
        holder = null;
    }

    List<String> strings(String sql, Collection<String> values) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (values != null) {
                query.setArray(1, array(values));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
        }
        return result;
    }

    long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Array array(Collection<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray());
    }

    @Override
    public void close() throws SQLException {
        if (holder != null) {
            releaseAuditHead();
        }
        connection.close();
    }
}
