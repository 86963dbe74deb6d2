package nl.waarborg.system;

import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/** Who may change a system (start its cycle, send triggers, edit its drafts): its owning project lead, or an admin. */
public final class SystemAccess {

    private SystemAccess() {}

    public static boolean mayChange(SystemRecord system) {
        return CurrentUser.isIn(Groups.ADMIN)
                || (CurrentUser.isIn(Groups.PROJECT_LEAD) && system.owner().equals(CurrentUser.id()));
    }

    /** Who may report an incident with a system (ADR 0033): whoever may change it, and the privacy officer. */
    public static boolean mayReportIncident(SystemRecord system) {
        return mayChange(system) || CurrentUser.isIn(Groups.PRIVACY_OFFICER);
    }

    /** Refuses (403) unless {@link #mayChange}. */
    public static void requireChange(SystemRecord system) {
        if (!mayChange(system)) {
            throw new AccessDeniedException(
                    "Only the owner of system " + system.id() + " (or an administrator) may change it.");
        }
    }
}
