package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    enum Forgery {
        PLAIN_SHA256,
        WRONG_KEY,
        OWN_KEY_ID,
        AUDIT_DOWNGRADED_TO_LEGACY,
        DOWNGRADED_TO_LEGACY;

        String[] hash(String keyId, String text, boolean auditEvent) {
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
        String systemId = systems.register("Parkeerhandhaving", "Scanauto's", "Stadsbeheer", "lead")
                .id();
        AssessmentService.OpenedVersion v =
                VersionLifecycleTest.approvedVersion(assessments, systemId, 1, "Echte doelstelling");
        VersionRow original = store.version(v.assessmentId(), 1).orElseThrow();
        assertThat(original.hashKeyId()).as("a keyed hash with its key id").isNotNull();
        assertThat(reads.hashIntact(v.assessmentId(), 1)).isTrue();
        assertThat(audit.verify().valid()).isTrue();
        List<AuditEvent> trail = chain();
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
            VersionLifecycleTest.withGuardsOff(jdbc, () -> forge(forgery, v.assessmentId(), original, frozenSeq));
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
                VersionLifecycleTest.withGuardsOff(jdbc, () -> restore(original, trail, frozenSeq));
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

    /** Edits the frozen answer and recomputes everything from there the way the forger can. */
    private void forge(Forgery forgery, String assessmentId, VersionRow original, long frozenSeq) {
        Assessment assessment = reads.assessment(assessmentId).orElseThrow();
        String answers = original.answersJson().replace("Echte doelstelling", "vervalst");
        VersionRow edited = new VersionRow(
                original.id(),
                assessmentId,
                1,
                original.status(),
                original.cycleRound(),
                answers,
                original.triageJson(),
                original.processInstanceId(),
                null,
                null,
                original.previousHash(),
                original.createdAt(),
                original.frozenAt());
        String[] versionHash = forgery.hash(
                original.hashKeyId(),
                VersionHashes.content(assessment, edited, store.signatures(original.id()), original.previousHash()),
                false);
        jdbc.update(
                "UPDATE wb_assessment_version SET answers = ?, content_hash = ?, hash_key_id = ? WHERE id = ?",
                answers,
                versionHash[1],
                versionHash[0],
                original.id());

        String previous = AuditTrail.GENESIS;
        for (AuditEvent event : chain()) {
            if (event.seq() < frozenSeq) {
                previous = event.hash();
                continue;
            }
            String details = event.details().replace(original.contentHash(), versionHash[1]);
            // The forger reads the source: the text an event's hash covers is no secret, the key is.
            AuditEvent forged = new AuditEvent(
                    event.seq(),
                    event.occurredAt(),
                    event.userId(),
                    event.action(),
                    event.systemId(),
                    details,
                    previous,
                    null,
                    null);
            String[] hash = forgery.hash(event.hashKeyId(), AuditTrail.contentOf(forged), true);
            jdbc.update(
                    "UPDATE wb_audit_event SET details = ?, previous_hash = ?, hash = ?, hash_key_id = ? WHERE seq = ?",
                    details,
                    previous,
                    hash[1],
                    hash[0],
                    event.seq());
            previous = hash[1];
        }
        jdbc.update("UPDATE wb_audit_head SET last_hash = ? WHERE id = 1", previous);
    }

    /**
     * Puts the real answer back and re-chains with the real key from the frozen event on, including the events that
     * the checks above appended to the forged chain (logins, exports), so that the shared test context stays valid.
     */
    private void restore(VersionRow original, List<AuditEvent> trail, long frozenSeq) {
        jdbc.update(
                "UPDATE wb_assessment_version SET answers = ?, content_hash = ?, hash_key_id = ? WHERE id = ?",
                original.answersJson(),
                original.contentHash(),
                original.hashKeyId(),
                original.id());
        Map<Long, String> originalDetails = new HashMap<>();
        trail.forEach(e -> originalDetails.put(e.seq(), e.details()));
        String previous = AuditTrail.GENESIS;
        long last = 0;
        for (AuditEvent event : chain()) {
            last = event.seq();
            if (event.seq() < frozenSeq) {
                previous = event.hash();
                continue;
            }
            String details = originalDetails.getOrDefault(event.seq(), event.details());
            EvidenceKeys.KeyedHash hash = keys.hash(AuditTrail.contentOf(new AuditEvent(
                    event.seq(),
                    event.occurredAt(),
                    event.userId(),
                    event.action(),
                    event.systemId(),
                    details,
                    previous,
                    null,
                    null)));
            jdbc.update(
                    "UPDATE wb_audit_event SET details = ?, previous_hash = ?, hash = ?, hash_key_id = ? WHERE seq = ?",
                    details,
                    previous,
                    hash.hash(),
                    hash.keyId(),
                    event.seq());
            previous = hash.hash();
        }
        jdbc.update("UPDATE wb_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", last, previous);
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

    private List<AuditEvent> chain() {
        return audit.events(null, 100_000).stream()
                .sorted(Comparator.comparingLong(AuditEvent::seq))
                .toList();
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
