package nl.waarborg.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * key ends in {@value #SUFFIX}), carried out in the Implement phase.
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

    @Transactional
    public void completeActionPoint(String id, String userId) {
        ActionPoint point =
                store.actionPoint(id).orElseThrow(() -> new NotFoundException("No action point " + id + "."));
        if (store.markActionPointDone(id, userId, now()) == 1) {
            String systemId = jdbc.sql("""
                    SELECT a.system_id FROM wb_assessment a JOIN wb_assessment_version v ON v.assessment_id = a.id WHERE v.id = :v""")
                    .param("v", point.versionId())
                    .query(String.class)
                    .single();
            audit.record(
                    AuditAction.ACTION_POINT_DONE, userId, systemId, Map.of("actionPointId", id, "what", point.what()));
        }
    }

    @SuppressWarnings("unchecked")
    void createFor(VersionRow version) {
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
                        store.insertActionPoint(new ActionPoint(
                                UUID.randomUUID().toString(),
                                version.id(),
                                section.getKey(),
                                point.get("what").toString(),
                                point.get("owner") == null
                                        ? null
                                        : point.get("owner").toString(),
                                parseDate(due),
                                false,
                                null,
                                null));
                    }
                }
            }
        }
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
