package nl.waarborg.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL guards in db/migration/postgresql/V3: frozen versions, signatures and the
 * audit trail cannot be changed or deleted, and an action point may only change its progress.
 * Column positions follow the CREATE TABLE statements in V2.
 */
public class H2ImmutabilityTrigger implements Trigger {

    private static final Set<String> FROZEN = Set.of("APPROVED", "REJECTED", "SUPERSEDED", "WITHDRAWN");

    private String table;

    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        // ALTER TABLE … ADD COLUMN rebuilds the table as a copy and initialises its triggers under the copy's name.
        this.table = tableName.toUpperCase().replaceFirst("_COPY_\\d+_\\d+$", "");
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        switch (table) {
            case "WB_ASSESSMENT_VERSION" -> guardVersion(oldRow, newRow);
            case "WB_ACTION_POINT" -> guardActionPoint(oldRow, newRow);
            default -> throw new SQLException(table + " is append-only: change refused", "23000");
        }
    }

    private static void guardVersion(Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            throw new SQLException("assessment version " + oldRow[0] + " cannot be deleted (Archiefwet)", "23000");
        }
        String oldStatus = String.valueOf(oldRow[3]);
        if (!FROZEN.contains(oldStatus)) {
            return;
        }
        boolean onlySuperseded = "APPROVED".equals(oldStatus) && "SUPERSEDED".equals(newRow[3]);
        for (int i = 0; i < oldRow.length && onlySuperseded; i++) {
            if (i != 3 && !Objects.equals(oldRow[i], newRow[i])) {
                onlySuperseded = false;
            }
        }
        if (!onlySuperseded) {
            throw new SQLException(
                    "assessment version " + oldRow[0] + " is frozen (" + oldStatus + ") and cannot be changed",
                    "23000");
        }
    }

    /** Columns: id, version_id, section, what, owner, due_date | done, done_by, done_at. */
    private static void guardActionPoint(Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            throw new SQLException("action point " + oldRow[0] + " cannot be deleted", "23000");
        }
        for (int i = 0; i <= 5; i++) {
            if (!Objects.equals(oldRow[i], newRow[i])) {
                throw new SQLException(
                        "action point " + oldRow[0] + " is part of a signed version and cannot be changed", "23000");
            }
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public void remove() {
        // nothing to release
    }
}
