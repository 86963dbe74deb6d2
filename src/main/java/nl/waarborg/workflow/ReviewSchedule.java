package nl.waarborg.workflow;

import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import nl.waarborg.workflow.rules.ReviewIntervals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The periodic review date in Evaluate, per publication category ({@link ReviewIntervals}): by default A (high-risk AI) yearly,
 * B (impactful) every two years, C every three years. Configurable as waarborg.review.interval-a/-b/-c (ISO periods).
 * Used by assessment-cycle as {@code ${reviewSchedule.nextReview(execution)}} on the review timer.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final ReviewIntervals intervals;

    public ReviewSchedule(
            @Value("${waarborg.review.interval-a:P1Y}") String a,
            @Value("${waarborg.review.interval-b:P2Y}") String b,
            @Value("${waarborg.review.interval-c:P3Y}") String c) {
        this.intervals = new ReviewIntervals(a, b, c);
    }

    public Period interval(String category) {
        return intervals.interval(category);
    }

    public Date nextReview(DelegateExecution execution) {
        Object category = execution.getVariable(ProcessVariables.PUBLICATION_CATEGORY);
        return Date.from(intervals
                .nextReview(ZonedDateTime.now(AMSTERDAM), category == null ? null : category.toString())
                .toInstant());
    }
}
