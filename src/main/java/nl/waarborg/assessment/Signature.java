package nl.waarborg.assessment;

import java.time.Instant;

/** A recorded gate decision: who decided what at which gate, when and why. */
public record Signature(String gate, String decision, String motivation, String conditions, String deviationMotivation,
                        String user, Instant at) {
}
