package nl.waarborg.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;

/** Extra test users with the demo users' simple password, which the password policy excepts like the demo users'. */
public final class DemoUsers {

    private DemoUsers() {}

    public static void saveWithDemoPassword(IdentityService identity, User user) {
        user.setPassword("demo");
        ((IdentityServiceImpl) identity).getCommandExecutor().execute(new SaveUserCmd(user, true));
    }
}
