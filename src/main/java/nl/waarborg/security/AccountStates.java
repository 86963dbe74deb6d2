package nl.waarborg.security;

import java.util.List;
import java.util.Optional;

/**
 * A user's state as the identity store holds it now, read on every request ({@link AccountRecheckFilter}), so that a
 * deactivation or a changed group counts at once, also for a session that began before it. Implemented by the
 * administration, which owns users, groups and deactivations (ADR 0019, 0027).
 */
public interface AccountStates {

    /** The user's groups now (all of them, as the engine knows them); empty when the user is deactivated or deleted. */
    Optional<List<String>> currentGroups(String userId);
}
