package nl.waarborg.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.shared.CanonicalJson;
import org.springframework.stereotype.Component;

/**
 * The alderman's decision record in the signed version (ADR 0035): the competent body and mandate, the verdict on each
 * condition of the advice, the accepted residual risks and the action points that adopted conditions become. It is kept
 * as a section of the version's answers named after the alderman's form, so the version page, PDF and JSON show it with
 * the form's labels, the content hash covers it, and ActionPoints makes the action points as for any other section.
 * It is a review record: it is not part of what the advisers saw (the answers hash) and a next version does not inherit it.
 */
@Component
public class DecisionRecords {

    /** The sections that hold a decision record, one per assessment type (the alderman's form ids). */
    static final Set<String> SECTIONS = Set.of("iama-alderman-decision", "dpia-alderman-decision");

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final AssessmentStore store;

    DecisionRecords(AssessmentStore store) {
        this.store = store;
    }

    static String section(AssessmentType type) {
        return type.processKey() + "-alderman-decision";
    }

    /**
     * The rows the alderman's form starts with: one per condition of the advice (without a verdict) and one per residual
     * risk (not yet accepted), keyed by the form's list paths.
     */
    public Map<String, Object> formRows(String assessmentId, int number) {
        VersionRow version = store.version(assessmentId, number)
                .orElseThrow(() -> new AssessmentNotFoundException(assessmentId + " version " + number));
        Assessment assessment = store.findAssessment(assessmentId).orElseThrow();
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (AdviceConditions.Item item : conditions(version)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source", item.source());
            row.put("condition", item.condition());
            conditions.add(row);
        }
        List<Map<String, Object>> risks = new ArrayList<>();
        for (AcceptedResidualRisks.Risk risk : risks(assessment, version)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("risk", risk.risk());
            if (risk.level() != null) {
                row.put("level", risk.level());
            }
            row.put("accepted", false);
            risks.add(row);
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put(DecisionGovernanceRules.CONDITIONS, conditions);
        rows.put(DecisionGovernanceRules.RISKS, risks);
        return rows;
    }

    /**
     * Checks the alderman's governance fields and writes the record into the version (still in review); returns the
     * version as it now reads. A send-back records nothing. Throws InvalidInputException (400) naming the field.
     */
    VersionRow record(
            Assessment assessment, VersionRow version, String decision, DecisionGovernance input, String userId) {
        Optional<Map<String, Object>> record = DecisionGovernanceRules.record(
                decision,
                input == null ? DecisionGovernance.NONE : input,
                conditions(version),
                risks(assessment, version),
                LocalDate.now(AMSTERDAM));
        if (record.isEmpty()) {
            return version;
        }
        Map<String, Object> answers = CanonicalJson.readMap(version.answersJson());
        String section = section(assessment.type());
        answers.put(section, record.get());
        store.updateDraft(version.id(), version.status(), CanonicalJson.write(answers));
        // Saved like any section, so FrozenAnswerCheck finds where the record came from; not counted as content.
        String json = CanonicalJson.write(record.get());
        store.insertAnswerSave(
                UUID.randomUUID().toString(),
                version.id(),
                section,
                userId,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                json,
                CanonicalJson.sha256(json));
        return store.version(assessment.id(), version.number()).orElseThrow();
    }

    private List<AdviceConditions.Item> conditions(VersionRow version) {
        return AdviceConditions.of(
                AssessmentService.latestAdvice(store.signatures(version.id())).values());
    }

    private static List<AcceptedResidualRisks.Risk> risks(Assessment assessment, VersionRow version) {
        return AcceptedResidualRisks.of(assessment.type(), CanonicalJson.readMap(version.answersJson()));
    }
}
