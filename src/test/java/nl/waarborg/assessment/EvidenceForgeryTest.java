package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.audit.AuditTrail.AuditEvent;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attack of issue 15, finding 2: a database administrator switches the immutability guards off, edits a frozen
 * answer, recomputes the version's hash and re-chains the audit trail and its head row, then switches the guards on
 * again. Without the evidence key (ADR 0018) every way of recomputing is caught by hashIntact and /api/audit/verify.
 */
@WaarborgIntegrationTest
class EvidenceForgeryTest {

    /** How the forger recomputes a hash: the way the code did before ADR 0018, or with a key of their own. */
    enum Forgery implements DatabaseForgery.Hasher {
        PLAIN_SHA256,
        WRONG_KEY,
        OWN_KEY_ID,
        AUDIT_DOWNGRADED_TO_LEGACY,
        DOWNGRADED_TO_LEGACY;

        @Override
        public String[] hash(String keyId, String text, boolean auditEvent) {
            return switch (this) {
                case PLAIN_SHA256 -> new String[] {keyId, CanonicalJson.sha256(text)};
                case WRONG_KEY -> new String[] {keyId, hmac(text)};
                case OWN_KEY_ID -> new String[] {"kforger", hmac(text)};
                // Audit events without key id pass as legacy ones, but in the chain they cannot follow a keyed event.
                case AUDIT_DOWNGRADED_TO_LEGACY -> new String[] {auditEvent ? null : keyId, CanonicalJson.sha256(text)};
                // Version and trail as if from before keyed hashing: refused, as legacy hashes are off by default.
                case DOWNGRADED_TO_LEGACY -> new String[] {null, CanonicalJson.sha256(text)};
            };
        }
    }

    @Autowired
    AssessmentService assessments;

    @Autowired
    AssessmentReads reads;

    @Autowired
    AssessmentStore store;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImmutabilityGuards guards;

    @Autowired
    EvidenceKeys keys;

    @LocalServerPort
    int port;

    @Test
    void aForgedAnswerWithRecomputedHashesAndARechainedTrailIsDetected() {
        DatabaseForgery forger = new DatabaseForgery(jdbc, reads, store, audit, keys);
        String systemId = systems.register("Parkeerhandhaving", "Scanauto's", "Stadsbeheer", "lead")
                .id();
        AssessmentService.OpenedVersion v =
                VersionLifecycleTest.approvedVersion(assessments, systemId, 1, "Echte doelstelling");
        VersionRow original = store.version(v.assessmentId(), 1).orElseThrow();
        assertThat(original.hashKeyId()).as("a keyed hash with its key id").isNotNull();
        assertThat(reads.hashIntact(v.assessmentId(), 1)).isTrue();
        assertThat(audit.verify().valid()).isTrue();
        List<AuditEvent> trail = forger.chain();
        long frozenSeq = trail.stream()
                .filter(e -> e.action().equals("VERSION_FROZEN") && systemId.equals(e.systemId()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .seq();

        Http manager = Http.api(port).as("manager", "demo");
        Http browser = Http.browser(port);
        assertThat(browser.formLogin("manager", "demo").statusCode()).isEqualTo(302);
        String page = "/beoordelingen/" + v.assessmentId() + "/versies/1";
        assertThat(browser.get(page).body()).contains("gecontroleerd").doesNotContain("NIET in orde");
        assertThat(pdfText(manager, v.assessmentId())).contains("Integriteit: gecontroleerd");
        for (Forgery forgery : Forgery.values()) {
            VersionLifecycleTest.withGuardsOff(
                    jdbc,
                    () -> forger.forge(
                            forgery, v.assessmentId(), original, frozenSeq, "Echte doelstelling", "vervalst"));
            try {
                assertThat(reads.hashIntact(v.assessmentId(), 1))
                        .as(forgery.name())
                        .isFalse();
                AuditTrail.Verification verification = audit.verify();
                assertThat(verification.valid()).as(forgery.name()).isFalse();
                assertThat(verification.firstBrokenEventId()).as(forgery.name()).isEqualTo(frozenSeq);
                assertThat(manager.get("/api/audit/verify").body())
                        .as(forgery.name())
                        .contains("\"valid\":false")
                        .contains("\"firstBrokenEventId\":" + frozenSeq);
                assertThat(manager.get("/api/assessments/" + v.assessmentId() + "/versions/1")
                                .body())
                        .as(forgery.name())
                        .contains("\"hashIntact\":false")
                        .contains("vervalst");
                if (forgery == Forgery.PLAIN_SHA256) {
                    // The version page and the PDF say so in Dutch, next to the stored hash.
                    assertThat(browser.get(page).body()).contains("NIET in orde");
                    assertThat(pdfText(manager, v.assessmentId())).contains("Integriteit: NIET in orde");
                }
            } finally {
                VersionLifecycleTest.withGuardsOff(jdbc, () -> forger.restore(original, trail, frozenSeq));
            }
            assertThat(reads.hashIntact(v.assessmentId(), 1)).isTrue();
            assertThat(audit.verify().valid()).isTrue();
        }
    }

    @Test
    void aMissingOrDisabledGuardTurnsHealthDown() {
        Http anonymous = Http.api(port);
        assertThat(guards.missing()).isEmpty();
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        VersionLifecycleTest.withGuardsOff(jdbc, () -> {
            assertThat(guards.missing()).containsExactly("wb_version_guard", "wb_audit_guard");
            HttpResponse<String> health = anonymous.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
        });
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private static String pdfText(Http http, String assessmentId) {
        byte[] pdf = http.getBytes("/api/assessments/" + assessmentId + "/versions/1/export?format=pdf")
                .body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    "a-key-the-forger-made-up-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
