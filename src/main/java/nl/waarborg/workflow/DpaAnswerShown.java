package nl.waarborg.workflow;

import java.util.Optional;
import nl.waarborg.assessment.DpaAnswer;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The DPA's answer on the alderman's form (GDPR Art. 36(2)), in engine-owned variables: its outcome, summary and date
 * only while the answer concerns the content decided on; after a rework without a new consultation only the mark that
 * an earlier answer concerned other content. Which answer applies is decided by the assessment module's rule, the
 * same that refuses an approval against an infringement answer.
 */
final class DpaAnswerShown {

    static final String OUTCOME = "dpaAnswerForDecision";
    static final String SUMMARY = "dpaAnswerForDecisionSummary";
    static final String DATE = "dpaAnswerForDecisionDate";
    static final String SUPERSEDED = "dpaAnswerSuperseded";

    private DpaAnswerShown() {}

    static void show(VariableScope scope, Optional<DpaAnswer> answer) {
        scope.removeVariable(OUTCOME);
        scope.removeVariable(SUMMARY);
        scope.removeVariable(DATE);
        scope.removeVariable(SUPERSEDED);
        answer.ifPresent(a -> {
            if (!a.current()) {
                scope.setVariable(SUPERSEDED, true);
                return;
            }
            scope.setVariable(OUTCOME, a.outcome());
            scope.setVariable(SUMMARY, a.summary() == null ? "" : a.summary());
            if (a.date() != null) {
                scope.setVariable(DATE, a.date());
            }
        });
    }
}
