package nl.waarborg.support;

import java.util.List;
import nl.waarborg.workflow.CycleService.OpenStep;

/** Finding a step among a system's open steps in a test. */
public final class OpenSteps {

    private OpenSteps() {}

    /** The open step with this activity id; fails the test, naming what is open instead, when the model did not reach it. */
    public static OpenStep reached(List<OpenStep> open, String activityId) {
        return open.stream()
                .filter(s -> activityId.equals(s.activityId()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("The cycle did not reach '" + activityId + "'; open steps: " + open));
    }
}
