package nl.waarborg.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * OpenID Connect login (authorization code with PKCE) and bearer tokens from the same provider, wired into the one
 * security filter chain when {@code waarborg.oidc.issuer-uri} is set (ADR 0025). The provider's discovery document is
 * read at the first login or token, not at start-up, so Waarborg starts while the provider is unreachable.
 */
final class SingleSignOn {

    static final String LOGIN_PATH = "/oauth2/authorization/" + SingleSignOnProperties.REGISTRATION_ID;

    private final SingleSignOnProperties properties;
    private final SsoLogins logins;
    private final LoginThrottle throttle;
    private final ClientRegistrationRepository registrations;

    SingleSignOn(SingleSignOnProperties properties, SsoAccountSync sync, LoginThrottle throttle) {
        this.properties = properties;
        this.throttle = throttle;
        this.logins =
                new SsoLogins(new ProviderClaims(properties, GroupMapping.parse(properties.groupMapping())), sync);
        this.registrations = new DiscoveredRegistration(properties);
    }

    void apply(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
        http.addFilterBefore(new SsoAddressGuard(throttle), OAuth2AuthorizationRequestRedirectFilter.class);
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(logins.oidcUserService()))
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> {
                            String[] failure = SsoLogins.failure(e);
                            throttle.failed(failure[0], request.getRemoteAddr(), "single sign-on: " + failure[1]);
                            response.sendRedirect(request.getContextPath() + "/login?ssoError");
                        }))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(countingRefusals(apiEntryPoint))
                        .jwt(jwt -> jwt.decoder(jwtDecoder()).jwtAuthenticationConverter(logins::bearer)));
    }

    /**
     * A bearer token that Waarborg refused after the provider's checks (a deactivated user, a local account's id …)
     * counts as a failed login of that account from the request's address, as a refusal at the browser's callback does.
     */
    private AuthenticationEntryPoint countingRefusals(AuthenticationEntryPoint entryPoint) {
        return (request, response, e) -> {
            if (e instanceof SsoLoginRefusedException) {
                String[] failure = SsoLogins.failure(e);
                throttle.failed(failure[0], request.getRemoteAddr(), "single sign-on (bearer token): " + failure[1]);
            }
            entryPoint.commence(request, response, e);
        };
    }

    /** The provider's origin (scheme, host and port), which Waarborg's pages may send a form to: the logout. */
    String origin() {
        URI issuer = URI.create(properties.issuerUri());
        return issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
    }

    /** RP-initiated logout: a single sign-on session ends at the provider too, then comes back to the login page. */
    LogoutSuccessHandler logoutSuccessHandler() {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        handler.setDefaultTargetUrl("/login?logout");
        return handler;
    }

    private JwtDecoder jwtDecoder() {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
            if (properties.audience() != null) {
                validators.add(new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            return decoder;
        });
    }

    /** The one client registration, read from the provider's discovery document when first needed, then kept. */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {

        private final SingleSignOnProperties properties;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(SingleSignOnProperties properties) {
            this.properties = properties;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!SingleSignOnProperties.REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration known = registration;
            if (known == null) {
                known = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                        .registrationId(SingleSignOnProperties.REGISTRATION_ID)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .scope(properties.scopes())
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .userNameAttributeName("sub")
                        .build();
                registration = known;
            }
            return known;
        }
    }
}
