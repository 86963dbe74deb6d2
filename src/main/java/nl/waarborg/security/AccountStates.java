package nl.waarborg.security;

import java.util.List;

/**
 * A user's state as the identity store holds it now, read on every request ({@link AccountRecheckFilter}), so that a
 * deactivation or a changed group counts at once, also for a session that began before it. Implemented by the
 * administration, which owns users, groups and deactivations (ADR 0019, 0027).
 */
public interface AccountStates {

    /** Why an account can no longer be used. */
    enum Ended {
        DEACTIVATED,
        DELETED
    }

    /**
     * The user's groups now (all of them, as the engine knows them), or why the account has ended (groups empty); and
     * whether the user must first replace a one-time password an administrator set (ADR 0058).
     */
    record State(List<String> groups, Ended ended, boolean passwordChangeRequired) {

        public static State active(List<String> groups) {
            return active(groups, false);
        }

        public static State active(List<String> groups, boolean passwordChangeRequired) {
            return new State(List.copyOf(groups), null, passwordChangeRequired);
        }

        public static State ended(Ended why) {
            return new State(List.of(), why, false);
        }
    }

    State current(String userId);
}
