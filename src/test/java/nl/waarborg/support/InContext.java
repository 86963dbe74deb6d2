package nl.waarborg.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test helper that works with the beans and the port of the test's own Spring context: registered on an integration
 * test with {@code @RegisterExtension}, it takes that context before each test, so the test need not inject what only
 * the helper uses.
 */
public class InContext implements BeforeEachCallback {

    private ApplicationContext context;

    @Override
    public void beforeEach(ExtensionContext extension) {
        context = SpringExtension.getApplicationContext(extension);
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** The port the application listens on (a {@code RANDOM_PORT} test). */
    public int port() {
        return context().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private ApplicationContext context() {
        if (context == null) {
            throw new IllegalStateException("Register " + getClass().getSimpleName() + " with @RegisterExtension");
        }
        return context;
    }

    /** The HTTP steps as the demo users, on this application. */
    public ApiSteps api() {
        return new ApiSteps(port());
    }
}
