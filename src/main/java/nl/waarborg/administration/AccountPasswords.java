package nl.waarborg.administration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who last set a local account's password through the administration, and whether the owner still has to replace that
 * one-time password (ADR 0058). The administrator stays recorded after the owner's change: whoever once knew the
 * password never gives the account a group with power.
 */
@Component
class AccountPasswords {

    /** The administrator who set the password, when, and whether the owner has not yet chosen their own. */
    record SetPassword(String setBy, Instant setAt, boolean changeRequired) {}

    private final JdbcClient jdbc;

    AccountPasswords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SetPassword> of(String userId) {
        return Optional.ofNullable(of(List.of(userId)).get(userId));
    }

    /** The rows of these users, by user id (users without one are left out). */
    Map<String, SetPassword> of(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, SetPassword> result = new HashMap<>();
        jdbc.sql("SELECT user_id, set_by, set_at, change_required FROM wb_account_password WHERE user_id IN (:ids)")
                .param("ids", userIds)
                .query(rs -> {
                    result.put(
                            rs.getString("user_id"),
                            new SetPassword(
                                    rs.getString("set_by"),
                                    rs.getTimestamp("set_at").toInstant(),
                                    rs.getBoolean("change_required")));
                });
        return result;
    }

    /** The administrator set a one-time password: the owner replaces it at their next login. */
    void setByAdministrator(String userId, String administrator) {
        forget(userId);
        jdbc.sql("INSERT INTO wb_account_password (user_id, set_by, set_at, change_required)"
                        + " VALUES (:user, :by, :at, TRUE)")
                .param("user", userId)
                .param("by", administrator)
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }

    /** The owner chose their own password; true when it replaced a one-time password. */
    boolean chosenByOwner(String userId) {
        return jdbc.sql("UPDATE wb_account_password SET change_required = FALSE"
                                + " WHERE user_id = :user AND change_required = TRUE")
                        .param("user", userId)
                        .update()
                > 0;
    }

    void forget(String userId) {
        jdbc.sql("DELETE FROM wb_account_password WHERE user_id = :user")
                .param("user", userId)
                .update();
    }
}
