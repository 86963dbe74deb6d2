package nl.waarborg.security;

/**
 * Failed logins for one account, aggregated: published for the first failure in a window ({@code locked} false) and
 * once when the account gets locked for a while ({@code locked} true, {@code failures} in the window). Also once when
 * a client address gets locked: then {@code account} is null and {@code failures} counts the address's failures. The audit module
 * records it; {@code address} is the client address of the attempt that triggered the event, {@code cause} why it
 * failed when that is more than a wrong password (a refused single sign-on), else null.
 */
public record LoginAbuse(String account, String address, int failures, boolean locked, String cause) {}
