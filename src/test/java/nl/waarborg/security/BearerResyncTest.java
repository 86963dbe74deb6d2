package nl.waarborg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A bearer token's user is brought into the identity store at most once a minute while the token stays the same, and
 * at once when its content changes: a group the provider took away is gone at the next synchronisation.
 */
class BearerResyncTest {

    static final String ISSUER = "http://idp.example";

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static Jwt token(List<String> groups) {
        return Jwt.withTokenValue("token-" + groups)
                .header("alg", "RS256")
                .issuer(ISSUER)
                .subject("subject-1")
                .claim("preferred_username", "j.devries")
                .claim("groups", groups)
                .build();
    }

    static List<String> authorities(org.springframework.security.core.Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    @Test
    void theSameTokenIsSynchronisedOncePerMinuteAndAChangedOneAtOnce() {
        SingleSignOnProperties properties = new SingleSignOnProperties(
                ISSUER, "waarborg", null, null, null, null, "fg=privacy-officer;college=alderman", null);
        ProviderClaims claims = new ProviderClaims(properties, GroupMapping.parse(properties.groupMapping()));
        List<SsoUser> synced = new ArrayList<>();
        TestClock clock = new TestClock();
        SsoLogins logins = new SsoLogins(claims, synced::add, clock);

        assertThat(authorities(logins.bearer(token(List.of("fg", "college")))))
                .containsExactly("alderman", "privacy-officer");
        assertThat(synced).hasSize(1);
        assertThat(synced.get(0).groups()).containsExactly("alderman", "privacy-officer");

        clock.now = clock.now.plus(Duration.ofSeconds(59));
        logins.bearer(token(List.of("fg", "college")));
        assertThat(synced).as("the same token within the minute").hasSize(1);

        clock.now = clock.now.plus(Duration.ofSeconds(1));
        logins.bearer(token(List.of("fg", "college")));
        assertThat(synced)
                .as("a minute on: synchronised again, so a deactivation meanwhile counts")
                .hasSize(2);

        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(authorities(logins.bearer(token(List.of("fg"))))).containsExactly("privacy-officer");
        assertThat(synced).as("a new token without college, a second later").hasSize(3);
        assertThat(synced.get(2).groups()).containsExactly("privacy-officer");
        assertThat(synced.get(2).id()).isEqualTo("j.devries");
    }
}
