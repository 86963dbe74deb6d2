package nl.waarborg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What happens when the identity provider vouches for someone (ADR 0025): at a browser login (an ID token) and for a
 * bearer token on /api and /engine-rest. Both map the token's groups and bring the user into the identity store through
 * {@link SsoAccountSync}; the Spring Security principal's name is the Waarborg user id and its authorities are exactly
 * the mapped groups, as for a local login. The login throttle is {@link SingleSignOn}'s, which has the request.
 */
final class SsoLogins {

    /** A bearer token's user is synchronised again after this long, or at once when the token's data changes. */
    static final Duration BEARER_RESYNC = Duration.ofMinutes(1);

    private static final int MAX_BEARER_USERS = 10_000;

    private final ProviderClaims claims;
    private final SsoAccountSync sync;
    private final Clock clock;
    private final Map<SsoUser, Instant> bearerSynced = new ConcurrentHashMap<>();

    SsoLogins(ProviderClaims claims, SsoAccountSync sync) {
        this(claims, sync, Clock.systemUTC());
    }

    SsoLogins(ProviderClaims claims, SsoAccountSync sync, Clock clock) {
        this.claims = claims;
        this.sync = sync;
        this.clock = clock;
    }

    /** The login's user service: the provider's user, then Waarborg's checks and the synchronisation. */
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser oidcUser = provider.loadUser(request);
            SsoUser user = claims.user(
                    oidcUser.getClaims(),
                    request.getClientRegistration().getProviderDetails().getIssuerUri());
            synchronise(user, "access_denied");
            return new NamedOidcUser(
                    user.id(),
                    user.groups().stream().map(SimpleGrantedAuthority::new).toList(),
                    oidcUser.getIdToken(),
                    oidcUser.getUserInfo());
        };
    }

    /**
     * A bearer token as an authentication: the Waarborg user id and groups, the user synchronised at most each minute
     * (at once when the token's content changed). A token that Waarborg refuses (a deactivated user, a local account's
     * id …) throws {@link SsoLoginRefusedException}, which {@link SingleSignOn} counts as a failed login.
     */
    JwtAuthenticationToken bearer(Jwt jwt) {
        SsoUser user = claims.user(
                jwt.getClaims(),
                jwt.getIssuer() == null ? null : jwt.getIssuer().toString());
        Instant now = clock.instant();
        Instant synced = bearerSynced.get(user);
        if (synced == null || !now.isBefore(synced.plus(BEARER_RESYNC))) {
            synchronise(user, "invalid_token");
            if (bearerSynced.size() >= MAX_BEARER_USERS) {
                bearerSynced.clear();
            }
            bearerSynced.put(user, now);
        }
        return new JwtAuthenticationToken(
                jwt, user.groups().stream().map(SimpleGrantedAuthority::new).toList(), user.id());
    }

    private void synchronise(SsoUser user, String errorCode) {
        if (user.id() == null) {
            throw new SsoLoginRefusedException(errorCode, null, "The token has no user id claim.");
        }
        try {
            sync.synchronise(user);
        } catch (SsoAccountSync.Refused e) {
            throw new SsoLoginRefusedException(errorCode, user.id(), e.getMessage());
        }
    }

    /** A failed login at the callback, for the throttle and the audit trail: the account if known, and the cause. */
    static String[] failure(Exception e) {
        String account = e instanceof SsoLoginRefusedException refused && refused.account() != null
                ? refused.account()
                : "(single sign-on)";
        String cause = e instanceof OAuth2AuthenticationException oauth
                ? describe(oauth.getError())
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new String[] {account, cause};
    }

    static String describe(OAuth2Error error) {
        return error.getDescription() == null
                ? error.getErrorCode()
                : error.getErrorCode() + ": " + error.getDescription();
    }

    /** The provider's user under its Waarborg id (the principal name that Camunda's webapps and the engine see). */
    static final class NamedOidcUser extends DefaultOidcUser {

        private final String name;

        NamedOidcUser(
                String name,
                Collection<? extends GrantedAuthority> groups,
                OidcIdToken idToken,
                OidcUserInfo userInfo) {
            super(groups, idToken, userInfo, "sub");
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NamedOidcUser named && named.name.equals(name) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + name.hashCode();
        }
    }
}
