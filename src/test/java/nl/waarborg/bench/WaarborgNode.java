package nl.waarborg.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.support.TestDatabaseInitializer;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One Waarborg node as production runs it: the whole application on its own port and engine name, on a given
 * PostgreSQL database, with the job executor on and Camunda's webapps off. Several nodes may share one database.
 */
final class WaarborgNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private WaarborgNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** @param name letters and digits only: Camunda ignores engine names with a hyphen */
    static WaarborgNode start(String name, Map<String, Object> datasource, Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.port", 0);
        settings.put("camunda.bpm.webapp.enabled", false);
        settings.put("camunda.bpm.process-engine-name", name);
        settings.put("camunda.bpm.job-execution.enabled", true);
        // Same deployment name on every node: the second node finds the models deployed and deploys nothing new.
        settings.put("camunda.bpm.generate-unique-process-application-name", false);
        settings.put("spring.datasource.hikari.maximum-pool-size", 12);
        settings.put("logging.level.org.camunda.bpm.engine.jobexecutor", "ERROR");
        settings.put("logging.level.org.camunda.bpm.engine.context", "OFF");
        settings.put("logging.level.org.camunda.bpm.engine.cmd", "ERROR");
        settings.putAll(datasource);
        settings.put(TestDatabaseInitializer.KEEP_DATASOURCE, true);
        settings.putAll(extra);
        // Experiments: -Dbench.node-settings=key=value,key=value overrides the nodes' settings (see docs/benchmark.md).
        for (String pair : System.getProperty("bench.node-settings", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                settings.put(
                        pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WaarborgApplication.class)
                .initializers(c -> c.getBeanFactory()
                        .registerSingleton("benchTestConfigurationFilter", new TestConfigurationFilter()))
                .run(args.toArray(String[]::new));
        return new WaarborgNode(name, context);
    }

    String name() {
        return name;
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Keeps the test suite's own configuration classes (process coverage plugin, test helpers) out of the nodes:
     * the benchmark measures the application as shipped.
     */
    static final class TestConfigurationFilter extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String className = reader.getClassMetadata().getClassName();
            return className.startsWith("nl.waarborg.process.") || className.startsWith("nl.waarborg.bench.");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestConfigurationFilter;
        }

        @Override
        public int hashCode() {
            return TestConfigurationFilter.class.hashCode();
        }
    }
}
