package nl.waarborg.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Dutch DPA's written advice after a prior consultation (GDPR Art. 36(2)): while it says that the processing would
 * infringe the GDPR, the alderman cannot approve the version, unless the version was reworked after the answer (its
 * content differs from what the DPA answered on). The answer section records the content it answered on.
 */
final class DpaAnswerRule {

    static final String SECTION = "dpa-consultation-answer";
    static final String OUTCOME = "dpaAnswerOutcome";
    static final String SUMMARY = "dpaAnswerSummary";
    static final String DATE = "dpaAnswerDate";
    static final String INFORMATION_REQUESTED = "dpaInformationRequested";
    static final String EXTENSION = "dpaExtensionAnnounced";
    static final String INFRINGEMENT = "INFRINGEMENT";
    /** Set by the server on the answer section: the answers hash of the content the DPA answered on. */
    static final String ANSWERED_ON = "answeredOnContent";

    private DpaAnswerRule() {}

    /**
     * The values to save for a section: the DPA's answer gets the hash of the content it answered on. A report that is
     * not an answer (a request for information, an extension) carries no outcome, not even one left from an earlier
     * consultation.
     */
    static Map<String, Object> stamp(
            String section, Map<String, Object> values, java.util.function.Supplier<String> answersHash) {
        if (!SECTION.equals(section)) {
            return values; // the hash over the whole version is taken only for the DPA's section
        }
        Map<String, Object> stamped = new LinkedHashMap<>(values);
        if (Boolean.TRUE.equals(values.get(INFORMATION_REQUESTED)) || Boolean.TRUE.equals(values.get(EXTENSION))) {
            stamped.keySet().removeAll(List.of(OUTCOME, SUMMARY, DATE));
        }
        stamped.put(ANSWERED_ON, answersHash.get());
        return stamped;
    }

    /**
     * The DPA's answer recorded on the version, if any, and whether it concerns the current content. An answer without
     * the hash (recorded before this rule) counts as given on the current content.
     */
    static Optional<DpaAnswer> answer(Map<String, Object> answers, String currentAnswersHash) {
        if (!(answers.get(SECTION) instanceof Map<?, ?> answer) || !(answer.get(OUTCOME) instanceof String outcome)) {
            return Optional.empty();
        }
        Object answeredOn = answer.get(ANSWERED_ON);
        boolean current = answeredOn == null || answeredOn.equals(currentAnswersHash);
        return Optional.of(new DpaAnswer(outcome, text(answer.get(SUMMARY)), text(answer.get(DATE)), current));
    }

    /**
     * Whether an approval is refused: the DPA's answer says "infringement" and the content is still what it answered
     * on.
     */
    static boolean refusesApproval(Map<String, Object> answers, String currentAnswersHash) {
        return answer(answers, currentAnswersHash)
                .filter(a -> a.current() && INFRINGEMENT.equals(a.outcome()))
                .isPresent();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
