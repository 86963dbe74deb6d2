package nl.waarborg.publication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL function in db/migration/postgresql/V13_6 (ADR 0034): a register entry version is
 * never deleted, its text, editor and creation never change, and its status only moves DRAFT → APPROVED (with the
 * approver), DRAFT → SUPERSEDED and APPROVED → SUPERSEDED. Columns as in V12_3: id, system_id, number, status, entry,
 * edited_by, created_at, approved_by, approved_at.
 */
public class H2RegisterEntryGuard implements Trigger {

    private static final int STATUS = 3;
    private static final int APPROVED_BY = 7;
    private static final int APPROVED_AT = 8;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {
        // no state
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            throw new SQLException("register entry version " + oldRow[0] + " cannot be deleted (Archiefwet)", "23000");
        }
        if (!allowed(oldRow, newRow)) {
            throw new SQLException(
                    "register entry version " + oldRow[0] + " (" + oldRow[STATUS] + ") cannot be changed this way: its"
                            + " text never changes and its status only moves DRAFT -> APPROVED or SUPERSEDED,"
                            + " APPROVED -> SUPERSEDED",
                    "23000");
        }
    }

    static boolean allowed(Object[] oldRow, Object[] newRow) {
        for (int i = 0; i < STATUS + 4; i++) {
            if (i != STATUS && !Objects.equals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        String from = String.valueOf(oldRow[STATUS]);
        String to = String.valueOf(newRow[STATUS]);
        boolean approverKept = Objects.equals(oldRow[APPROVED_BY], newRow[APPROVED_BY])
                && Objects.equals(oldRow[APPROVED_AT], newRow[APPROVED_AT]);
        if ("DRAFT".equals(from) && "APPROVED".equals(to)) {
            return oldRow[APPROVED_BY] == null && newRow[APPROVED_BY] != null && newRow[APPROVED_AT] != null;
        }
        if ("DRAFT".equals(from) && "SUPERSEDED".equals(to)) {
            return newRow[APPROVED_BY] == null && newRow[APPROVED_AT] == null;
        }
        return "APPROVED".equals(from) && "SUPERSEDED".equals(to) && approverKept;
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
