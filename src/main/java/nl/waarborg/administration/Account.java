package nl.waarborg.administration;

import java.time.Instant;
import java.util.List;

/**
 * A user as the administration shows it: profile, Waarborg groups, whether an administrator deactivated the account
 * (when and why), whether logins are locked for a while after failed attempts (on any node), and which administrator
 * last set the password and whether the owner has yet to replace it (ADR 0058; null and false: nobody did).
 */
public record Account(
        String id,
        String firstName,
        String lastName,
        String email,
        List<String> groups,
        boolean deactivated,
        Instant deactivatedAt,
        String deactivationReason,
        boolean loginLocked,
        String passwordSetBy,
        boolean passwordChangeRequired) {

    /** One page of users, ordered by id. */
    public record Page(long total, int limit, int offset, List<Account> users) {}

    /** A new user: profile, first password (the password policy holds), groups and why. */
    public record New(
            String id,
            String firstName,
            String lastName,
            String email,
            String password,
            List<String> groups,
            String reason) {}

    public record ProfileChange(String firstName, String lastName, String email, String reason) {}

    public record PasswordReset(String password, String reason) {}

    /** Why a change is made; recorded with it in the audit trail. */
    public record Reason(String reason) {}
}
