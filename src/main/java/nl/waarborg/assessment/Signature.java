package nl.waarborg.assessment;

import java.time.Instant;

/**
 * A recorded gate decision: who decided what at which gate, when and why, and {@code answersHash}, the SHA-256 of the
 * version's answers as the signer saw them (null for signatures recorded before ADR 0014).
 */
public record Signature(
        String gate,
        String decision,
        String motivation,
        String conditions,
        String deviationMotivation,
        String user,
        Instant at,
        String answersHash,
        String signerName) {

    /** The alderman's gate decides; the others advise. */
    public boolean advice() {
        return Gate.ofTask(gate).map(Gate::advisory).orElse(true);
    }

    /** The prefix of the message keys that name this signature's decision in words: advice.* or decision.*. */
    public String kind() {
        return advice() ? "advice" : "decision";
    }
}
