package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped configuration, read as plain YAML (no start-up, so nothing is written to ./data): without any
 * setting Waarborg runs on an H2 file database under ./data with the demo profile, and the postgres profile
 * has no defaults for its connection.
 */
class EmbeddedDefaultsTest {

    /** application.yaml (and optionally a profile file) resolved without the machine's environment variables. */
    private static StandardEnvironment load(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            // Later files win, as a profile file wins over application.yaml.
            List<PropertySource<?>> sources = loader.load(file, new ClassPathResource(file));
            sources.forEach(environment.getPropertySources()::addFirst);
        }
        return environment;
    }

    @Test
    void withoutSettingsTheDatabaseIsAnH2FileUnderData() throws IOException {
        StandardEnvironment environment = load("application.yaml");

        String url = environment.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:./data/");
        // A file database, not one that lives and dies in memory: a restart keeps the data.
        assertThat(url).doesNotContain(":mem:");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("sa");
        assertThat(environment.getProperty("spring.profiles.default")).isEqualTo("demo");
        assertThat(environment.getProperty("camunda.bpm.database.schema-update"))
                .isEqualTo("true");
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
    }

    @Test
    void theDataFolderIsNeverCommitted() throws IOException {
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("data/");
    }

    @Test
    void theDemoPasswordDefaultsToDemoOnlyInTheDemoProfile() throws IOException {
        assertThat(load("application.yaml").getProperty("waarborg.demo.password"))
                .isNull();
        assertThat(load("application.yaml", "application-demo.yaml").getProperty("waarborg.demo.password"))
                .isEqualTo("demo");
        assertThat(load("application.yaml").getProperty("waarborg.admin.password"))
                .isEmpty();
    }

    @Test
    void thePostgresProfileHasNoDefaultsForItsConnection() throws IOException {
        StandardEnvironment environment = load("application.yaml", "application-postgres.yaml");

        assertThat(environment.getProperty("spring.datasource.driver-class-name"))
                .isEqualTo("org.postgresql.Driver");
        for (String setting :
                List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
            assertThatThrownBy(() -> environment.getProperty(setting))
                    .as(setting)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("WAARBORG_DB_");
        }
    }
}
