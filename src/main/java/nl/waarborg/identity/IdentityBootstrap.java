package nl.waarborg.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups, their engine authorizations and the first users when Waarborg starts, and refuses
 * to start outside the demo profile while any user still has an empty or default password.
 * Runs during context refresh, so a refusal happens before the web server accepts a request.
 */
@Component
public class IdentityBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** Demo user id, first name, last name, groups (one or more). */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"lead", "Lotte", "de Projectleider", Groups.PROJECT_LEAD},
            new String[] {"fg", "Frank", "de FG", Groups.PRIVACY_OFFICER},
            new String[] {"ethics", "Eva", "van de Ethische Commissie", Groups.ETHICS_COMMITTEE},
            new String[] {"alderman", "Willem", "de Wethouder", Groups.ALDERMAN},
            new String[] {"manager", "Mira", "de Manager", Groups.MANAGER},
            new String[] {"admin", "Anouk", "van Functioneel Beheer", Groups.ADMIN},
            // A second administrator, so that the demo shows the four eyes of ADR 0058: the one who set a password
            // gives
            // no group with power; the other one does.
            new String[] {"admin2", "Bas", "de Tweede Beheerder", Groups.ADMIN},
            // The mayor decides at the alderman's gate for powers of his own, so he is in both groups (ADR 0035).
            new String[] {"burgemeester", "Bram", "de Burgemeester", Groups.ALDERMAN, Groups.MAYOR});

    /**
     * Camunda's webapps send every user to their "create the first admin" page while nobody is a member of this
     * group, so our administrators are members of it as well as of our own admin group. The membership grants nothing:
     * the group is no engine admin group ({@link NoEngineSuperuser}) and has no authorizations; the set-up page's API is
     * closed (SecurityConfig).
     */
    static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    /** Passwords that no user may keep outside the demo profile. */
    static final List<String> DEFAULT_PASSWORDS = List.of("", "demo", "admin", "password", "changeme");

    private final ProcessEngine engine;
    private final EngineAuthorizations authorizations;
    private final WaarborgIdentityProperties properties;
    private final Environment environment;

    public IdentityBootstrap(
            ProcessEngine engine,
            EngineAuthorizations authorizations,
            WaarborgIdentityProperties properties,
            Environment environment) {
        this.engine = engine;
        this.authorizations = authorizations;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        Groups.ALL.forEach(this::ensureGroup);
        ensureGroup(CAMUNDA_ADMIN);
        authorizations.ensureGroupAuthorizations();
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            createDemoUsers();
        } else {
            ensureAdministrator();
            refuseDefaultPasswords();
        }
    }

    private void createDemoUsers() {
        String password = properties.demoPassword();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(
                    "The demo profile needs a password: set waarborg.demo.password (WAARBORG_DEMO_PASSWORD).");
        }
        for (String[] demo : DEMO_USERS) {
            ensureUser(demo[0], demo[1], demo[2], password);
            for (int i = 3; i < demo.length; i++) {
                ensureMembership(demo[0], demo[i]);
                if (Groups.ADMIN.equals(demo[i])) {
                    ensureMembership(demo[0], CAMUNDA_ADMIN);
                }
            }
        }
        log.info("""

                ==========================================================================
                 Waarborg demo: log in at http://localhost:{}/  (Camunda: /camunda/app/)
                 Users: lead, fg, ethics, alderman, burgemeester, manager, admin, admin2; password from
                 waarborg.demo.password. The demo profile is not for production use.
                ==========================================================================""", environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
    }

    private void ensureAdministrator() {
        String user = properties.adminUser();
        String password = properties.adminPassword();
        IdentityService identity = engine.getIdentityService();
        boolean strong = password != null && !password.isBlank() && !DEFAULT_PASSWORDS.contains(password);
        User existing = identity.createUserQuery().userId(user).singleResult();
        if (existing == null) {
            if (!strong) {
                throw new IllegalStateException(
                        "Refusing to start: the administrator '" + user + "' would get an empty or default"
                                + " password. Set waarborg.admin.password (environment variable WAARBORG_ADMIN_PASSWORD) to a strong password.");
            }
            refuseWeak(user, password);
            ensureUser(user, "Functioneel", "Beheer", password);
        } else if (strong && hasDefaultPassword(existing)) {
            // An administrator left with a demo password takes the configured one, so the setting's advice works.
            refuseWeak(user, password);
            existing.setPassword(password);
            identity.saveUser(existing);
            log.info("The password of administrator '{}' was replaced by the one from waarborg.admin.password.", user);
        }
        ensureMembership(user, Groups.ADMIN);
        ensureMembership(user, CAMUNDA_ADMIN);
    }

    private static void refuseWeak(String user, String password) {
        if (!new WaarborgPasswordPolicy().accepts(password, user)) {
            throw new IllegalStateException(
                    "Refusing to start: waarborg.admin.password (WAARBORG_ADMIN_PASSWORD) is too weak. "
                            + WaarborgPasswordPolicy.REFUSAL);
        }
    }

    /** Compares hashes directly: IdentityService.checkPassword would count failed attempts and lock users out. */
    private void refuseDefaultPasswords() {
        for (User user : engine.getIdentityService().createUserQuery().list()) {
            if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
                throw new IllegalStateException("Refusing to start: user '" + user.getId() + "' has an empty password."
                        + " Set one in Camunda Admin (/camunda/app/admin) or run with the demo profile.");
            }
            if (hasDefaultPassword(user)) {
                throw new IllegalStateException(
                        "Refusing to start: user '" + user.getId() + "' still has an empty or default"
                                + " password (for example one set by the demo profile). Change it in Camunda Admin (run once with the"
                                + " demo profile to get in), or, for the administrator, set waarborg.admin.password.");
            }
        }
    }

    private boolean hasDefaultPassword(User user) {
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
            return true;
        }
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        for (String candidate : DEFAULT_PASSWORDS) {
            if (configuration
                    .getPasswordManager()
                    .check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword())) {
                return true;
            }
        }
        return false;
    }

    private void ensureGroup(String id) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(Groups.DUTCH_NAMES.getOrDefault(id, "Camunda-beheerders"));
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureUser(String id, String firstName, String lastName, String password) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@gemeente.example");
            user.setPassword(password);
            if (environment.acceptsProfiles(Profiles.of("demo"))) {
                // The demo users share one simple password by design; the policy holds for every other password.
                ((IdentityServiceImpl) identity).getCommandExecutor().execute(new SaveUserCmd(user, true));
            } else {
                identity.saveUser(user);
            }
        }
    }

    private void ensureMembership(String userId, String groupId) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    static List<String> demoUserIds() {
        return DEMO_USERS.stream().map(u -> u[0]).toList();
    }
}
