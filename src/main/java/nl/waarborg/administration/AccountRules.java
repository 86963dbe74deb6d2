package nl.waarborg.administration;

import static nl.waarborg.administration.AdministrationRefusal.Code.*;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import nl.waarborg.identity.Groups;
import nl.waarborg.identity.WaarborgPasswordPolicy;
import nl.waarborg.shared.ProblemStatus;
import nl.waarborg.shared.TextInput;

/**
 * The rules of account administration (ADR 0019) as plain checks: each returns the cleaned value or throws an
 * {@link AdministrationRefusal} that names the field.
 */
final class AccountRules {

    static final int MAX_ID = 64;
    static final int MAX_TEXT = 255;

    /** Camunda's own pattern for ids (see WorkflowEngineConfiguration), which the identity store enforces too. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The reviewer groups: their members advise or decide at the gates. */
    static final List<String> REVIEWERS = List.of(Groups.PRIVACY_OFFICER, Groups.ETHICS_COMMITTEE, Groups.ALDERMAN);

    /**
     * The groups with power over an assessment or over accounts (ADR 0058): the reviewer groups and the mayor decide at
     * the gates, an administrator gives groups. Whoever set an account's password gives it none of these.
     */
    static final List<String> POWERS =
            List.of(Groups.PRIVACY_OFFICER, Groups.ETHICS_COMMITTEE, Groups.ALDERMAN, Groups.MAYOR, Groups.ADMIN);

    private static final WaarborgPasswordPolicy POLICY = new WaarborgPasswordPolicy();

    private AccountRules() {}

    static String userId(String id) {
        if (id == null || id.length() > MAX_ID || !ID.matcher(id).matches()) {
            throw new AdministrationRefusal(
                    ID_INVALID,
                    "Field 'id' must be 1 to " + MAX_ID + " letters, digits, '.', '_' or '-', starting with a letter"
                            + " or digit.");
        }
        return id;
    }

    static String firstName(String name) {
        return text(name, FIRST_NAME_INVALID, "firstName");
    }

    static String lastName(String name) {
        return text(name, LAST_NAME_INVALID, "lastName");
    }

    static String email(String email) {
        if (email == null
                || email.length() > MAX_TEXT
                || !EMAIL.matcher(email.trim()).matches()) {
            throw new AdministrationRefusal(
                    EMAIL_INVALID, "Field 'email' must be an e-mail address of at most " + MAX_TEXT + " characters.");
        }
        return email.trim();
    }

    static String password(String password, String userId) {
        if (!POLICY.accepts(password, userId)) {
            throw new AdministrationRefusal(PASSWORD_POLICY, ProblemStatus.PASSWORD_POLICY);
        }
        return password;
    }

    static String group(String group) {
        if (group == null || !Groups.ALL.contains(group)) {
            throw new AdministrationRefusal(
                    UNKNOWN_GROUP,
                    "Field 'groupId' must be one of Waarborg's groups: " + String.join(", ", Groups.ALL));
        }
        return group;
    }

    static String account(String account) {
        if (account == null || account.isBlank() || account.length() > MAX_ID) {
            throw new AdministrationRefusal(
                    ACCOUNT_INVALID, "Field 'account' must be a login name of 1 to " + MAX_ID + " characters.");
        }
        return account.trim();
    }

    /** Nobody grants themself a group: another administrator does, and it is recorded (segregation of duties). */
    static void notSelf(String actor, String target) {
        if (actor != null && actor.equals(target)) {
            throw new AdministrationRefusal(
                    SELF_GRANT,
                    "An administrator does not add themself to a group; another administrator does, and it is"
                            + " recorded.");
        }
    }

    /** The groups among these that carry power (sorted), which a password set by an administrator takes away. */
    static List<String> powers(Collection<String> groups) {
        return groups.stream().filter(POWERS::contains).sorted().toList();
    }

    /**
     * The administrator who set an account's password (creating it, or resetting it) knows it, so they give it no
     * group with power: another administrator does, after the owner chose their own password (ADR 0058).
     */
    static void notSetterOfPassword(String actor, String passwordSetBy, Collection<String> groups) {
        if (actor != null && actor.equals(passwordSetBy) && !powers(groups).isEmpty()) {
            throw new AdministrationRefusal(
                    PASSWORD_SETTER,
                    "You set this user's password, so you do not give them the groups " + powers(groups)
                            + ": another administrator does (segregation of duties, ADR 0058).");
        }
    }

    /** An administrator changes their own password themself, not through the administration. */
    static void notOwnPassword(String actor, String target) {
        if (actor != null && actor.equals(target)) {
            throw new AdministrationRefusal(
                    OWN_PASSWORD,
                    "An administrator does not reset their own password: change it under POST /api/me/password.");
        }
    }

    /** A single sign-on user keeps their password at the provider; a local one would be a second way in. */
    static void notSingleSignOn(boolean singleSignOn) {
        if (singleSignOn) {
            throw new AdministrationRefusal(
                    SINGLE_SIGN_ON_ACCOUNT,
                    "This user logs in through single sign-on; their password is kept by the identity provider.");
        }
    }

    /**
     * An id that belongs to a person at the single sign-on provider stays theirs after a deletion: a local account
     * under it, with a password its creator knows, would get the provider's groups at the person's next login.
     */
    static void notASingleSignOnId(boolean linked, String id) {
        if (linked) {
            throw new AdministrationRefusal(
                    SINGLE_SIGN_ON_ACCOUNT,
                    "User id '" + id + "' belongs to a person at the identity provider (single sign-on); it is not"
                            + " given to a local account.");
        }
    }

    /** Refuses a change that would take away the last member of group admin. */
    static void anAdministratorRemains(boolean targetIsAdministrator, long administrators) {
        if (targetIsAdministrator && administrators <= 1) {
            throw new AdministrationRefusal(
                    LAST_ADMIN,
                    "This is the last administrator: make someone else an administrator first, so that Waarborg"
                            + " keeps one.");
        }
    }

    /** Whether these groups make one person both administrator and reviewer: allowed, but flagged in the audit trail. */
    static boolean combinesAdministrationAndReview(Collection<String> groups) {
        return groups.contains(Groups.ADMIN) && groups.stream().anyMatch(REVIEWERS::contains);
    }

    private static String text(String value, AdministrationRefusal.Code code, String field) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new AdministrationRefusal(
                    code, "Field '" + field + "' is required and at most " + MAX_TEXT + " characters.");
        }
        if (TextInput.firstLineBreak(value) >= 0) {
            // Quoted in every e-mail to the person and in decision mails: a line break would add lines of its own.
            throw new AdministrationRefusal(code, "Field '" + field + "' is one line: no line breaks or tabs.");
        }
        return value.trim();
    }
}
