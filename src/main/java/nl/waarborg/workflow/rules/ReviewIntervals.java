package nl.waarborg.workflow.rules;

import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * How often a system in use is reviewed, per publication category of the algorithm register: A (high-risk AI),
 * B (impactful) and C. An unknown or missing category is reviewed as often as A, the strictest.
 */
public final class ReviewIntervals {

    private final Map<String, Period> intervals;

    /** The intervals as ISO periods (e.g. P1Y), each positive. */
    public ReviewIntervals(String a, String b, String c) {
        this.intervals = Map.of("A", positive(a, "a"), "B", positive(b, "b"), "C", positive(c, "c"));
    }

    private static Period positive(String text, String category) {
        Period period = Period.parse(text);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalStateException(
                    "waarborg.review.interval-" + category + " must be a positive period, not " + text);
        }
        return period;
    }

    public Period interval(String category) {
        Period period = category == null ? null : intervals.get(category);
        return period == null ? intervals.get("A") : period;
    }

    public ZonedDateTime nextReview(ZonedDateTime now, String category) {
        return now.plus(interval(category));
    }
}
