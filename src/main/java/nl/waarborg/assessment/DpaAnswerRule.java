package nl.waarborg.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Dutch DPA's written advice after a prior consultation (GDPR Art. 36(2)): while it says that the processing would
 * infringe the GDPR, the alderman cannot approve the version, unless the version was reworked after the answer (its
 * content differs from what the DPA answered on). The answer section records the content it answered on.
 */
final class DpaAnswerRule {

    static final String SECTION = "dpa-consultation-answer";
    static final String OUTCOME = "dpaAnswerOutcome";
    static final String INFRINGEMENT = "INFRINGEMENT";
    /** Set by the server on the answer section: the answers hash of the content the DPA answered on. */
    static final String ANSWERED_ON = "answeredOnContent";

    private DpaAnswerRule() {}

    /** The values to save for a section: the DPA's answer gets the hash of the content it answered on. */
    static Map<String, Object> stamp(String section, Map<String, Object> values, String answersHash) {
        if (!SECTION.equals(section)) {
            return values;
        }
        Map<String, Object> stamped = new LinkedHashMap<>(values);
        stamped.put(ANSWERED_ON, answersHash);
        return stamped;
    }

    /**
     * Whether an approval is refused: the DPA's answer says "infringement" and the content is still what it answered
     * on. An answer without the hash (recorded before this rule) counts as given on the current content.
     */
    static boolean refusesApproval(Map<String, Object> answers, String currentAnswersHash) {
        if (!(answers.get(SECTION) instanceof Map<?, ?> answer)) {
            return false;
        }
        if (!INFRINGEMENT.equals(answer.get(OUTCOME))) {
            return false;
        }
        Object answeredOn = answer.get(ANSWERED_ON);
        return answeredOn == null || answeredOn.equals(currentAnswersHash);
    }
}
