package nl.waarborg.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * Waarborg's password policy, enforced by the engine on every password it saves (Camunda Admin, /engine-rest user
 * creation and password change, the bootstrap administrator): at least {@value #MIN_LENGTH} characters, not the user
 * id, not in the list of common passwords (identity/common-passwords.txt). Comparisons ignore case.
 */
public final class WaarborgPasswordPolicy implements PasswordPolicy {

    static final int MIN_LENGTH = 12;

    /**
     * Room for any password or configured secret, well within what the login form and an HTTP Basic header carry: a
     * password beyond those would lock the account out, whoever chose it (ADR 0058).
     */
    static final int MAX_LENGTH = 1024;

    public static final String REFUSAL = nl.waarborg.shared.ProblemStatus.PASSWORD_POLICY;

    private final List<PasswordPolicyRule> rules;

    public WaarborgPasswordPolicy() {
        Set<String> common = load("/identity/common-passwords.txt");
        rules = List.of(
                rule(
                        "WAARBORG_MIN_LENGTH",
                        Map.of("minLength", Integer.toString(MIN_LENGTH)),
                        (password, user) -> password != null && password.length() >= MIN_LENGTH),
                rule(
                        "WAARBORG_MAX_LENGTH",
                        Map.of("maxLength", Integer.toString(MAX_LENGTH)),
                        (password, user) -> password == null || password.length() <= MAX_LENGTH),
                rule(
                        "WAARBORG_NOT_USER_ID",
                        Map.of(),
                        (password, user) -> user == null
                                || user.getId() == null
                                || password == null
                                || !password.trim()
                                        .equalsIgnoreCase(user.getId().trim())),
                rule(
                        "WAARBORG_NOT_COMMON",
                        Map.of(),
                        (password, user) -> password == null
                                || !common.contains(password.trim().toLowerCase(Locale.ROOT))));
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** True when every rule accepts the password for this user id. */
    public boolean accepts(String password, String userId) {
        User user = userId == null ? null : new org.camunda.bpm.engine.impl.persistence.entity.UserEntity(userId);
        return rules.stream().allMatch(rule -> rule.execute(password, user));
    }

    private interface Check {
        boolean test(String password, User user);
    }

    private static PasswordPolicyRule rule(String placeholder, Map<String, String> parameters, Check check) {
        return new PasswordPolicyRule() {
            @Override
            public String getPlaceholder() {
                return placeholder;
            }

            @Override
            public Map<String, String> getParameters() {
                return parameters;
            }

            @Override
            public boolean execute(String password) {
                return check.test(password, null);
            }

            @Override
            public boolean execute(String password, User user) {
                return check.test(password, user);
            }
        };
    }

    private static Set<String> load(String resource) {
        try (InputStream in = WaarborgPasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
