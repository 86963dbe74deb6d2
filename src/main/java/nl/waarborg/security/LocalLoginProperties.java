package nl.waarborg.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Logins with a password kept in the engine's identity store (ADR 0025).
 *
 * @param localAccounts whether people log in with a local password on the login page and over HTTP Basic; the demo
 *     sets it, production sets it only when there is no identity provider or as a break-glass
 * @param serviceAccounts local accounts that may use HTTP Basic on /api and /engine-rest while local accounts are off
 *     (scripts and integrations without a token)
 */
@ConfigurationProperties(prefix = "waarborg.login")
public record LocalLoginProperties(Boolean localAccounts, List<String> serviceAccounts) {

    public LocalLoginProperties {
        serviceAccounts = serviceAccounts == null
                ? List.of()
                : serviceAccounts.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::trim)
                        .toList();
    }

    public boolean enabled() {
        return Boolean.TRUE.equals(localAccounts);
    }

    /** Whether this account may log in with its password: any one with local accounts on, else a service account. */
    public boolean allowsBasic(String userId) {
        return enabled() || serviceAccounts.contains(userId);
    }
}
