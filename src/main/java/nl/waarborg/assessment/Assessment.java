package nl.waarborg.assessment;

import java.time.Instant;

/** An IAMA or DPIA of one system; its content lives in numbered versions. */
public record Assessment(String id, String systemId, AssessmentType type, Instant createdAt) {}
