package nl.waarborg.workflow;

import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The periodic review date in Evaluate, per publication category: by default A (high-risk AI) yearly,
 * B (impactful) every two years, C every three years. Configurable as waarborg.review.interval-a/-b/-c (ISO periods).
 * Used by assessment-cycle as {@code ${reviewSchedule.nextReview(execution)}} on the review timer.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Map<String, Period> intervals;

    public ReviewSchedule(@Value("${waarborg.review.interval-a:P1Y}") String a,
                          @Value("${waarborg.review.interval-b:P2Y}") String b,
                          @Value("${waarborg.review.interval-c:P3Y}") String c) {
        this.intervals = Map.of("A", positive(a, "a"), "B", positive(b, "b"), "C", positive(c, "c"));
    }

    private static Period positive(String text, String category) {
        Period period = Period.parse(text);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalStateException("waarborg.review.interval-" + category + " must be a positive period, not " + text);
        }
        return period;
    }

    public Period interval(String category) {
        return intervals.getOrDefault(category == null ? "A" : category, intervals.get("A"));
    }

    public Date nextReview(DelegateExecution execution) {
        Object category = execution.getVariable(ProcessVariables.PUBLICATION_CATEGORY);
        return Date.from(ZonedDateTime.now(AMSTERDAM).plus(interval(category == null ? null : category.toString())).toInstant());
    }
}
