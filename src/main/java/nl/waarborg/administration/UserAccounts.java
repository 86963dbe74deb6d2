package nl.waarborg.administration;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.security.LoginThrottle;
import nl.waarborg.shared.PageParameters;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, administered through Waarborg (ADR 0019): list, create, change name and e-mail, reset a password, deactivate
 * and delete. Only members of group admin; every change needs a reason and is recorded in the audit trail in the same
 * transaction (who: the audit row's user; what: its action; target and reason: its details). The last administrator
 * cannot be deactivated or deleted.
 */
@Service
public class UserAccounts {

    static final int MAX_PAGE = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final AccountPasswords passwords;
    private final SsoAccounts ssoAccounts;

    UserAccounts(
            AccountStore store,
            AuditTrail audit,
            LoginThrottle throttle,
            AccountPasswords passwords,
            SsoAccounts ssoAccounts) {
        this.store = store;
        this.audit = audit;
        this.throttle = throttle;
        this.passwords = passwords;
        this.ssoAccounts = ssoAccounts;
    }

    /** Refuses (403) anyone but a member of group admin. */
    public static void requireAdministrator() {
        CurrentUser.requireAnyOf(Groups.ADMIN);
    }

    /**
     * The groups the logged-in administrator may give an account whose password they set (creating it, or resetting
     * it): those without power (ADR 0058).
     */
    public static List<String> groupsWithoutPower() {
        return Groups.ALL.stream().filter(g -> !AccountRules.POWERS.contains(g)).toList();
    }

    @Transactional(readOnly = true)
    public Account.Page list(int limit, int offset) {
        requireAdministrator();
        PageParameters.check(limit, offset, MAX_PAGE);
        long total = store.asSystem(() -> store.identity().createUserQuery().count());
        List<User> users = store.asSystem(
                () -> store.identity().createUserQuery().orderByUserId().asc().listPage(offset, limit));
        return new Account.Page(total, limit, offset, views(users));
    }

    @Transactional(readOnly = true)
    public Account get(String id) {
        requireAdministrator();
        return views(List.of(store.existing(id))).get(0);
    }

    @Transactional
    public Account create(Account.New request) {
        requireAdministrator();
        String id = AccountRules.userId(request.id());
        String firstName = AccountRules.firstName(request.firstName());
        String lastName = AccountRules.lastName(request.lastName());
        String email = AccountRules.email(request.email());
        String password = AccountRules.password(request.password(), id);
        List<String> groups = request.groups() == null
                ? List.of()
                : request.groups().stream()
                        .map(AccountRules::group)
                        .distinct()
                        .sorted()
                        .toList();
        String reason = Reasons.required(request.reason());
        // The creator sets the first password, so groups with power come from another administrator (ADR 0058).
        AccountRules.notSetterOfPassword(CurrentUser.id(), CurrentUser.id(), groups);
        store.lock();
        if (store.user(id).isPresent()) {
            throw new AdministrationRefusal(AdministrationRefusal.Code.ID_TAKEN, "User '" + id + "' exists already.");
        }
        if (store.isRetired(id)) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.ID_RETIRED,
                    "User id '" + id + "' belonged to an account that was deleted; its records keep that id, so a new"
                            + " account gets another one.");
        }
        AccountRules.notASingleSignOnId(ssoAccounts.linked(id), id);
        store.asSystem(() -> {
            User user = store.identity().newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            store.identity().saveUser(user);
            return null;
        });
        groups.forEach(group -> store.addMembership(id, group));
        passwords.setByAdministrator(id, CurrentUser.id());
        Map<String, Object> details = details(id, reason);
        details.put("groups", groups);
        details.put("passwordChangeRequired", true);
        details.put("administratorAndReviewer", AccountRules.combinesAdministrationAndReview(groups));
        audit.record(AuditAction.USER_CREATED, CurrentUser.id(), null, details);
        return get(id);
    }

    @Transactional
    public Account changeProfile(String id, Account.ProfileChange change) {
        requireAdministrator();
        String firstName = AccountRules.firstName(change.firstName());
        String lastName = AccountRules.lastName(change.lastName());
        String email = AccountRules.email(change.email());
        String reason = Reasons.required(change.reason());
        User user = store.existing(id);
        Map<String, Object> details = details(id, reason);
        details.put("before", profile(user.getFirstName(), user.getLastName(), user.getEmail()));
        details.put("after", profile(firstName, lastName, email));
        store.asSystem(() -> {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            store.identity().saveUser(user);
            return null;
        });
        audit.record(AuditAction.USER_UPDATED, CurrentUser.id(), null, details);
        return get(id);
    }

    /**
     * Sets a one-time password (the policy holds) that the owner replaces at their next login, and ends a deactivation
     * and a login lock. The administrator now knows a password of the account, so it loses its groups with power
     * (ADR 0058): another administrator gives them back. Not for one's own account, nor for a single sign-on user.
     */
    @Transactional
    public Account resetPassword(String id, Account.PasswordReset reset) {
        requireAdministrator();
        String password = AccountRules.password(reset.password(), id);
        String reason = Reasons.required(reset.reason());
        AccountRules.notOwnPassword(CurrentUser.id(), id);
        store.lock();
        User user = store.existing(id);
        AccountRules.notSingleSignOn(ssoAccounts.linked(id));
        List<String> before = store.groupsOf(id);
        List<String> removed = AccountRules.powers(before);
        AccountRules.anAdministratorRemains(removed.contains(Groups.ADMIN), store.administrators());
        store.asSystem(() -> {
            user.setPassword(password);
            store.identity().saveUser(user);
            store.identity().unlockUser(id);
            return null;
        });
        removed.forEach(group -> store.removeMembership(id, group));
        List<String> after = before.stream().filter(g -> !removed.contains(g)).toList();
        passwords.setByAdministrator(id, CurrentUser.id());
        boolean reactivated = store.reactivated(id);
        throttle.unlock(id);
        Map<String, Object> details = details(id, reason);
        details.put("reactivated", reactivated);
        details.put("passwordChangeRequired", true);
        details.put("groupsRemoved", removed);
        details.put("tasksReleased", removed.isEmpty() ? List.of() : store.releaseGroupTasksOf(id, after));
        audit.record(AuditAction.USER_PASSWORD_RESET, CurrentUser.id(), null, details);
        return get(id);
    }

    /**
     * Deactivates: the user leaves every group and gets a random password nobody knows, so they can neither log in
     * nor act; the open tasks they held go back to their group or team; records keep their id. A new password
     * (resetPassword) and groups bring them back.
     */
    @Transactional
    public Account deactivate(String id, Account.Reason request) {
        requireAdministrator();
        String reason = Reasons.required(request == null ? null : request.reason());
        store.lock();
        User user = store.existing(id);
        if (!store.deactivations(List.of(id)).isEmpty()) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.DEACTIVATED, "User '" + id + "' is deactivated already.");
        }
        List<String> groups = store.groupsOf(id);
        AccountRules.anAdministratorRemains(groups.contains(Groups.ADMIN), store.administrators());
        groups.forEach(group -> store.removeMembership(id, group));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        store.asSystem(() -> {
            user.setPassword(Base64.getEncoder().encodeToString(secret));
            ((IdentityServiceImpl) store.identity()).getCommandExecutor().execute(new SaveUserCmd(user, true));
            return null;
        });
        store.deactivated(id, CurrentUser.id(), reason);
        Map<String, Object> details = details(id, reason);
        details.put("groupsRemoved", groups);
        details.put("tasksReleased", store.releaseTasksOf(id));
        audit.record(AuditAction.USER_DEACTIVATED, CurrentUser.id(), null, details);
        return get(id);
    }

    /** Deletes the user from the identity store; records keep their id (and name where a record copied it). */
    @Transactional
    public void delete(String id, String reasonText) {
        requireAdministrator();
        String reason = Reasons.required(reasonText);
        store.lock();
        User user = store.existing(id);
        List<String> groups = store.groupsOf(id);
        AccountRules.anAdministratorRemains(groups.contains(Groups.ADMIN), store.administrators());
        store.asSystem(() -> {
            store.identity().deleteUser(id);
            return null;
        });
        store.reactivated(id);
        store.retired(id, CurrentUser.id());
        passwords.forget(id);
        throttle.unlock(id);
        Map<String, Object> details = details(id, reason);
        details.put("groups", groups);
        details.put("tasksReleased", store.releaseTasksOf(id));
        details.put("profile", profile(user.getFirstName(), user.getLastName(), user.getEmail()));
        audit.record(AuditAction.USER_DELETED, CurrentUser.id(), null, details);
    }

    private List<Account> views(List<User> users) {
        Map<String, AccountStore.Deactivation> deactivated =
                store.deactivations(users.stream().map(User::getId).toList());
        Set<String> locked = throttle.underAttack().stream()
                .filter(a -> a.lockedUntil() != null)
                .map(LoginThrottle.AccountFailures::account)
                .collect(Collectors.toSet());
        Map<String, List<String>> groups =
                store.groupsOf(users.stream().map(User::getId).toList());
        Map<String, AccountPasswords.SetPassword> set =
                passwords.of(users.stream().map(User::getId).toList());
        List<Account> views = new ArrayList<>();
        for (User user : users) {
            AccountStore.Deactivation deactivation = deactivated.get(user.getId());
            views.add(new Account(
                    user.getId(),
                    user.getFirstName(),
                    user.getLastName(),
                    user.getEmail(),
                    groups.getOrDefault(user.getId(), List.of()),
                    deactivation != null,
                    deactivation == null ? null : deactivation.at(),
                    deactivation == null ? null : deactivation.reason(),
                    locked.contains(user.getId().toLowerCase(java.util.Locale.ROOT)),
                    set.containsKey(user.getId()) ? set.get(user.getId()).setBy() : null,
                    set.containsKey(user.getId()) && set.get(user.getId()).changeRequired()));
        }
        return views;
    }

    static Map<String, Object> details(String target, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", target);
        details.put("reason", reason);
        return details;
    }

    static Map<String, String> profile(String firstName, String lastName, String email) {
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("firstName", firstName);
        profile.put("lastName", lastName);
        profile.put("email", email);
        return profile;
    }
}
