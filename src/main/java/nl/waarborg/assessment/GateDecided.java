package nl.waarborg.assessment;

/**
 * A gate decision was recorded on a version (published by {@link AssessmentService} inside the recording transaction,
 * so a listener that writes rows writes them exactly when the decision commits). {@code motivation} is the reviewer's
 * text as signed; it is content of the assessment record, for the send-back's remarks only.
 */
public record GateDecided(
        String systemId,
        String assessmentId,
        AssessmentType type,
        int version,
        String gate,
        String decision,
        String motivation,
        String userId) {

    public boolean sentBack() {
        return Decision.SENT_BACK.is(decision);
    }
}
