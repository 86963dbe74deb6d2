package nl.waarborg.assessment;

import java.time.Instant;
import java.util.Map;

/**
 * One save of a section's answers, kept as it was saved (wb_answer_save, append-only). {@code answersHash} is the
 * SHA-256 of the answers' canonical JSON; the audit event ANSWERS_SAVED carries the same hash.
 */
public record AnswerSave(
        String section, String user, Instant savedAt, Map<String, Object> answers, String answersHash) {}
