package nl.waarborg.config;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Turns a start-up that failed on its database into a message that says which setting to fix: a missing
 * WAARBORG_DB_* variable (the postgres profile has no defaults), an unreachable server, refused credentials or
 * a database that does not exist. Registered in META-INF/spring.factories; Spring Boot prints the result under
 * "APPLICATION FAILED TO START". Never prints the password.
 */
public class DatabaseStartupFailureAnalyzer implements FailureAnalyzer, Ordered {

    /** Spring property to the environment variable that sets it (application.yaml and application-postgres.yaml). */
    static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("spring.datasource.url", "WAARBORG_DB_URL");
        SETTINGS.put("spring.datasource.username", "WAARBORG_DB_USER");
        SETTINGS.put("spring.datasource.password", "WAARBORG_DB_PASSWORD");
    }

    private static final Pattern UNRESOLVED = Pattern.compile("Could not resolve placeholder '([^':]+)");

    private static final String ALL_SETTINGS =
            "The database connection is configured by WAARBORG_DB_URL (spring.datasource.url,"
                    + " e.g. jdbc:postgresql://db-host:5432/waarborg), WAARBORG_DB_USER (spring.datasource.username) and"
                    + " WAARBORG_DB_PASSWORD (spring.datasource.password).";

    private final Environment environment;

    /** Spring Boot passes the application's environment; it can be null when the context was never created. */
    public DatabaseStartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        List<String> missing = missingSettings();
        if (!missing.isEmpty()) {
            return new FailureAnalysis(
                    "Waarborg's database settings are incomplete: " + String.join(", ", missing) + " not set.",
                    "Set "
                            + enumerate(missing.stream()
                                    .map(m -> m.substring(0, m.indexOf(' ')))
                                    .toList())
                            + " (environment variables). With the postgres profile all three database settings are required"
                            + " and have no defaults. " + ALL_SETTINGS,
                    failure);
        }
        Throwable cause = databaseCause(failure);
        if (cause == null) {
            return null;
        }
        String description = "Waarborg could not connect to its database" + urlForMessage() + ": " + cause.getMessage();
        return new FailureAnalysis(description, action(cause), failure);
    }

    private String action(Throwable cause) {
        String state = cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (cause instanceof SQLInvalidAuthorizationSpecException || state.startsWith("28")) {
            return "Check WAARBORG_DB_USER and WAARBORG_DB_PASSWORD: the database refused these credentials. "
                    + ALL_SETTINGS;
        }
        if ("3D000".equals(state)) {
            return "Create the database, or correct the database name at the end of WAARBORG_DB_URL. " + ALL_SETTINGS;
        }
        return "Check WAARBORG_DB_URL: is the database server running, and reachable from here at that host and port?"
                + " Also check WAARBORG_DB_USER and WAARBORG_DB_PASSWORD. " + ALL_SETTINGS;
    }

    /** The first exception in the chain that says the database could not be reached or refused the login. */
    static Throwable databaseCause(Throwable failure) {
        Throwable found = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionFailure(sql)) {
                return sql;
            }
            if (found == null
                    && (t instanceof ConnectException
                            || t instanceof UnknownHostException
                            || t instanceof NoRouteToHostException
                            || t instanceof SocketTimeoutException
                            || t.getClass()
                                    .getName()
                                    .equals("com.zaxxer.hikari.pool.HikariPool$PoolInitializationException"))) {
                found = t;
            }
        }
        return found;
    }

    private static boolean isConnectionFailure(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLTransientConnectionException
                || sql instanceof SQLInvalidAuthorizationSpecException
                || state.startsWith("08")
                || state.startsWith("28")
                || state.equals("3D000");
    }

    private static String enumerate(List<String> names) {
        return names.size() < 2
                ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The settings whose ${VARIABLE} has no value, as "VARIABLE (spring.property)". */
    private List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (environment == null) {
            return missing;
        }
        SETTINGS.forEach((property, variable) -> {
            try {
                environment.getProperty(property);
            } catch (IllegalArgumentException e) {
                Matcher matcher = UNRESOLVED.matcher(String.valueOf(e.getMessage()));
                missing.add((matcher.find() ? matcher.group(1) : variable) + " (" + property + ")");
            }
        });
        return missing;
    }

    /** The configured URL without parameters (which could carry a password), or nothing. */
    private String urlForMessage() {
        try {
            String url = environment == null ? null : environment.getProperty("spring.datasource.url");
            if (url == null || url.isBlank()) {
                return "";
            }
            int parameters = url.indexOf('?');
            int h2Parameters = url.indexOf(';');
            int end =
                    parameters < 0 ? h2Parameters : h2Parameters < 0 ? parameters : Math.min(parameters, h2Parameters);
            return " at " + (end < 0 ? url : url.substring(0, end));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
