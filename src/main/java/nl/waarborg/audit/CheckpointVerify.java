package nl.waarborg.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The offline check of an exported checkpoint (ADR 0020, README "Audit checkpoints"), run without the application:
 * <pre>
 * java -cp waarborg.jar -Dloader.main=nl.waarborg.audit.CheckpointVerify \
 *      org.springframework.boot.loader.launch.PropertiesLauncher checkpoint.json
 * </pre>
 * with the evidence key in WAARBORG_EVIDENCE_KEY (or _KEY_FILE, and earlier keys in _PREVIOUS_KEYS). It checks the
 * file's signature; given a database (WAARBORG_DB_URL, WAARBORG_DB_USER, WAARBORG_DB_PASSWORD, or --db-url, --db-user,
 * --db-password) it also checks that the audit chain there verifies, still holds the checkpoint's head at the same
 * position, and that every version frozen at the checkpoint is there with the same hash and key id. Exit code 0: all
 * checks hold; 1: a check failed; 2: the file or the arguments are unusable.
 */
public final class CheckpointVerify {

    private CheckpointVerify() {}

    public static void main(String[] args) {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN); // only the verdicts below on the console
        }
        System.exit(run(args, System.getenv(), System.out));
    }

    /** The command itself: arguments, the environment to read the key and database from, and where to write. */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        Map<String, String> options = new HashMap<>(env);
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db-url" -> options.put("WAARBORG_DB_URL", args[++i]);
                case "--db-user" -> options.put("WAARBORG_DB_USER", args[++i]);
                case "--db-password" -> options.put("WAARBORG_DB_PASSWORD", args[++i]);
                default -> file = args[i];
            }
        }
        if (file == null) {
            out.println("Usage: CheckpointVerify checkpoint.json [--db-url URL --db-user USER --db-password PASSWORD]");
            return 2;
        }
        Map<String, Object> checkpoint;
        EvidenceKeys keys;
        try {
            checkpoint = CanonicalJson.readMap(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            keys = keys(options);
        } catch (IOException | RuntimeException e) {
            out.println("FAILED: " + e.getMessage());
            return 2;
        }
        if (!CheckpointDocument.signatureHolds(keys, checkpoint)) {
            out.println(
                    "FAILED: the checkpoint's signature does not hold: the file was changed, or it was signed with a"
                            + " key that is not given here.");
            return 1;
        }
        out.println("OK: signature of checkpoint " + checkpoint.get("id") + " of " + checkpoint.get("createdAt"));
        String url = options.get("WAARBORG_DB_URL");
        if (url == null || url.isBlank()) {
            out.println("No database given (WAARBORG_DB_URL or --db-url): only the signature was checked.");
            return 0;
        }
        DriverManagerDataSource database =
                new DriverManagerDataSource(url, options.get("WAARBORG_DB_USER"), options.get("WAARBORG_DB_PASSWORD"));
        List<String> problems = compare(checkpoint, JdbcClient.create(database), keys);
        problems.forEach(p -> out.println("FAILED: " + p));
        if (problems.isEmpty()) {
            out.println("OK: the database holds everything the checkpoint recorded, and its audit chain verifies.");
        }
        return problems.isEmpty() ? 0 : 1;
    }

    /** What in the database disagrees with the checkpoint (empty: nothing). */
    static List<String> compare(Map<String, Object> checkpoint, JdbcClient jdbc, EvidenceKeys keys) {
        List<String> problems = new ArrayList<>();
        AuditTrail.Verification chain = new AuditTrail(jdbc, keys).verify();
        if (!chain.valid()) {
            problems.add("the audit chain does not verify from event " + chain.firstBrokenEventId());
        }
        Map<?, ?> head = (Map<?, ?>) checkpoint.get("audit");
        long lastSeq = ((Number) head.get("lastSeq")).longValue();
        if (lastSeq > 0) {
            String hash = jdbc.sql("SELECT hash FROM wb_audit_event WHERE seq = :seq")
                    .param("seq", lastSeq)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (!Objects.equals(hash, head.get("lastHash"))) {
                problems.add("audit event " + lastSeq
                        + " is not the one the checkpoint recorded: the trail up to it was" + " rewritten or cut");
            }
        }
        Map<Object, Map<String, Object>> now = CheckpointDocument.frozenVersions(jdbc).stream()
                .collect(Collectors.toMap(v -> v.get("id"), Function.identity()));
        for (Object recorded : (List<?>) checkpoint.get("versions")) {
            Map<?, ?> version = (Map<?, ?>) recorded;
            Map<String, Object> current = now.get(version.get("id"));
            String name = "version " + version.get("number") + " of assessment " + version.get("assessmentId");
            if (current == null) {
                problems.add(name + " is no longer frozen in the database");
            } else if (!Objects.equals(current.get("contentHash"), version.get("contentHash"))
                    || !Objects.equals(current.get("hashKeyId"), version.get("hashKeyId"))
                    || !Objects.equals(current.get("number"), ((Number) version.get("number")).intValue())
                    || !Objects.equals(current.get("assessmentId"), version.get("assessmentId"))) {
                problems.add(name + " has another hash than at the checkpoint: it was changed after it was frozen");
            }
        }
        return problems;
    }

    private static EvidenceKeys keys(Map<String, String> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("given", Map.copyOf(env)));
        return new EvidenceKeys(environment);
    }
}
