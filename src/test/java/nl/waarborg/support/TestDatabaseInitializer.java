package nl.waarborg.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring Boot context started by a test its own empty database on the database under test,
 * unless the test set a datasource URL itself (restart tests reuse one database on purpose).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KEEP_DATASOURCE = "waarborg.test.keep-datasource";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabases.track(context);
        if (context.getEnvironment().getProperty(KEEP_DATASOURCE, Boolean.class, false)) {
            return;
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("waarborg-test-database", TestDatabases.newDatabase()));
    }
}
