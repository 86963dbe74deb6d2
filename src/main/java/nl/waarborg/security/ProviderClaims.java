package nl.waarborg.security;

import java.util.Map;

/** Reads a single sign-on user from a token's claims: id, names, e-mail and the mapped groups (ADR 0025). */
final class ProviderClaims {

    private final SingleSignOnProperties properties;
    private final GroupMapping mapping;

    ProviderClaims(SingleSignOnProperties properties, GroupMapping mapping) {
        this.properties = properties;
        this.mapping = mapping;
    }

    SsoUser user(Map<String, Object> claims, String issuer) {
        String id = text(GroupMapping.claim(claims, properties.userIdClaim()));
        String first = text(claims.get("given_name"));
        String last = text(claims.get("family_name"));
        String name = text(claims.get("name"));
        if (first == null && last == null && name != null) {
            int space = name.lastIndexOf(' ');
            first = space < 0 ? name : name.substring(0, space);
            last = space < 0 ? null : name.substring(space + 1);
        }
        return new SsoUser(
                id,
                first,
                last,
                text(claims.get("email")),
                mapping.groups(GroupMapping.claim(claims, properties.groupsClaim())),
                issuer,
                text(claims.get("sub")));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().trim();
    }
}
