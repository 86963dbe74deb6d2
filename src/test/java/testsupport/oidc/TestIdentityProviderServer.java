package testsupport.oidc;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.List;
import nl.waarborg.support.TestIdentityProvider;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The Spring context of {@link TestIdentityProvider}, outside the package nl.waarborg so that Waarborg's component scan
 * never finds it: Spring Authorization Server with OpenID Connect (discovery, JWKs,
 * authorization with its own login page, token, user info, RP-initiated logout) and nothing of Waarborg.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
})
public class TestIdentityProviderServer {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                // The user info endpoint takes the access token.
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService people() {
        return username -> {
            TestIdentityProvider.Person person = TestIdentityProvider.PEOPLE.get(username);
            if (person == null) {
                throw new UsernameNotFoundException(username);
            }
            return User.withUsername(username)
                    .password("{noop}" + person.password())
                    .roles("PERSON")
                    .build();
        };
    }

    /** The one client, built at each look-up so that post-logout redirects added by the tests count at once. */
    @Bean
    RegisteredClientRepository clients() {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                // The provider re-saves a client whose secret encoding it upgrades: this one stays as it is.
            }

            @Override
            public RegisteredClient findById(String id) {
                return TestIdentityProvider.CLIENT_ID.equals(id) ? client() : null;
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return TestIdentityProvider.CLIENT_ID.equals(clientId) ? client() : null;
            }
        };
    }

    private static RegisteredClient client() {
        return RegisteredClient.withId(TestIdentityProvider.CLIENT_ID)
                .clientId(TestIdentityProvider.CLIENT_ID)
                .clientSecret("{noop}" + TestIdentityProvider.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                // Loopback addresses match whatever port Waarborg got.
                .redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
                .redirectUri(TestIdentityProvider.TEST_CALLBACK)
                .postLogoutRedirectUris(uris -> uris.addAll(TestIdentityProvider.POST_LOGOUT_URIS))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .requireProofKey(true)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .build())
                .build();
    }

    /** The person's names, e-mail, login name and groups in the ID token and the access token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            String username = context.getPrincipal().getName();
            TestIdentityProvider.Person person = TestIdentityProvider.PEOPLE.get(username);
            if (person == null) {
                return;
            }
            boolean idToken = "id_token".equals(context.getTokenType().getValue());
            if (idToken || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims()
                        .claim("preferred_username", username)
                        .claim("given_name", person.givenName())
                        .claim("family_name", person.familyName())
                        .claim("email", person.email())
                        .claim("groups", TestIdentityProvider.GROUPS.getOrDefault(username, List.of()));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(TestIdentityProvider.keys());
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }
}
