package nl.waarborg.identity;

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
        // Read as the system: whether someone may list users does not decide whether a signature shows its signer.
        User user = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getIdentityService()
                        .createUserQuery()
                        .userId(userId)
                        .singleResult());
        String name = user == null
                ? ""
                : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                                + (user.getLastName() == null ? "" : user.getLastName()))
                        .trim();
        return name.isEmpty() ? userId : name + " (" + userId + ")";
    }
}
