package nl.waarborg.security;

import java.util.List;

/**
 * A person as the identity provider's token describes them, with Waarborg's groups already mapped (ADR 0025). Names and
 * e-mail may be null when the provider does not send them.
 */
public record SsoUser(
        String id,
        String firstName,
        String lastName,
        String email,
        List<String> groups,
        String issuer,
        String subject) {}
