package nl.waarborg.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A version as the API and exports show it. */
public record AssessmentVersion(
        String assessmentId,
        AssessmentType type,
        String systemId,
        int number,
        VersionStatus status,
        int cycleRound,
        Map<String, Object> answers,
        Map<String, Object> triage,
        List<Signature> signatures,
        List<ActionPoint> actionPoints,
        List<String> contributors,
        String contentHash,
        String previousHash,
        Instant createdAt,
        Instant frozenAt) {}
