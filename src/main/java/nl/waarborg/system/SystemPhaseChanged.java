package nl.waarborg.system;

import java.time.Instant;

/**
 * Published (synchronously, inside the caller's transaction) after {@link SystemRegistry#moveTo} moved a system into a
 * phase, for modules that follow the phase (the register entry: ADR 0034).
 */
public record SystemPhaseChanged(String systemId, SystemRecord.Phase phase, Instant at) {}
