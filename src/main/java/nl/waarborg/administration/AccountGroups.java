package nl.waarborg.administration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership of Waarborg's groups, administered through Waarborg (ADR 0019). Nobody adds themself to a group (another
 * administrator does); the last administrator stays one; a deactivated user gets no groups until a new password
 * reactivates them. Making one person both administrator and reviewer is allowed but flagged in the audit row, as
 * the gates' segregation-of-duties checks still hold for them.
 */
@Service
public class AccountGroups {

    /** A group with its Dutch name and how many users are in it. */
    public record GroupView(String id, String name, long members) {}

    private final AccountStore store;
    private final AuditTrail audit;
    private final AccountPasswords passwords;

    AccountGroups(AccountStore store, AuditTrail audit, AccountPasswords passwords) {
        this.store = store;
        this.audit = audit;
        this.passwords = passwords;
    }

    @Transactional(readOnly = true)
    public List<GroupView> groups() {
        UserAccounts.requireAdministrator();
        return Groups.ALL.stream()
                .map(id -> new GroupView(
                        id,
                        Groups.DUTCH_NAMES.get(id),
                        store.asSystem(() -> store.identity()
                                .createUserQuery()
                                .memberOfGroup(id)
                                .count())))
                .toList();
    }

    /** Adds the user to the group; false (and nothing recorded) when they are in it already. */
    @Transactional
    public boolean add(String userId, String group, Account.Reason request) {
        UserAccounts.requireAdministrator();
        String groupId = AccountRules.group(group);
        String reason = Reasons.required(request == null ? null : request.reason());
        store.lock();
        store.existing(userId);
        AccountRules.notSelf(CurrentUser.id(), userId);
        AccountRules.notSetterOfPassword(
                CurrentUser.id(),
                passwords.of(userId).map(AccountPasswords.SetPassword::setBy).orElse(null),
                List.of(groupId));
        if (!store.deactivations(List.of(userId)).isEmpty()) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.DEACTIVATED,
                    "User '" + userId + "' is deactivated: set a new password first, then add groups.");
        }
        List<String> before = store.groupsOf(userId);
        if (before.contains(groupId)) {
            return false;
        }
        store.addMembership(userId, groupId);
        List<String> after = new ArrayList<>(before);
        after.add(groupId);
        record(AuditAction.GROUP_MEMBER_ADDED, userId, groupId, reason, after);
        return true;
    }

    @Transactional
    public void remove(String userId, String group, String reasonText) {
        UserAccounts.requireAdministrator();
        String groupId = AccountRules.group(group);
        String reason = Reasons.required(reasonText);
        store.lock();
        store.existing(userId);
        List<String> before = store.groupsOf(userId);
        if (!before.contains(groupId)) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.NOT_A_MEMBER, "User '" + userId + "' is not in group " + groupId + ".");
        }
        AccountRules.anAdministratorRemains(Groups.ADMIN.equals(groupId), store.administrators());
        store.removeMembership(userId, groupId);
        List<String> after = new ArrayList<>(before);
        after.remove(groupId);
        Map<String, Object> details = UserAccounts.details(userId, reason);
        details.put("tasksReleased", store.releaseGroupTasksOf(userId, after));
        record(AuditAction.GROUP_MEMBER_REMOVED, userId, groupId, details, after);
    }

    private void record(AuditAction action, String userId, String groupId, String reason, List<String> groups) {
        record(action, userId, groupId, UserAccounts.details(userId, reason), groups);
    }

    private void record(
            AuditAction action, String userId, String groupId, Map<String, Object> details, List<String> groups) {
        details.put("group", groupId);
        details.put("groupsAfter", groups.stream().sorted().toList());
        details.put("administratorAndReviewer", AccountRules.combinesAdministrationAndReview(groups));
        audit.record(action, CurrentUser.id(), null, details);
    }
}
