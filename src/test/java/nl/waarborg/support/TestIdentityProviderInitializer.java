package nl.waarborg.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Turns single sign-on on for every Waarborg context that a test starts, against the {@link TestIdentityProvider} (so
 * the tests that share one context per database run with both logins, as an installation with a break-glass does).
 * A start that sets {@code waarborg.oidc.issuer-uri} itself (command line or test properties) keeps its own value.
 */
public class TestIdentityProviderInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROVIDER_CONTEXT = "waarborg.test.identity-provider";
    static final String ISSUER = "waarborg.oidc.issuer-uri";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.getProperty(PROVIDER_CONTEXT, Boolean.class, false) || setExplicitly(environment)) {
            return;
        }
        TestIdentityProvider provider = TestIdentityProvider.start();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "waarborg-test-identity-provider",
                        Map.of(
                                ISSUER,
                                provider.issuer(),
                                "waarborg.oidc.client-id",
                                TestIdentityProvider.CLIENT_ID,
                                "waarborg.oidc.client-secret",
                                TestIdentityProvider.CLIENT_SECRET,
                                "waarborg.oidc.group-mapping",
                                TestIdentityProvider.GROUP_MAPPING)));
    }

    private static boolean setExplicitly(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if ((source.getName().equals("commandLineArgs") || source.getName().startsWith("Inlined Test Properties"))
                    && source.containsProperty(ISSUER)) {
                return true;
            }
        }
        return false;
    }
}
