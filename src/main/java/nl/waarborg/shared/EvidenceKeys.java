package nl.waarborg.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The key behind the evidence hashes (frozen versions, audit chain): HMAC-SHA-256 with a key kept outside the
 * database, so that whoever can write the database cannot recompute a hash that still verifies (ADR 0018). Each hash
 * is stored with the id of its key; older keys stay here for verification only. A hash without a key id is a legacy
 * plain SHA-256 from before keyed hashing and verifies as it did then.
 */
@Component
public class EvidenceKeys {

    /** Only in the demo profile, when no key is set: known to everyone, so it proves nothing. */
    static final String DEMO_KEY = "waarborg-demo-evidence-key-known-to-everyone";

    static final int MINIMUM_LENGTH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceKeys.class);

    private final String currentId;
    private final boolean acceptLegacy;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    public EvidenceKeys(Environment environment) {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        acceptLegacy = environment.getProperty("waarborg.evidence.accept-legacy", Boolean.class, false);
        String key = read(
                environment.getProperty("waarborg.evidence.key", ""),
                environment.getProperty("waarborg.evidence.key-file", ""));
        if (key.isEmpty() && demo) {
            key = DEMO_KEY;
            LOG.warn("Evidence hashes use the fixed DEMO key, which everyone knows: set WAARBORG_EVIDENCE_KEY "
                    + "(waarborg.evidence.key) or WAARBORG_EVIDENCE_KEY_FILE outside a demonstration.");
        } else if (key.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException((key.isEmpty() ? "No evidence key" : "The evidence key is too short")
                    + ": set waarborg.evidence.key (WAARBORG_EVIDENCE_KEY) or waarborg.evidence.key-file "
                    + "(WAARBORG_EVIDENCE_KEY_FILE) to a secret of at least " + MINIMUM_LENGTH
                    + " characters kept outside the database (ADR 0018).");
        }
        currentId = add(key);
        for (String previous :
                environment.getProperty("waarborg.evidence.previous-keys", "").split(",")) {
            String value = previous.strip().startsWith("file:")
                    ? read("", previous.strip().substring(5))
                    : previous.strip();
            if (!value.isEmpty()) {
                add(value);
            }
        }
        LOG.info(
                "Evidence hashes are keyed with key id {}; {} older key(s) kept for verification.",
                currentId,
                keys.size() - 1);
    }

    /** A hash and the id of the key that made it (null: a legacy plain SHA-256). */
    public record KeyedHash(String keyId, String hash) {}

    public String currentKeyId() {
        return currentId;
    }

    /** The keyed hash of a text with the current key. */
    public KeyedHash hash(String text) {
        return new KeyedHash(currentId, hmac(keys.get(currentId), text));
    }

    /**
     * Whether the stored hash is the text's hash under the stored key id; false for a key this installation lacks, and
     * for a legacy plain hash once waarborg.evidence.accept-legacy is false.
     */
    public boolean matches(String keyId, String text, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        String expected;
        if (keyId == null && !acceptLegacy) {
            return false;
        } else if (keyId == null) {
            expected = CanonicalJson.sha256(text);
        } else if (keys.containsKey(keyId)) {
            expected = hmac(keys.get(keyId), text);
        } else {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private String add(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        // The id names the key without revealing it: a keyed hash of a fixed text.
        String id = "k" + hmac(bytes, "waarborg evidence key id").substring(0, 15);
        keys.putIfAbsent(id, bytes);
        return id;
    }

    private static String read(String value, String file) {
        if (!value.isBlank() || file.isBlank()) {
            return value.strip();
        }
        try {
            return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The evidence key file " + file + " (waarborg.evidence.key-file, "
                            + "WAARBORG_EVIDENCE_KEY_FILE) cannot be read: " + e.getMessage(),
                    e);
        }
    }

    static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }
}
