package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Versions from draft to frozen, through the service the engine bridge calls, and what the API, the database and
 * the audit chain make of them afterwards.
 */
@WaarborgIntegrationTest
class VersionLifecycleTest {

    /** An action point's due date: a planned date lies ahead (from today up to ten years). */
    static final java.time.LocalDate DUE = java.time.LocalDate.now().plusMonths(3);

    @Autowired
    AssessmentService assessments;

    @Autowired
    AssessmentReads reads;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AuditTrail audit;

    @Autowired
    AssessmentStore store;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private SystemRecord system() {
        return systems.register("Bijstandsfraude-signalering", "Signaleert mogelijke fraude", "Sociaal Domein", "lead");
    }

    @Test
    void aProcessIsLinkedToItsVersionOnceTheVersionOpensAndTheLinkStays() {
        SystemRecord system = system();
        String process = java.util.UUID.randomUUID().toString();
        // Asked before the version exists (a listener of an earlier step may ask): no link, and none kept.
        assertThat(reads.versionOfProcess(process)).isEmpty();
        AssessmentService.OpenedVersion v =
                assessments.openVersion(system.id(), AssessmentType.IAMA, 1, process, "lead");
        AssessmentReads.VersionKey key = new AssessmentReads.VersionKey(v.assessmentId(), v.number());
        assertThat(reads.versionOfProcess(process)).contains(key);
        assertThat(reads.versionOfProcess(process)).as("asked again").contains(key);
        assertThat(reads.versionOfProcess(null)).isEmpty();
        // Another process of the same system has a version of its own.
        String next = java.util.UUID.randomUUID().toString();
        assertThat(reads.versionOfProcess(next)).isEmpty();
        AssessmentService.OpenedVersion v2 = assessments.openVersion(system.id(), AssessmentType.IAMA, 2, next, "lead");
        assertThat(reads.versionOfProcess(next))
                .contains(new AssessmentReads.VersionKey(v2.assessmentId(), v2.number()));
        assertThat(reads.versionOfProcess(process)).contains(key);
    }

    /** A decision as the gate's listener passes it; the alderman's says the college decides (ADR 0035). */
    static void decide(AssessmentService assessments, String assessmentId, int number, GateDecisionRequest request) {
        assessments.decide(
                assessmentId,
                number,
                request,
                request.advisory()
                        ? DecisionGovernance.NONE
                        : new DecisionGovernance("COLLEGE", null, List.of(), List.of()));
    }

    private static GateDecisionRequest gate(String gate, String decision, String user, String task) {
        boolean advisory = !"alderman-decision".equals(gate);
        return new GateDecisionRequest(
                gate, advisory, decision, "Motivering van " + user, null, null, List.of(), user, task);
    }

    /** Fills in a version as "lead" and takes it through all three gates to approval. */
    private AssessmentService.OpenedVersion approvedVersion(String systemId, int round, String answer) {
        return approvedVersion(assessments, systemId, round, answer);
    }

    static AssessmentService.OpenedVersion approvedVersion(
            AssessmentService assessments, String systemId, int round, String answer) {
        AssessmentService.OpenedVersion v = assessments.openVersion(systemId, AssessmentType.IAMA, round, null, "lead");
        assessments.saveSection(
                v.assessmentId(),
                v.number(),
                "iama-part-1",
                Map.of(
                        "goal",
                        answer,
                        "part1ActionPoints",
                        List.of(Map.of(
                                "what", "Bias-toets uitvoeren", "owner", "Team Data", "dueDate", DUE.toString()))),
                "lead");
        assessments.markInReview(v.assessmentId(), v.number());
        String prefix = systemId + "-" + round + "-";
        decide(
                assessments,
                v.assessmentId(),
                v.number(),
                gate("privacy-officer-advice", "APPROVED", "fg", prefix + "t1"));
        decide(
                assessments,
                v.assessmentId(),
                v.number(),
                gate("ethics-committee-advice", "APPROVED", "ethics", prefix + "t2"));
        decide(
                assessments,
                v.assessmentId(),
                v.number(),
                gate("alderman-decision", "APPROVED", "alderman", prefix + "t3"));
        return v;
    }

    @Test
    void approvalFreezesTheVersionWithAChainedHashAndActionPoints() {
        SystemRecord system = system();
        AssessmentService.OpenedVersion v1 = approvedVersion(system.id(), 1, "Fraude eerder opsporen");

        AssessmentVersion frozen = reads.version(v1.assessmentId(), 1).orElseThrow();
        assertThat(frozen.status()).isEqualTo(VersionStatus.APPROVED);
        assertThat(frozen.contentHash()).hasSize(64);
        assertThat(frozen.previousHash()).isNull();
        assertThat(frozen.signatures())
                .extracting(Signature::gate)
                .containsExactly("privacy-officer-advice", "ethics-committee-advice", "alderman-decision");
        assertThat(frozen.actionPoints()).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("Bias-toets uitvoeren");
            assertThat(p.dueDate()).isEqualTo(DUE);
        });
        assertThat(reads.hashIntact(v1.assessmentId(), 1)).isTrue();
        // The version page shows the action point's due date as every other date: day-month-year.
        Http web = Http.browser(port);
        assertThat(web.formLogin("manager", "demo").statusCode()).isEqualTo(302);
        String page =
                web.get("/beoordelingen/" + v1.assessmentId() + "/versies/1").body();
        assertThat(page)
                .contains("<td>" + DUE.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + "</td>")
                .doesNotContain(DUE.toString());

        // Every later change is refused by the service.
        assertThatThrownBy(() ->
                        assessments.saveSection(v1.assessmentId(), 1, "iama-part-1", Map.of("goal", "anders"), "lead"))
                .isInstanceOf(VersionFrozenException.class);

        // A second round starts from the approved answers; its approval supersedes version 1 and chains its hash.
        AssessmentService.OpenedVersion v2 = assessments.openVersion(system.id(), AssessmentType.IAMA, 2, null, "lead");
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.prefill()).containsKey("iama-part-1");
        assertThat(reads.version(v1.assessmentId(), 1).orElseThrow().status()).isEqualTo(VersionStatus.APPROVED);
        assessments.saveSection(
                v2.assessmentId(),
                2,
                "iama-part-1",
                Map.of("goal", "Fraude eerder en eerlijker opsporen", "part1ActionPoints", List.of()),
                "lead");
        decide(
                assessments,
                v2.assessmentId(),
                2,
                gate("privacy-officer-advice", "APPROVED", "fg", system.id() + "-2-t1"));
        decide(
                assessments,
                v2.assessmentId(),
                2,
                gate("ethics-committee-advice", "APPROVED", "ethics", system.id() + "-2-t2"));
        decide(
                assessments,
                v2.assessmentId(),
                2,
                gate("alderman-decision", "APPROVED", "alderman", system.id() + "-2-t3"));

        AssessmentVersion second = reads.version(v2.assessmentId(), 2).orElseThrow();
        assertThat(second.previousHash()).isEqualTo(frozen.contentHash());
        assertThat(reads.version(v1.assessmentId(), 1).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(reads.hashIntact(v1.assessmentId(), 1)).isTrue();

        // The API shows the diff per question.
        Http api = Http.api(port).as("manager", "demo");
        HttpResponse<String> diff = api.get("/api/assessments/" + v1.assessmentId() + "/diff?from=1&to=2");
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.body())
                .contains("\"key\":\"goal\"")
                .contains("\"change\":\"CHANGED\"")
                .contains("\"oldValue\":\"Fraude eerder opsporen\"")
                .contains("\"newValue\":\"Fraude eerder en eerlijker opsporen\"");
    }

    @Test
    void segregationOfDutiesRefusesAndRecordsNothing() {
        SystemRecord system = system();
        AssessmentService.OpenedVersion v = assessments.openVersion(system.id(), AssessmentType.DPIA, 1, null, "lead");
        assessments.saveSection(v.assessmentId(), v.number(), "dpia-section-a", Map.of("proposal", "x"), "fg");

        assertThatThrownBy(() -> decide(
                        assessments,
                        v.assessmentId(),
                        1,
                        gate("privacy-officer-advice", "APPROVED", "fg", system.id() + "-a")))
                .isInstanceOf(SegregationOfDutiesException.class)
                .hasMessageContaining("filled in content");
        decide(
                assessments,
                v.assessmentId(),
                1,
                gate("privacy-officer-advice", "APPROVED", "ethics", system.id() + "-b"));
        assertThatThrownBy(() -> decide(
                        assessments,
                        v.assessmentId(),
                        1,
                        gate("alderman-decision", "APPROVED", "ethics", system.id() + "-c")))
                .isInstanceOf(SegregationOfDutiesException.class)
                .hasMessageContaining("already decided");
        assertThat(reads.version(v.assessmentId(), 1).orElseThrow().signatures())
                .hasSize(1);
    }

    @Test
    void gateFieldsAreCheckedAndNegativeAdviceNeedsADeviationMotivation() {
        SystemRecord system = system();
        AssessmentService.OpenedVersion v = assessments.openVersion(system.id(), AssessmentType.IAMA, 1, null, "lead");
        String id = v.assessmentId();
        assertThatThrownBy(() -> decide(
                        assessments,
                        id,
                        1,
                        new GateDecisionRequest(
                                "privacy-officer-advice",
                                true,
                                "MAYBE",
                                "m",
                                null,
                                null,
                                List.of(),
                                "fg",
                                system.id() + "-1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("decision");
        assertThatThrownBy(() -> decide(
                        assessments,
                        id,
                        1,
                        new GateDecisionRequest(
                                "privacy-officer-advice",
                                true,
                                "APPROVED",
                                "  ",
                                null,
                                null,
                                List.of(),
                                "fg",
                                system.id() + "-2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("motivation");
        assertThatThrownBy(() -> decide(
                        assessments,
                        id,
                        1,
                        new GateDecisionRequest(
                                "privacy-officer-advice",
                                true,
                                "APPROVED_WITH_CONDITIONS",
                                "m",
                                "",
                                null,
                                List.of(),
                                "fg",
                                system.id() + "-3")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("conditions");

        decide(assessments, id, 1, gate("privacy-officer-advice", "REJECTED", "fg", system.id() + "-4"));
        // An IAMA needs the ethics committee's advice as well before the alderman decides (ADR 0014).
        decide(assessments, id, 1, gate("ethics-committee-advice", "APPROVED", "ethics", system.id() + "-4b"));
        assertThatThrownBy(() -> decide(
                        assessments, id, 1, gate("alderman-decision", "APPROVED", "alderman", system.id() + "-5")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deviationMotivation");
        decide(
                assessments,
                id,
                1,
                new GateDecisionRequest(
                        "alderman-decision",
                        false,
                        "APPROVED",
                        "Maatschappelijk belang weegt zwaarder",
                        null,
                        "Het advies is meegewogen; de risico's zijn aanvaardbaar met de maatregelen",
                        List.of(),
                        "alderman",
                        system.id() + "-6"));
        assertThat(reads.version(id, 1).orElseThrow().status()).isEqualTo(VersionStatus.APPROVED);
    }

    @Test
    void aFrozenVersionCannotBeChangedThroughTheApiOrBySql() {
        SystemRecord system = system();
        AssessmentService.OpenedVersion v = approvedVersion(system.id(), 1, "Doel");
        Http lead = Http.api(port).as("lead", "demo");
        HttpResponse<String> put =
                lead.send(lead.request("/api/assessments/" + v.assessmentId() + "/versions/1/sections/iama-part-1")
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"goal\":\"nieuw\"}")));
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE wb_assessment_version SET answers = '{}' WHERE assessment_id = ? AND number = 1",
                        v.assessmentId()))
                .hasMessageContaining("frozen");
        assertThatThrownBy(() ->
                        jdbc.update("DELETE FROM wb_assessment_version WHERE assessment_id = ?", v.assessmentId()))
                .hasMessageContaining("deleted");
        assertThatThrownBy(() ->
                        jdbc.update("UPDATE wb_signature SET decision = 'REJECTED' WHERE gate = 'alderman-decision'"))
                .hasMessageContaining("append-only");
        assertThat(reads.hashIntact(v.assessmentId(), 1)).isTrue();
    }

    @Test
    void everySaveIsKeptSoWhatAGateSawBeforeASendBackStaysOnRecord() {
        SystemRecord system = system();
        AssessmentService.OpenedVersion v = assessments.openVersion(system.id(), AssessmentType.IAMA, 1, null, "lead");
        assessments.saveSection(v.assessmentId(), v.number(), "iama-part-1", Map.of("goal", "Eerste tekst"), "lead");
        assessments.markInReview(v.assessmentId(), v.number());
        decide(
                assessments,
                v.assessmentId(),
                v.number(),
                new GateDecisionRequest(
                        "privacy-officer-advice",
                        true,
                        "SENT_BACK",
                        "Doel is te vaag",
                        null,
                        null,
                        List.of("iama-part-1"),
                        "fg",
                        system.id() + "-sb1"));
        assessments.saveSection(v.assessmentId(), v.number(), "iama-part-1", Map.of("goal", "Herziene tekst"), "lead2");

        List<AnswerSave> saves = reads.answerSaves(v.assessmentId(), v.number());
        assertThat(saves).extracting(AnswerSave::section).containsExactly("iama-part-1", "iama-part-1");
        assertThat(saves).extracting(AnswerSave::user).containsExactly("lead", "lead2");
        assertThat(saves.get(0).answers()).containsEntry("goal", "Eerste tekst");
        assertThat(saves.get(1).answers()).containsEntry("goal", "Herziene tekst");
        assertThat(saves.get(0).answersHash())
                .isEqualTo(CanonicalJson.sha256(CanonicalJson.write(Map.of("goal", "Eerste tekst"))));
        // The draft itself shows only the rework; the audit trail carries each save's hash.
        assertThat(reads.version(v.assessmentId(), v.number())
                        .orElseThrow()
                        .answers()
                        .get("iama-part-1")
                        .toString())
                .contains("Herziene tekst")
                .doesNotContain("Eerste tekst");
        assertThat(audit.events(system.id(), 20))
                .filteredOn(e -> "ANSWERS_SAVED".equals(e.action()))
                .extracting(e -> CanonicalJson.readMap(e.details()).get("answersHash"))
                .containsExactlyInAnyOrder(
                        saves.get(0).answersHash(), saves.get(1).answersHash());

        HttpResponse<String> api =
                Http.api(port).as("ethics", "demo").get("/api/assessments/" + v.assessmentId() + "/versions/1/saves");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body())
                .contains("Eerste tekst")
                .contains("Herziene tekst")
                .contains("\"user\":\"lead2\"");
        assertThat(Http.api(port)
                        .as("ethics", "demo")
                        .get("/api/assessments/" + v.assessmentId() + "/versions/7/saves")
                        .statusCode())
                .isEqualTo(404);

        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE wb_answer_save SET answers = '{}' WHERE version_id IN "
                                + "(SELECT id FROM wb_assessment_version WHERE assessment_id = ?)",
                        v.assessmentId()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update(
                        "DELETE FROM wb_answer_save WHERE version_id IN "
                                + "(SELECT id FROM wb_assessment_version WHERE assessment_id = ?)",
                        v.assessmentId()))
                .hasMessageContaining("append-only");
    }

    @Test
    void theHashChainsNoticeRowsChangedBehindTheApplicationsBack() {
        SystemRecord system = system();
        AssessmentService.OpenedVersion v = approvedVersion(system.id(), 1, "Doel");
        assertThat(audit.verify().valid()).isTrue();
        AuditTrail.AuditEvent victim = audit.events(system.id(), 1).get(0);
        AssessmentStore.VersionRow original = store.version(v.assessmentId(), 1).orElseThrow();

        withGuardsOff(() -> {
            jdbc.update(
                    "UPDATE wb_assessment_version SET answers = ? WHERE assessment_id = ? AND number = 1",
                    "{\"iama-part-1\":{\"goal\":\"vervalst\"}}",
                    v.assessmentId());
            jdbc.update("UPDATE wb_audit_event SET user_id = 'mallory' WHERE seq = ?", victim.seq());
        });
        try {
            assertThat(reads.hashIntact(v.assessmentId(), 1)).isFalse();
            AuditTrail.Verification verification = audit.verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenEventId()).isEqualTo(victim.seq());
            HttpResponse<String> api = Http.api(port).as("manager", "demo").get("/api/audit/verify");
            assertThat(api.body()).contains("\"valid\":false").contains("\"firstBrokenEventId\":" + victim.seq());
        } finally {
            // Put both back: the shared context's /api/audit/verify also compares frozen answers with their saves.
            withGuardsOff(() -> {
                jdbc.update("UPDATE wb_audit_event SET user_id = ? WHERE seq = ?", victim.userId(), victim.seq());
                jdbc.update(
                        "UPDATE wb_assessment_version SET answers = ? WHERE id = ?",
                        original.answersJson(),
                        original.id());
            });
        }
        assertThat(audit.verify().valid()).isTrue();
        assertThat(reads.hashIntact(v.assessmentId(), 1)).isTrue();
    }

    @Test
    void exportsAreCompleteAndShowHtmlAsText() throws IOException {
        SystemRecord system = system();
        AssessmentService.OpenedVersion v = approvedVersion(system.id(), 1, "<script>alert('x')</script> & meer");
        Http manager = Http.api(port).as("manager", "demo");
        HttpResponse<String> json =
                manager.get("/api/assessments/" + v.assessmentId() + "/versions/1/export?format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body())
                .contains("\"contentHash\"")
                .contains("\"signatures\"")
                .contains("alderman-decision")
                .contains("\"hashIntact\":true")
                .contains("<script>alert");

        HttpResponse<byte[]> pdf =
                manager.getBytes("/api/assessments/" + v.assessmentId() + "/versions/1/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("<script>alert('x')</script> & meer")
                    .contains("Besluiten en adviezen")
                    .contains("alderman")
                    .contains(reads.version(v.assessmentId(), 1)
                            .orElseThrow()
                            .contentHash()
                            .substring(0, 16));
        }
        assertThat(manager.get("/api/assessments/" + v.assessmentId() + "/versions/1/export?format=doc")
                        .statusCode())
                .isEqualTo(400);
        assertThat(manager.get("/api/assessments/" + v.assessmentId() + "/versions/9")
                        .statusCode())
                .isEqualTo(404);
        assertThat(manager.get("/api/assessments/no-such-id").statusCode()).isEqualTo(404);
    }

    private void withGuardsOff(Runnable change) {
        withGuardsOff(jdbc, change);
    }

    /** What a database administrator can do: switch the immutability guards off (PostgreSQL) or drop them (H2). */
    static void withGuardsOff(JdbcTemplate jdbc, Runnable change) {
        if (TestDatabases.isPostgres()) {
            jdbc.execute("ALTER TABLE wb_assessment_version DISABLE TRIGGER wb_version_guard");
            jdbc.execute("ALTER TABLE wb_audit_event DISABLE TRIGGER wb_audit_guard");
            try {
                change.run();
            } finally {
                jdbc.execute("ALTER TABLE wb_assessment_version ENABLE TRIGGER wb_version_guard");
                jdbc.execute("ALTER TABLE wb_audit_event ENABLE TRIGGER wb_audit_guard");
            }
        } else {
            jdbc.execute("DROP TRIGGER wb_version_guard");
            jdbc.execute("DROP TRIGGER wb_audit_guard");
            try {
                change.run();
            } finally {
                jdbc.execute(
                        "CREATE TRIGGER wb_version_guard BEFORE UPDATE, DELETE ON wb_assessment_version FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger'");
                jdbc.execute(
                        "CREATE TRIGGER wb_audit_guard BEFORE UPDATE, DELETE ON wb_audit_event FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger'");
            }
        }
    }
}
