package nl.waarborg.assessment;

import java.util.List;

/**
 * A gate decision as submitted through any client.
 *
 * @param gate      the gate's task id, e.g. "alderman-decision"
 * @param advisory  true for advice gates, whose REJECTED is negative advice
 * @param sendBackTo section (form) ids to rework, with SENT_BACK
 */
public record GateDecisionRequest(
        String gate,
        boolean advisory,
        String decision,
        String motivation,
        String conditions,
        String deviationMotivation,
        List<String> sendBackTo,
        String userId,
        String taskId) {}
