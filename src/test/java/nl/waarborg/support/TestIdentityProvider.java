package nl.waarborg.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import testsupport.oidc.TestIdentityProviderServer;

/**
 * A real OpenID provider for the single sign-on tests: Spring Authorization Server in its own small Spring context on a
 * random port of localhost (see {@link TestIdentityProviderServer}), started once per JVM. It knows the people the
 * tests add (login name, password, names, e-mail, groups in the {@code groups} claim, which the tests may change between
 * two logins), one confidential client {@value #CLIENT_ID}, and signs with a key the tests can also use to make an
 * expired token. Waarborg is reached as 127.0.0.1 in these tests: the provider refuses "localhost" in redirect URIs,
 * and the two hosts keep the cookies of provider and Waarborg apart.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "waarborg";
    public static final String CLIENT_SECRET = "waarborg-test-client-secret";

    /** Provider groups to Waarborg groups, as the tests' settings map them. */
    public static final String GROUP_MAPPING = "fg-team=privacy-officer;ethiek=ethics-committee;/projecten/leiders="
            + "project-lead;3f6c1c3e-beheer=admin;managers=manager;college=alderman";

    /** A redirect URI of the tests' own token requests (the code is read from the redirect, which nobody follows). */
    public static final String TEST_CALLBACK = "http://127.0.0.1/test-callback";

    /** A person at the provider. */
    public record Person(String username, String password, String givenName, String familyName, String email) {}

    public static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
    public static final Map<String, List<String>> GROUPS = new ConcurrentHashMap<>();
    public static final Set<String> POST_LOGOUT_URIS = ConcurrentHashMap.newKeySet();
    static final RSAKey KEY = newKey();

    private static volatile TestIdentityProvider running;

    private final String issuer;

    private TestIdentityProvider(int port) {
        this.issuer = "http://localhost:" + port;
    }

    public static synchronized TestIdentityProvider start() {
        if (running == null) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TestIdentityProviderServer.class)
                    .properties(
                            "spring.config.name=test-identity-provider",
                            "server.port=0",
                            "server.servlet.session.cookie.name=PROVIDERSESSION",
                            "spring.main.banner-mode=off",
                            TestIdentityProviderInitializer.PROVIDER_CONTEXT + "=true",
                            TestDatabaseInitializer.KEEP_DATASOURCE + "=true")
                    .run();
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            running = new TestIdentityProvider(port);
        }
        return running;
    }

    public String issuer() {
        return issuer;
    }

    /** Adds a person, or changes their groups (the next token carries the new ones). */
    public Person person(String username, String givenName, String familyName, List<String> groups) {
        Person person = PEOPLE.computeIfAbsent(
                username,
                u -> new Person(
                        u, "pw-" + u + "-" + UUID.randomUUID(), givenName, familyName, u + "@gemeente.example"));
        GROUPS.put(username, List.copyOf(groups));
        return person;
    }

    public void groups(String username, List<String> groups) {
        GROUPS.put(username, List.copyOf(groups));
    }

    /** Lets the provider send a browser back to this Waarborg after a logout there (exact match, as at a real one). */
    public void allowPostLogoutRedirect(String uri) {
        POST_LOGOUT_URIS.add(uri);
    }

    /**
     * Logs in at Waarborg through the provider's login page (the code flow with PKCE that Waarborg starts); answers the
     * last page and keeps the session in {@code waarborg}.
     */
    public HttpResponse<String> loginAtWaarborg(Http waarborg, Person person) {
        HttpResponse<String> start = waarborg.get("/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .startsWith(issuer + "/oauth2/authorize")
                .contains("code_challenge_method=S256")
                .contains("code_challenge=");
        HttpResponse<String> page = waarborg.follow(authorize);
        if (!page.uri().toString().startsWith(issuer + "/login")) {
            return page; // the provider still knew the person
        }
        HttpResponse<String> loggedIn = submitLogin(waarborg, page, person);
        return waarborg.follow(loggedIn.headers().firstValue("Location").orElseThrow());
    }

    /** Fills in and sends the provider's login page; the answer redirects on to the authorization. */
    public HttpResponse<String> submitLogin(Http browser, HttpResponse<String> loginPage, Person person) {
        return browser.postFormTo(
                issuer + "/login",
                Http.form(
                        "username",
                        person.username(),
                        "password",
                        person.password(),
                        "_csrf",
                        Http.csrfTokenFrom(loginPage.body())));
    }

    /** Tokens for a person, through the provider's real login page and the code flow with PKCE. */
    public Tokens login(String username) {
        Person person = PEOPLE.get(username);
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&scope=" + encode("openid profile email") + "&redirect_uri=" + encode(TEST_CALLBACK)
                + "&state=test&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        send(client, HttpRequest.newBuilder(URI.create(authorize)).GET());
        String page = send(
                        client,
                        HttpRequest.newBuilder(URI.create(issuer + "/login")).GET())
                .body();
        String csrf = Http.csrfTokenFrom(page);
        HttpResponse<String> loggedIn = send(
                client,
                HttpRequest.newBuilder(URI.create(issuer + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                                + encode(person.password()) + "&_csrf=" + encode(csrf))));
        String back = loggedIn.headers().firstValue("Location").orElseThrow();
        String callback = send(client, HttpRequest.newBuilder(URI.create(back)).GET())
                .headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("The provider did not redirect with a code"));
        String code = callback.replaceFirst(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> token = send(
                client,
                HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + base64(CLIENT_ID + ":" + CLIENT_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                                + "&redirect_uri=" + encode(TEST_CALLBACK) + "&code_verifier=" + verifier)));
        try {
            JsonNode json = new ObjectMapper().readTree(token.body());
            return new Tokens(
                    json.path("access_token").asText(), json.path("id_token").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Tokens(String accessToken, String idToken) {}

    /**
     * A token signed by hand: with the provider's own key (e.g. expired) or, with {@code foreignKey}, by a key the
     * provider never had.
     */
    public String signedToken(
            String issuer, String username, List<String> groups, Instant expires, boolean foreignKey) {
        return signedToken(issuer, username, username, groups, expires, foreignKey);
    }

    /** A token signed by hand whose subject (the provider's id of the person) differs from the user name. */
    public String signedToken(
            String issuer, String subject, String username, List<String> groups, Instant expires, boolean foreignKey) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(CLIENT_ID)
                .claim("preferred_username", username)
                .claim("groups", groups)
                .issueTime(Date.from(expires.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(expires))
                .build();
        RSAKey key = foreignKey ? newKey() : KEY;
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static JWKSet keys() {
        return new JWKSet(KEY);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-provider-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
