package nl.waarborg.security;

import java.util.List;

/**
 * A login refused because the throttle holds a lock (ADR 0050), published at most once per lock of each key on any
 * node: {@code lockedBy} names the locks this refusal is the first one of ("account", "address"). {@code typed} is the
 * name as typed ({@code account} as the throttle counts it, lower case), both null for a single sign-on refused by its
 * address; {@code via} is "password" or "single sign-on". Never a password.
 */
public record LoginThrottled(
        String account, String typed, String address, List<String> lockedBy, long retryAfterSeconds, String via) {}
