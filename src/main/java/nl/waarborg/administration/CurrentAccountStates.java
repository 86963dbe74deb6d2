package nl.waarborg.administration;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.engine.EngineTables;
import nl.waarborg.security.AccountStates;
import nl.waarborg.security.AccountStates.Ended;
import nl.waarborg.security.AccountStates.State;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The user's state for the per-request re-check, in one statement: the identity store's user, their memberships,
 * Waarborg's deactivation row and whether a one-time password waits to be replaced. No row: the user was deleted.
 */
@Component
class CurrentAccountStates implements AccountStates {

    private final JdbcClient jdbc;
    private final String sql;

    CurrentAccountStates(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        String prefix = EngineTables.prefix(engine);
        this.sql =
                "SELECT m.GROUP_ID_ AS group_id, d.user_id AS deactivated, p.change_required AS change_required FROM "
                        + prefix + "ACT_ID_USER u"
                        + " LEFT JOIN " + prefix + "ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_"
                        + " LEFT JOIN wb_account_deactivation d ON d.user_id = u.ID_"
                        + " LEFT JOIN wb_account_password p ON p.user_id = u.ID_ WHERE u.ID_ = :id";
    }

    @Override
    public State current(String userId) {
        if (userId == null || userId.length() > AccountRules.MAX_ID) {
            return State.ended(Ended.DELETED);
        }
        List<String[]> rows = jdbc.sql(sql)
                .param("id", userId)
                .query((rs, row) -> new String[] {
                    rs.getString("group_id"),
                    rs.getString("deactivated"),
                    String.valueOf(rs.getBoolean("change_required"))
                })
                .list();
        if (rows.isEmpty()) {
            return State.ended(Ended.DELETED);
        }
        if (rows.stream().anyMatch(r -> r[1] != null)) {
            return State.ended(Ended.DEACTIVATED);
        }
        List<String> groups = new ArrayList<>();
        rows.stream().map(r -> r[0]).filter(g -> g != null).sorted().forEach(groups::add);
        return State.active(groups, Boolean.parseBoolean(rows.get(0)[2]));
    }
}
