package nl.waarborg.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with the municipality's OpenID Connect provider (ADR 0025). Off while {@code issuerUri} is blank.
 *
 * @param issuerUri the provider's issuer (its discovery document is {@code issuerUri/.well-known/openid-configuration})
 * @param clientId Waarborg's client id at the provider
 * @param clientSecret its secret (a confidential client; the code flow uses PKCE as well)
 * @param scopes the scopes asked for at login
 * @param userIdClaim the claim that becomes the user id in Waarborg and the engine
 * @param groupsClaim the claim with the provider's groups or roles; a dotted path reads a nested claim
 *     ({@code realm_access.roles})
 * @param groupMapping provider group or role to Waarborg group, as {@code provider=waarborg} entries separated by
 *     commas; a provider group may appear more than once to grant several groups
 * @param audience when set, bearer tokens must name it in {@code aud}
 */
@ConfigurationProperties(prefix = "waarborg.oidc")
public record SingleSignOnProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        List<String> scopes,
        String userIdClaim,
        String groupsClaim,
        String groupMapping,
        String audience) {

    public static final String REGISTRATION_ID = "oidc";

    public SingleSignOnProperties {
        issuerUri = blankToNull(issuerUri);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        userIdClaim = userIdClaim == null || userIdClaim.isBlank() ? "preferred_username" : userIdClaim.trim();
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim.trim();
        audience = blankToNull(audience);
    }

    public boolean enabled() {
        return issuerUri != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
