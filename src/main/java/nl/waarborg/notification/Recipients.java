package nl.waarborg.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.waarborg.administration.DeactivatedAccounts;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.system.SystemTeam;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who a notification goes to, read as the system: members of a group, a system's team and owner, and for each person
 * the address and name from the identity store with their settings. A person without an e-mail address, or whom an
 * administrator deactivated, gets no mail.
 */
@Component
class Recipients {

    /** A person to mail: their address, the name the mail greets them with, and their settings. */
    record Recipient(String userId, String address, String name, NotificationSettings settings) {}

    private final ProcessEngine engine;
    private final SystemRegistry systems;
    private final SystemTeam teams;
    private final SettingsStore settings;
    private final DeactivatedAccounts deactivated;

    Recipients(
            ProcessEngine engine,
            SystemRegistry systems,
            SystemTeam teams,
            SettingsStore settings,
            DeactivatedAccounts deactivated) {
        this.engine = engine;
        this.systems = systems;
        this.teams = teams;
        this.settings = settings;
        this.deactivated = deactivated;
    }

    /** The people among these user ids (duplicates and {@code except} left out) who have an address. */
    List<Recipient> people(Collection<String> userIds, String except) {
        Set<String> ids = new LinkedHashSet<>(userIds);
        ids.remove(null);
        ids.remove(except);
        return ids.stream().map(this::person).flatMap(Optional::stream).toList();
    }

    Optional<Recipient> person(String userId) {
        User user = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getIdentityService()
                        .createUserQuery()
                        .userId(userId)
                        .singleResult());
        if (user == null || user.getEmail() == null || user.getEmail().isBlank() || deactivated.isDeactivated(userId)) {
            return Optional.empty();
        }
        String name =
                ((Objects.toString(user.getFirstName(), "")) + " " + Objects.toString(user.getLastName(), "")).trim();
        return Optional.of(
                new Recipient(userId, user.getEmail().trim(), name.isEmpty() ? userId : name, settings.of(userId)));
    }

    List<String> membersOf(String groupId) {
        return EngineAccess.withoutAuthorization(
                        engine,
                        () -> engine.getIdentityService()
                                .createUserQuery()
                                .memberOfGroup(groupId)
                                .list())
                .stream()
                .map(User::getId)
                .toList();
    }

    /** The system's owner and co-authors. */
    List<String> team(String systemId) {
        return teams.members(systemId);
    }

    /**
     * Who hears of a decision on a system: its owner; when an administrator deactivated the owner (they left), the rest
     * of the system's team instead, so that the decision does not go unheard.
     */
    List<String> ownerOrTeam(String systemId) {
        Optional<String> owner = system(systemId).map(SystemRecord::owner);
        if (owner.isEmpty()) {
            return List.of();
        }
        if (!deactivated.isDeactivated(owner.get())) {
            return List.of(owner.get());
        }
        return team(systemId).stream().filter(id -> !id.equals(owner.get())).toList();
    }

    String systemName(String systemId) {
        return system(systemId).map(SystemRecord::name).orElse(systemId == null ? "–" : systemId);
    }

    private Optional<SystemRecord> system(String systemId) {
        return systemId == null ? Optional.empty() : systems.find(systemId);
    }
}
