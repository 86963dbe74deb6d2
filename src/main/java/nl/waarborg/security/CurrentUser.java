package nl.waarborg.security;

import java.util.List;
import nl.waarborg.identity.Groups;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user of this request: id and group ids (the authorities). */
public final class CurrentUser {

    private CurrentUser() {}

    /** The logged-in user's authentication, or null when nobody is logged in (none, or anonymous). */
    static Authentication loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                        || !authentication.isAuthenticated()
                        || authentication
                                instanceof org.springframework.security.authentication.AnonymousAuthenticationToken
                ? null
                : authentication;
    }

    public static String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    public static List<String> groups() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                ? List.of()
                : authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList();
    }

    /**
     * The user's groups that work the tasks they are candidate group of: all but project-lead, which content tasks name
     * but which works none of them (each goes to its system's team, ADR 0016).
     */
    public static List<String> taskGroups() {
        return groups().stream().filter(g -> !Groups.PROJECT_LEAD.equals(g)).toList();
    }

    public static boolean isIn(String group) {
        return groups().contains(group);
    }

    /** Refuses (403) unless the user is in one of the groups. */
    public static void requireAnyOf(String... groups) {
        List<String> mine = groups();
        for (String group : groups) {
            if (mine.contains(group)) {
                return;
            }
        }
        throw new AccessDeniedException("Requires one of the groups " + String.join(", ", groups));
    }
}
