package nl.waarborg.security;

/**
 * The per-request re-check ({@link AccountRecheckFilter}) refused a request of a user whose account has ended, and
 * ended the request's session if it had one ({@code sessionId}, null without one; whoever records this event records
 * at most a digest of it, never the id). {@code reason} is "deactivated", "deleted" or "login-unknown" (groups changed
 * on a kind of login that cannot be rebuilt).
 */
public record SessionEnded(String userId, String reason, String sessionId, String address, String method, String path) {

    public boolean hadSession() {
        return sessionId != null;
    }
}
