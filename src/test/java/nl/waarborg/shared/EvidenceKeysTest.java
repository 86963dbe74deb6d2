package nl.waarborg.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The evidence key: required outside the demo profile, read from a setting or a file, rotated without losing old hashes. */
class EvidenceKeysTest {

    private static final String KEY = "first-evidence-key-0123456789abcdef";
    private static final String NEXT = "second-evidence-key-0123456789abcdef";

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }

    @Test
    void withoutAKeyOutsideTheDemoProfileStartUpFailsNamingTheSetting() {
        assertThatThrownBy(() -> new EvidenceKeys(production()))
                .hasMessageContaining("waarborg.evidence.key")
                .hasMessageContaining("WAARBORG_EVIDENCE_KEY")
                .hasMessageContaining("WAARBORG_EVIDENCE_KEY_FILE");
        assertThatThrownBy(() -> new EvidenceKeys(production().withProperty("waarborg.evidence.key", "short")))
                .hasMessageContaining("too short");
    }

    @Test
    void theDemoProfileUsesTheFixedDemoKey() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        EvidenceKeys.KeyedHash hash = new EvidenceKeys(demo).hash("tekst");
        EvidenceKeys same = new EvidenceKeys(production().withProperty("waarborg.evidence.key", EvidenceKeys.DEMO_KEY));
        assertThat(same.matches(hash.keyId(), "tekst", hash.hash())).isTrue();
    }

    @Test
    void aKeyedHashVerifiesOnlyWithItsKeyAndNotAsPlainSha256(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY + "\n");
        EvidenceKeys fromFile =
                new EvidenceKeys(production().withProperty("waarborg.evidence.key-file", file.toString()));
        EvidenceKeys fromSetting = new EvidenceKeys(production().withProperty("waarborg.evidence.key", KEY));
        EvidenceKeys.KeyedHash hash = fromFile.hash("tekst");

        assertThat(hash.keyId()).isEqualTo(fromSetting.currentKeyId()).doesNotContain(KEY);
        assertThat(hash.hash()).isNotEqualTo(CanonicalJson.sha256("tekst"));
        assertThat(fromSetting.matches(hash.keyId(), "tekst", hash.hash())).isTrue();
        assertThat(fromSetting.matches(hash.keyId(), "tekst!", hash.hash())).isFalse();
        assertThat(fromSetting.matches(hash.keyId(), "tekst", CanonicalJson.sha256("tekst")))
                .isFalse();
    }

    @Test
    void rotationKeepsOldHashesVerifiableWhileTheOldKeyIsListed() {
        EvidenceKeys.KeyedHash old =
                new EvidenceKeys(production().withProperty("waarborg.evidence.key", KEY)).hash("tekst");
        EvidenceKeys rotated = new EvidenceKeys(production()
                .withProperty("waarborg.evidence.key", NEXT)
                .withProperty("waarborg.evidence.previous-keys", KEY));
        assertThat(rotated.currentKeyId()).isNotEqualTo(old.keyId());
        assertThat(rotated.hash("tekst").keyId()).isEqualTo(rotated.currentKeyId());
        assertThat(rotated.matches(old.keyId(), "tekst", old.hash())).isTrue();

        EvidenceKeys forgotten = new EvidenceKeys(production().withProperty("waarborg.evidence.key", NEXT));
        assertThat(forgotten.matches(old.keyId(), "tekst", old.hash())).isFalse();
    }

    @Test
    void legacyPlainHashesVerifyOnlyWhenSwitchedOn() {
        String plain = CanonicalJson.sha256("tekst");
        assertThat(new EvidenceKeys(production()
                                .withProperty("waarborg.evidence.key", KEY)
                                .withProperty("waarborg.evidence.accept-legacy", "true"))
                        .matches(null, "tekst", plain))
                .isTrue();
        EvidenceKeys strict = new EvidenceKeys(production().withProperty("waarborg.evidence.key", KEY));
        assertThat(strict.matches(null, "tekst", plain)).as("the default").isFalse();
    }
}
