package nl.waarborg.audit;

import java.util.List;

/**
 * Compares the answers of each frozen version with the last save of each of its sections (ADR 0012, 0020); run by
 * {@code GET /api/audit/verify}. Implemented by the module that keeps versions and saves (assessment), which uses the
 * audit trail, so the trail asks through this interface.
 */
public interface AnswerComparison {

    /** One section of a frozen version whose answers are not what was last saved. */
    record AnswerMismatch(String assessmentId, int version, String section, String problem) {}

    List<AnswerMismatch> answerMismatches();
}
