package nl.waarborg.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans assessment-cycle.bpmn names with {@code camunda:delegateExpression} (besides the phase listeners): each
 * hands one step of the model to one use case. Values the model routes or waits on are plain variables.
 */
@Configuration(proxyBeanMethods = false)
class CycleDelegates {

    /** Read by the gateway after the assessments ({@code ${roundRejected}}); transient, it lives only while routing. */
    static final String ROUND_REJECTED = "roundRejected";
    /** Read by the review timer ({@code ${nextReviewDate}}). */
    static final String NEXT_REVIEW_DATE = "nextReviewDate";

    /** Service task "Nieuwe ronde starten": the next round, recorded in the audit trail. */
    @Bean
    JavaDelegate startNextRound(CycleRounds rounds) {
        return rounds::next;
    }

    /** Gateway "Afgewezen door wethouder?" (start): whether the alderman rejected an assessment of this round. */
    @Bean
    ExecutionListener assessRoundOutcome(CycleRounds rounds) {
        return execution ->
                execution.setVariable(ROUND_REJECTED, Variables.booleanValue(rounds.rejected(execution), true));
    }

    /**
     * Merge before Evaluate (start): when the periodic review is due. Set here because the timer after the
     * event-based gateway is created before that gateway's own listeners run.
     */
    @Bean
    ExecutionListener planNextReview(ReviewSchedule schedule) {
        return execution -> execution.setVariable(NEXT_REVIEW_DATE, schedule.nextReview(execution));
    }
}
