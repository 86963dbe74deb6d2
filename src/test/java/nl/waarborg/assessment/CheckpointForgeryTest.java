package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.audit.AuditTrail.AuditEvent;
import nl.waarborg.audit.CheckpointVerify;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, signed checkpoints: an exported checkpoint verifies offline (the command of the README, as its own process
 * and against the database); a forged database is caught by comparing it with the checkpoint, also when the forger
 * had the evidence key and so passes every check inside the application; and /api/audit/verify finds the forged answer
 * by comparing it with the last save.
 */
@WaarborgIntegrationTest
class CheckpointForgeryTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** How the forger computes the hashes: with the stolen key, or without it (a database-only view). */
    enum Forger {
        WITH_THE_KEY,
        DATABASE_ONLY
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
    EvidenceKeys keys;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void anExportedCheckpointVerifiesOfflineAndCatchesAForgeryEvenWithTheKey() throws Exception {
        String systemId = systems.register("Bijstandsfraude", null, "Sociaal Domein", "lead")
                .id();
        AssessmentService.OpenedVersion v =
                VersionLifecycleTest.approvedVersion(assessments, systemId, 1, "Echte doelstelling");
        Http manager = Http.api(port).as("manager", "demo");
        assertThat(Http.api(port)
                        .as("lead", "demo")
                        .postJson("/api/audit/checkpoints", "")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> created = manager.postJson("/api/audit/checkpoints", "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> latest = manager.get("/api/audit/checkpoints/latest");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"waarborg-checkpoint-");
        assertThat(latest.body()).isEqualTo(created.body());
        VersionRow original = store.version(v.assessmentId(), 1).orElseThrow();
        JsonNode checkpoint = JSON.readTree(latest.body());
        assertThat(checkpoint.path("audit").path("chainValid").asBoolean()).isTrue();
        assertThat(checkpoint.path("versions").findValuesAsText("contentHash")).contains(original.contentHash());
        assertThat(checkpoint.path("signature").path("keyId").asText()).isEqualTo(keys.currentKeyId());
        Path file = dir.resolve("checkpoint.json");
        Files.writeString(file, latest.body());

        // The README's command, as a process of its own: the file's signature holds, a changed file does not.
        assertThat(offlineProcess(file)).isZero();
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, latest.body().replace(original.contentHash(), "0".repeat(64)));
        assertThat(offlineProcess(changed)).isEqualTo(1);
        assertThat(offline(file)).contains("OK: the database holds everything");

        DatabaseForgery forgery = new DatabaseForgery(jdbc, reads, store, audit, keys);
        List<AuditEvent> trail = forgery.chain();
        long frozenSeq = trail.stream()
                .filter(e -> e.action().equals("VERSION_FROZEN") && systemId.equals(e.systemId()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .seq();
        for (Forger forger : Forger.values()) {
            DatabaseForgery.Hasher hasher = (keyId, text, auditEvent) -> forger == Forger.WITH_THE_KEY
                    ? new String[] {keys.hash(text).keyId(), keys.hash(text).hash()}
                    : new String[] {keyId, CanonicalJson.sha256(text)};
            VersionLifecycleTest.withGuardsOff(
                    jdbc,
                    () -> forgery.forge(
                            hasher, v.assessmentId(), original, frozenSeq, "Echte doelstelling", "vervalst"));
            try {
                if (forger == Forger.WITH_THE_KEY) {
                    // Inside the application the keyed checks pass: only what was stored elsewhere can tell.
                    assertThat(reads.hashIntact(v.assessmentId(), 1)).isTrue();
                    assertThat(audit.verify().valid()).isTrue();
                }
                JsonNode verified =
                        JSON.readTree(manager.get("/api/audit/verify").body());
                assertThat(verified.path("valid").asBoolean()).as(forger.name()).isFalse();
                assertThat(verified.path("chainValid").asBoolean())
                        .as(forger.name())
                        .isEqualTo(forger == Forger.WITH_THE_KEY);
                assertThat(verified.path("answerMismatches").toString())
                        .as("the frozen answer is not the last save")
                        .contains(v.assessmentId())
                        .contains("\"section\":\"iama-part-1\"")
                        .contains("differ from the last save");
                String report = offline(file);
                assertThat(report)
                        .as(forger.name())
                        .contains("FAILED: version 1 of assessment " + v.assessmentId() + " has another hash")
                        .contains("is not the one the checkpoint recorded")
                        .doesNotContain("OK: the database holds");
                assertThat(report.contains("the audit chain does not verify"))
                        .as(forger.name())
                        .isEqualTo(forger == Forger.DATABASE_ONLY);
            } finally {
                VersionLifecycleTest.withGuardsOff(jdbc, () -> forgery.restore(original, trail, frozenSeq));
            }
        }
        assertThat(offline(file)).contains("OK: the database holds everything");
        JsonNode verified = JSON.readTree(manager.get("/api/audit/verify").body());
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("answerMismatches").isEmpty()).isTrue();
    }

    /** CheckpointVerify against this test's database, in this JVM (an in-memory H2 is reachable only from here). */
    private String offline(Path file) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = CheckpointVerify.run(
                new String[] {
                    file.toString(),
                    "--db-url",
                    environment.getProperty("spring.datasource.url"),
                    "--db-user",
                    environment.getProperty("spring.datasource.username", ""),
                    "--db-password",
                    environment.getProperty("spring.datasource.password", "")
                },
                Map.of("WAARBORG_EVIDENCE_KEY", environment.getProperty("waarborg.evidence.key")),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isEqualTo(report.contains("FAILED") ? 1 : 0);
        return report;
    }

    /** {@code java -cp … nl.waarborg.audit.CheckpointVerify file} with the key in the environment: its exit code. */
    private int offlineProcess(Path file) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CheckpointVerify.class.getName(),
                        file.toString())
                .redirectErrorStream(true);
        command.environment().put("WAARBORG_EVIDENCE_KEY", environment.getProperty("waarborg.evidence.key"));
        command.environment().remove("WAARBORG_DB_URL");
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains(process.exitValue() == 0 ? "OK: signature" : "FAILED");
        return process.exitValue();
    }
}
