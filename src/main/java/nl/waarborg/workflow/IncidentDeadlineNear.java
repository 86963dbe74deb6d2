package nl.waarborg.workflow;

import java.time.Instant;
import nl.waarborg.workflow.rules.IncidentDeadlines.Notification;

/**
 * A notification of an incident nears its legal deadline (ADR 0033): published by the incident process when the timer
 * "Termijn nadert" fires, inside the engine's transaction, so that a listener writing rows (the managers' mail, ADR
 * 0026) writes them exactly when the escalation commits. {@code incidentId} is the process instance's id.
 */
public record IncidentDeadlineNear(
        String systemId, String incidentId, Instant reportedAt, Notification notification, Instant dueAt) {}
