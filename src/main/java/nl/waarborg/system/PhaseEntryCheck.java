package nl.waarborg.system;

/**
 * A rule that a system must meet before it enters a phase; {@link SystemRegistry#moveTo} asks every such bean before it
 * moves a system into Implement, Evaluate or "in use". Implemented by modules that know the facts (the assessment
 * module: ADR 0014), so the register itself depends on none of them.
 */
public interface PhaseEntryCheck {

    /** Throws {@link PhaseEntryRefusedException} when the system may not enter the phase. */
    void requireEntry(SystemRecord system, SystemRecord.Phase phase);
}
