package nl.waarborg.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current value of each {@link Setting}: the one an administrator stored in table wb_setting, else the
 * environment's. Read from the database at every use, so every node uses a change at once. Changing a setting is the
 * administration's use case (reason, audit); this class only stores.
 */
@Component
public class RuntimeSettings {

    /** A setting now: its value, the environment's value, and who stored the value and when (null: not stored). */
    public record Current(
            Setting setting, String value, String environmentValue, String changedBy, Instant changedAt) {}

    private record Stored(String value, String by, Instant at) {}

    private final JdbcClient jdbc;
    private final Environment environment;
    private final java.util.Map<Setting, String> environmentValues = new java.util.concurrent.ConcurrentHashMap<>();

    public RuntimeSettings(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** An environment value a setting could not take stops the start, naming the property. */
    @jakarta.annotation.PostConstruct
    void checkEnvironment() {
        for (Setting setting : Setting.values()) {
            try {
                setting.check(fromEnvironment(setting));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        setting.property() + " = '" + fromEnvironment(setting) + "' is refused: " + e.getMessage());
            }
        }
    }

    public String value(Setting setting) {
        return jdbc.sql("SELECT setting_value FROM wb_setting WHERE name = :name")
                .param("name", setting.key())
                .query(String.class)
                .optional()
                .orElseGet(() -> fromEnvironment(setting));
    }

    public int workingDays(Setting setting) {
        return Integer.parseInt(value(setting).trim());
    }

    public Period period(Setting setting) {
        return Period.parse(value(setting).trim());
    }

    public List<Current> all() {
        Map<String, Stored> stored = jdbc
                .sql("SELECT * FROM wb_setting")
                .query((rs, row) -> Map.entry(
                        rs.getString("name"),
                        new Stored(
                                rs.getString("setting_value"),
                                rs.getString("changed_by"),
                                rs.getTimestamp("changed_at").toInstant())))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return Arrays.stream(Setting.values())
                .map(s -> {
                    Stored own = stored.get(s.key());
                    String env = fromEnvironment(s);
                    return own == null
                            ? new Current(s, env, env, null, null)
                            : new Current(s, own.value(), env, own.by(), own.at());
                })
                .toList();
    }

    /** Stores the value (checked by the caller with {@link Setting#check}) in the caller's transaction. */
    public void store(Setting setting, String value, String by) {
        jdbc.sql("DELETE FROM wb_setting WHERE name = :name")
                .param("name", setting.key())
                .update();
        jdbc.sql(
                        "INSERT INTO wb_setting (name, setting_value, changed_by, changed_at) VALUES (:name, :value, :by, :at)")
                .param("name", setting.key())
                .param("value", value)
                .param("by", by)
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }

    /** The environment's value, looked up once: Spring's property sources do not change while the application runs. */
    private String fromEnvironment(Setting setting) {
        return environmentValues.computeIfAbsent(
                setting,
                s -> environment.getProperty(s.property(), s.fallback()).trim());
    }
}
