package nl.waarborg.workflow;

import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import nl.waarborg.settings.RuntimeSettings;
import nl.waarborg.settings.Setting;
import nl.waarborg.workflow.rules.ReviewIntervals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The periodic review date in Evaluate, per publication category ({@link ReviewIntervals}): by default A (high-risk AI) yearly,
 * B (impactful) every two years, C every three years: run-time settings (reviewIntervalA/B/C, Beheer → Instellingen)
 * that start from waarborg.review.interval-a/-b/-c (ISO periods).
 * Used by assessment-cycle as {@code ${reviewSchedule.nextReview(execution)}} on the review timer.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final RuntimeSettings settings;

    public ReviewSchedule(RuntimeSettings settings) {
        this.settings = settings;
    }

    public Period interval(String category) {
        return intervals().interval(category);
    }

    /** The administrator's current settings (Beheer → Instellingen), read for each review that is planned. */
    private ReviewIntervals intervals() {
        return new ReviewIntervals(
                settings.value(Setting.REVIEW_INTERVAL_A),
                settings.value(Setting.REVIEW_INTERVAL_B),
                settings.value(Setting.REVIEW_INTERVAL_C));
    }

    public Date nextReview(DelegateExecution execution) {
        Object category = execution.getVariable(ProcessVariables.PUBLICATION_CATEGORY);
        return Date.from(intervals()
                .nextReview(ZonedDateTime.now(AMSTERDAM), category == null ? null : category.toString())
                .toInstant());
    }
}
