package nl.waarborg.system;

import java.util.Collection;
import java.util.List;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may read and who may change a system, in one place. Reading: the roles that review or oversee every system (the
 * privacy officer, the ethics committee, the alderman, management and functional administration) and the system's own
 * team (owner and co-authors). Changing (start its cycle, send triggers, edit its drafts): its owning project lead, or
 * an admin.
 */
public final class SystemAccess {

    /** The groups that read every system, its page and the systems overview. */
    public static final List<String> READ_ALL =
            List.of(Groups.PRIVACY_OFFICER, Groups.ETHICS_COMMITTEE, Groups.ALDERMAN, Groups.MANAGER, Groups.ADMIN);

    private SystemAccess() {}

    /** True when the current user reads every system. */
    public static boolean mayReadAll() {
        return READ_ALL.stream().anyMatch(CurrentUser::isIn);
    }

    /**
     * Whose systems a list shows the current user: {@code null} for all of them (a reader of every system), otherwise
     * the user's id, for the systems they own or co-author.
     */
    public static String listScope() {
        return mayReadAll() ? null : CurrentUser.id();
    }

    /** Whether the current user may read the system, given its team ({@link SystemTeam#members}). */
    public static boolean mayRead(SystemRecord system, Collection<String> team) {
        return mayReadAll() || system.owner().equals(CurrentUser.id()) || team.contains(CurrentUser.id());
    }

    /** Refuses (403) unless {@link #mayRead}. */
    public static void requireRead(SystemRecord system, Collection<String> team) {
        if (!mayRead(system, team)) {
            throw new AccessDeniedException(
                    "Only the team of system " + system.id() + " and the reviewing and oversight roles may read it.");
        }
    }

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
