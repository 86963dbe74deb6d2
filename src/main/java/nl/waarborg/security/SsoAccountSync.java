package nl.waarborg.security;

/**
 * Brings a single sign-on user into the engine's identity store at login (and for a bearer token): creates or updates
 * them and sets their Waarborg groups to exactly those of the token, audited. Implemented by the administration, which
 * owns changes of users and groups (ADR 0019, 0025).
 */
public interface SsoAccountSync {

    /** Throws {@link Refused} when the user may not log in (deactivated, an id taken by a local account …). */
    void synchronise(SsoUser user);

    /** Why a single sign-on user is refused; the message is recorded with the failed login. */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
