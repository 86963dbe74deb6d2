package nl.waarborg.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action points of approved versions: made from the answers when the alderman approves (every list field whose
 * key ends in {@value #SUFFIX}), carried out in the Implement phase. A point that an earlier version of the same
 * assessment already carried out (same section, same text) is taken over as done, with what was done and the
 * evidence: a new round does not open finished work again.
 */
@Service
public class ActionPoints {

    /** Form fields whose key ends with this hold action points (what, owner, due date). */
    public static final String SUFFIX = "ActionPoints";

    private final AssessmentStore store;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ActionPoints(AssessmentStore store, AuditTrail audit, JdbcClient jdbc) {
        this.store = store;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Open action points of the versions approved in this round of the system's cycle. */
    public List<ActionPoint> openActionPoints(String systemId, int round) {
        List<ActionPoint> result = new ArrayList<>();
        for (Assessment assessment : store.assessmentsOf(systemId)) {
            for (VersionRow v : store.versions(assessment.id())) {
                if (v.cycleRound() == round && v.status() == VersionStatus.APPROVED) {
                    store.actionPoints(v.id()).stream().filter(p -> !p.done()).forEach(result::add);
                }
            }
        }
        return result;
    }

    public Optional<ActionPoint> actionPoint(String id) {
        return store.actionPoint(id);
    }

    /** Marks the point done with what was done ({@code result}) and where the evidence is (optional). */
    @Transactional
    public void completeActionPoint(String id, String userId, String result, String evidence) {
        ActionPoint point =
                store.actionPoint(id).orElseThrow(() -> new NotFoundException("No action point " + id + "."));
        if (store.markActionPointDone(id, userId, now(), blankToNull(result), blankToNull(evidence)) == 1) {
            String systemId = jdbc.sql("""
                    SELECT a.system_id FROM wb_assessment a JOIN wb_assessment_version v ON v.assessment_id = a.id WHERE v.id = :v""")
                    .param("v", point.versionId())
                    .query(String.class)
                    .single();
            audit.record(
                    AuditAction.ACTION_POINT_DONE, userId, systemId, Map.of("actionPointId", id, "what", point.what()));
        }
    }

    void createFor(VersionRow version) {
        Map<String, ActionPoint> doneBefore = doneBefore(version);
        Map<String, Object> answers = CanonicalJson.readMap(version.answersJson());
        for (Map.Entry<String, Object> section : answers.entrySet()) {
            if (!(section.getValue() instanceof Map<?, ?> fields)) {
                continue;
            }
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                if (!field.getKey().toString().endsWith(SUFFIX) || !(field.getValue() instanceof List<?> items)) {
                    continue;
                }
                for (Object item : items) {
                    if (item instanceof Map<?, ?> point
                            && point.get("what") != null
                            && !point.get("what").toString().isBlank()) {
                        Object due = point.get("dueDate");
                        String what = point.get("what").toString();
                        ActionPoint done = doneBefore.get(matchKey(section.getKey(), what));
                        store.insertActionPoint(new ActionPoint(
                                UUID.randomUUID().toString(),
                                version.id(),
                                section.getKey(),
                                what,
                                point.get("owner") == null
                                        ? null
                                        : point.get("owner").toString(),
                                parseDate(due),
                                done != null,
                                done == null ? null : done.doneBy(),
                                done == null ? null : done.doneAt(),
                                done == null ? null : done.result(),
                                done == null ? null : done.evidence()));
                    }
                }
            }
        }
    }

    /** The points that earlier versions of the same assessment carried out, by section and text. */
    private Map<String, ActionPoint> doneBefore(VersionRow version) {
        Map<String, ActionPoint> done = new HashMap<>();
        for (VersionRow earlier : store.versions(version.assessmentId())) {
            if (earlier.number() < version.number()) {
                store.actionPoints(earlier.id()).stream()
                        .filter(ActionPoint::done)
                        .forEach(p -> done.putIfAbsent(matchKey(p.section(), p.what()), p));
            }
        }
        return done;
    }

    private static String matchKey(String section, String what) {
        return section + "\n" + what.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static LocalDate parseDate(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
