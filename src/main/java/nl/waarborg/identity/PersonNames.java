package nl.waarborg.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.engine.EngineAccess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A person as a record should name them, for the pages and the PDF: "Lotte de Projectleider (lead)"; the login name
 * alone when the identity store has no name for it, or no such user any more (the record keeps who it was).
 */
@Component
public class PersonNames {

    private final ProcessEngine engine;

    public PersonNames(ProcessEngine engine) {
        this.engine = engine;
    }

    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return "–";
        }
        return of(List.of(userId)).get(userId);
    }

    /** The names of several people (a page of a list) by user id, in one query. */
    public Map<String, String> of(Collection<String> userIds) {
        Set<String> wanted = new HashSet<>(userIds);
        wanted.remove(null);
        wanted.remove("");
        if (wanted.isEmpty()) {
            return Map.of();
        }
        // Read as the system: whether someone may list users does not decide whether a signature shows its signer.
        Map<String, User> users = new HashMap<>();
        EngineAccess.withoutAuthorization(
                        engine,
                        () -> engine.getIdentityService()
                                .createUserQuery()
                                .userIdIn(wanted.toArray(String[]::new))
                                .list())
                .forEach(u -> users.put(u.getId(), u));
        Map<String, String> names = new HashMap<>();
        for (String id : wanted) {
            names.put(id, name(id, users.get(id)));
        }
        return names;
    }

    private static String name(String userId, User user) {
        String name = user == null
                ? ""
                : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                                + (user.getLastName() == null ? "" : user.getLastName()))
                        .trim();
        return name.isEmpty() ? userId : name + " (" + userId + ")";
    }
}
