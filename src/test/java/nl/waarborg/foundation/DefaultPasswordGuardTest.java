package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabases;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the demo profile Waarborg refuses to start while any user has an empty or default password, and
 * says which setting to change. "prod" stands for any profile other than demo: there is no application-prod.yaml,
 * and naming an active profile switches off the default profile (demo).
 */
@Tag("database")
class DefaultPasswordGuardTest {

    private static final String STRONG = "Gr0en-Lantaarn-Kanaal-42";

    @Test
    void anEmptyAdministratorPasswordIsRefusedNamingTheSetting() {
        Throwable failure = Starts.of("guardempty")
                .with("spring.profiles.active", "prod")
                .with("waarborg.admin.password", "")
                .runExpectingFailure();

        assertThat(Starts.messages(failure))
                .contains("waarborg.admin.password")
                .contains("WAARBORG_ADMIN_PASSWORD")
                .contains("'admin'");
    }

    @Test
    void aDefaultAdministratorPasswordIsRefusedToo() {
        Throwable failure = Starts.of("guarddefault")
                .with("spring.profiles.active", "prod")
                .with("waarborg.admin.password", "demo")
                .runExpectingFailure();

        assertThat(Starts.messages(failure)).contains("WAARBORG_ADMIN_PASSWORD");
    }

    @Test
    void anAdministratorPasswordAgainstThePolicyIsRefused() {
        Throwable failure = Starts.of("guardpolicy")
                .with("spring.profiles.active", "prod")
                .with("waarborg.admin.password", "Wachtwoord1234")
                .runExpectingFailure();

        assertThat(Starts.messages(failure))
                .contains("WAARBORG_ADMIN_PASSWORD")
                .contains("too weak")
                .contains("minstens 12 tekens");
    }

    @Test
    void usersLeftByTheDemoProfileAreRefusedByName() {
        Map<String, Object> database = TestDatabases.newDatabase();
        ConfigurableApplicationContext demo =
                Starts.of("guarddemofirst").database(database).run();
        try {
            assertThat(demo.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(demo.getEnvironment().getDefaultProfiles()).containsExactly("demo");
            assertThat(demo.getBean(ProcessEngine.class)
                            .getIdentityService()
                            .createUserQuery()
                            .userId("lead")
                            .count())
                    .isEqualTo(1);
        } finally {
            demo.close();
        }

        // A strong administrator password replaces the admin's demo password, but the other demo users keep "demo".
        Throwable failure = Starts.of("guarddemothen")
                .database(database)
                .with("spring.profiles.active", "prod")
                .with("waarborg.admin.password", STRONG)
                .runExpectingFailure();

        assertThat(Starts.messages(failure))
                .containsPattern(
                        "user '(lead|fg|ethics|alderman|burgemeester|manager|admin2)' still has an empty or default password")
                .doesNotContain("user 'admin'")
                .contains("demo profile");
    }

    @Test
    void aStrongAdministratorPasswordStartsAFreshDatabaseWithOnlyThatAdministrator() {
        Starts start =
                Starts.of("guardstrong").with("spring.profiles.active", "prod").with("waarborg.admin.password", STRONG);
        ConfigurableApplicationContext context = start.run();
        try {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("prod");
            IdentityService identity = context.getBean(ProcessEngine.class).getIdentityService();
            assertThat(identity.createUserQuery().list())
                    .extracting(u -> u.getId())
                    .containsExactly("admin");
            assertThat(identity.createUserQuery()
                            .userId("admin")
                            .memberOfGroup("admin")
                            .count())
                    .isEqualTo(1);

            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            // The engine of this context by name: /engine-rest without a name would reach the JVM's "default" engine.
            String tasks = "/engine-rest/engine/" + start.engineName() + "/task";
            assertThat(Http.api(port).as("admin", STRONG).get(tasks).statusCode())
                    .isEqualTo(200);
            assertThat(Http.api(port).as("lead", "demo").get(tasks).statusCode())
                    .isEqualTo(401);
            assertThat(Http.api(port).get(tasks).statusCode()).isEqualTo(401);
        } finally {
            context.close();
        }
    }
}
