package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.audit.AnswerComparison;
import nl.waarborg.shared.CanonicalJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frozen answers of each version against the saves they came from (wb_answer_save, append-only): each section's
 * frozen answers must be its last save in that version, or, for a section not saved in that version, what it was
 * pre-filled with (the answers of the approved version before it). A save whose stored hash no longer matches its
 * answers counts as a mismatch too. Someone who edits a frozen answer behind the application's back (and even
 * recomputes the version hash with the key) must also rewrite the save history to pass this check.
 */
@Component
class FrozenAnswerCheck implements AnswerComparison {

    private final AssessmentStore store;

    FrozenAnswerCheck(AssessmentStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AnswerMismatch> answerMismatches() {
        List<AnswerMismatch> mismatches = new ArrayList<>();
        for (String assessmentId : store.assessmentsWithFrozenVersions()) {
            Map<String, Object> prefill = null;
            for (VersionRow version : store.versions(assessmentId)) { // in number order
                Map<String, Object> answers = CanonicalJson.readMap(version.answersJson());
                if (version.contentHash() != null) {
                    compare(version, answers, prefill, mismatches);
                }
                if (version.status() == VersionStatus.APPROVED || version.status() == VersionStatus.SUPERSEDED) {
                    prefill = answers; // what the next version was opened with
                }
            }
        }
        return mismatches;
    }

    private void compare(
            VersionRow version,
            Map<String, Object> answers,
            Map<String, Object> prefill,
            List<AnswerMismatch> mismatches) {
        Map<String, AnswerSave> lastSaves = new LinkedHashMap<>();
        for (AnswerSave save : store.answerSaves(version.id())) { // oldest first
            lastSaves.put(save.section(), save);
            if (!save.answersHash().equals(CanonicalJson.sha256(CanonicalJson.write(save.answers())))) {
                mismatches.add(
                        mismatch(version, save.section(), "a save of this section was altered after it was made"));
            }
        }
        Set<String> sections = new LinkedHashSet<>(answers.keySet());
        sections.addAll(lastSaves.keySet());
        for (String section : sections) {
            AnswerSave last = lastSaves.get(section);
            if (!answers.containsKey(section)) {
                mismatches.add(mismatch(version, section, "saved but missing from the frozen answers"));
            } else if (last != null && !same(answers.get(section), last.answers())) {
                mismatches.add(mismatch(
                        version,
                        section,
                        "the frozen answers differ from the last save (by " + last.user() + " at " + last.savedAt()
                                + ")"));
            } else if (last == null && (prefill == null || !same(answers.get(section), prefill.get(section)))) {
                mismatches.add(mismatch(
                        version,
                        section,
                        "the frozen answers were never saved in this version and differ from the approved version"
                                + " it was opened with"));
            }
        }
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(CanonicalJson.write(a), CanonicalJson.write(b));
    }

    private static AnswerMismatch mismatch(VersionRow version, String section, String problem) {
        return new AnswerMismatch(version.assessmentId(), version.number(), section, problem);
    }
}
