package nl.waarborg.identity;

import nl.waarborg.engine.EngineAccess;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** Whether a user is a member of a group in the identity store, read as the system (whoever is acting). */
@Component
public class GroupMembership {

    private final ProcessEngine engine;

    public GroupMembership(ProcessEngine engine) {
        this.engine = engine;
    }

    public boolean isMember(String userId, String groupId) {
        if (userId == null || groupId == null) {
            return false;
        }
        return EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getIdentityService()
                                .createUserQuery()
                                .userId(userId)
                                .memberOfGroup(groupId)
                                .count()
                        > 0);
    }
}
