package nl.waarborg.administration;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.WorkflowEngineConfiguration;
import nl.waarborg.security.SsoAccountSync;
import nl.waarborg.security.SsoUser;
import nl.waarborg.shared.TextInput;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on users in the identity store (ADR 0025): at each login (and for a bearer token) the user is created or
 * updated (name, e-mail) and their Waarborg groups become exactly those the token maps to; each change is an audit row
 * (USER_CREATED, USER_UPDATED, GROUP_MEMBER_ADDED, GROUP_MEMBER_REMOVED) with {@code source: single-sign-on}, whose user
 * is the person logging in. The provider decides the groups, so the administrator's rules for hand-made changes (a
 * reason, nobody adds themself, the last administrator stays) do not apply; a deactivation does: a deactivated user
 * is refused. A Waarborg id belongs to one person at the provider (issuer and subject, {@code wb_sso_account}); a
 * local account with the same id is never taken over.
 */
@Service
class SsoAccounts implements SsoAccountSync {

    static final String SOURCE = "single-sign-on";

    private static final Pattern ID = Pattern.compile(WorkflowEngineConfiguration.USER_ID_PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    SsoAccounts(AccountStore store, AuditTrail audit, JdbcClient jdbc) {
        this.store = store;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void synchronise(SsoUser user) {
        String id = user.id();
        if (id == null || id.length() > AccountRules.MAX_ID || !ID.matcher(id).matches()) {
            throw new Refused("The user id '" + shortened(id) + "' is no Waarborg user id: 1 to " + AccountRules.MAX_ID
                    + " letters, digits, '_', '.', '-' or '@', starting with a letter or digit.");
        }
        if (user.issuer() == null || user.subject() == null) {
            throw new Refused("The token has no issuer or subject.");
        }
        if (!changes(user)) {
            return;
        }
        store.lock(); // then read again: another login of the same person may have been first
        changes(user);
        apply(user);
    }

    /** Checks that the person may have this id and answers whether the identity store differs from the token. */
    private boolean changes(SsoUser user) {
        Optional<User> existing = store.user(user.id());
        Optional<String[]> link = link(user.id());
        if (link.isEmpty() && existing.isPresent()) {
            throw new Refused("A local account '" + user.id() + "' exists; single sign-on does not take it over."
                    + " An administrator deletes the local account first (its records keep the id).");
        }
        if (link.isPresent() && !(link.get()[0].equals(user.issuer()) && link.get()[1].equals(user.subject()))) {
            throw new Refused("The user id '" + user.id() + "' belongs to another person at the identity provider.");
        }
        if (!store.deactivations(List.of(user.id())).isEmpty()) {
            throw new Refused("User '" + user.id() + "' is deactivated in Waarborg.");
        }
        return existing.isEmpty()
                || !store.groupsOf(user.id()).equals(user.groups())
                || profileChanges(existing.get(), user);
    }

    private void apply(SsoUser user) {
        String id = user.id();
        Optional<User> existing = store.user(id);
        if (existing.isEmpty()) {
            store.asSystem(() -> {
                User created = store.identity().newUser(id);
                setProfile(created, user);
                // Nobody knows this password: the person logs in at the provider only.
                byte[] secret = new byte[32];
                RANDOM.nextBytes(secret);
                created.setPassword(Base64.getEncoder().encodeToString(secret));
                ((IdentityServiceImpl) store.identity()).getCommandExecutor().execute(new SaveUserCmd(created, true));
                return null;
            });
            if (link(id).isEmpty()) {
                jdbc.sql("INSERT INTO wb_sso_account (user_id, issuer, subject, created_at)"
                                + " VALUES (:id, :issuer, :subject, :at)")
                        .param("id", id)
                        .param("issuer", user.issuer())
                        .param("subject", user.subject())
                        .param("at", Timestamp.from(Instant.now()))
                        .update();
            }
            user.groups().forEach(group -> store.addMembership(id, group));
            Map<String, Object> details = details(user);
            details.put("profile", UserAccounts.profile(user.firstName(), user.lastName(), user.email()));
            details.put("groups", user.groups());
            details.put("administratorAndReviewer", AccountRules.combinesAdministrationAndReview(user.groups()));
            audit.record(AuditAction.USER_CREATED, id, null, details);
            return;
        }
        User stored = existing.get();
        if (profileChanges(stored, user)) {
            Map<String, Object> details = details(user);
            details.put("before", UserAccounts.profile(stored.getFirstName(), stored.getLastName(), stored.getEmail()));
            store.asSystem(() -> {
                setProfile(stored, user);
                store.identity().saveUser(stored);
                return null;
            });
            details.put("after", UserAccounts.profile(stored.getFirstName(), stored.getLastName(), stored.getEmail()));
            audit.record(AuditAction.USER_UPDATED, id, null, details);
        }
        List<String> groups = new ArrayList<>(store.groupsOf(id));
        for (String group : List.copyOf(groups)) {
            if (!user.groups().contains(group)) {
                store.removeMembership(id, group);
                groups.remove(group);
                recordGroup(AuditAction.GROUP_MEMBER_REMOVED, user, group, groups);
            }
        }
        for (String group : user.groups()) {
            if (!groups.contains(group)) {
                store.addMembership(id, group);
                groups.add(group);
                recordGroup(AuditAction.GROUP_MEMBER_ADDED, user, group, groups);
            }
        }
    }

    private void recordGroup(AuditAction action, SsoUser user, String group, List<String> groups) {
        Map<String, Object> details = details(user);
        details.put("group", group);
        details.put("groupsAfter", groups.stream().sorted().toList());
        details.put("administratorAndReviewer", AccountRules.combinesAdministrationAndReview(groups));
        audit.record(action, user.id(), null, details);
    }

    /** The token's name and e-mail where it has them; a claim the provider leaves out does not erase what is known. */
    private static boolean profileChanges(User stored, SsoUser user) {
        return differs(stored.getFirstName(), user.firstName())
                || differs(stored.getLastName(), user.lastName())
                || differs(stored.getEmail(), user.email());
    }

    private static boolean differs(String stored, String fromToken) {
        return fromToken != null && !Objects.equals(stored, cut(fromToken));
    }

    private static void setProfile(User stored, SsoUser user) {
        if (user.firstName() != null) {
            stored.setFirstName(cut(user.firstName()));
        }
        if (user.lastName() != null) {
            stored.setLastName(cut(user.lastName()));
        }
        if (user.email() != null) {
            stored.setEmail(cut(user.email()));
        }
    }

    /** Whether the id belongs to a person at the single sign-on provider, who keeps their password there. */
    boolean linked(String id) {
        return link(id).isPresent();
    }

    private Optional<String[]> link(String id) {
        return jdbc.sql("SELECT issuer, subject FROM wb_sso_account WHERE user_id = :id")
                .param("id", id)
                .query((rs, row) -> new String[] {rs.getString("issuer"), rs.getString("subject")})
                .optional();
    }

    private static Map<String, Object> details(SsoUser user) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", user.id());
        details.put("source", SOURCE);
        details.put("issuer", user.issuer());
        return details;
    }

    /**
     * A profile text from the provider's claims as Waarborg keeps it: on one line (line breaks and tabs become a space,
     * as names are quoted in e-mails, ADR 0055) and at most {@link AccountRules#MAX_TEXT} characters.
     */
    static String cut(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(TextInput.lineBreak(c) ? ' ' : c);
        }
        String kept = line.toString();
        return kept.length() > AccountRules.MAX_TEXT ? kept.substring(0, AccountRules.MAX_TEXT) : kept;
    }

    private static String shortened(String id) {
        return id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
    }
}
