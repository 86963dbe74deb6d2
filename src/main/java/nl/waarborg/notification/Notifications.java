package nl.waarborg.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.assessment.GateDecided;
import nl.waarborg.identity.Groups;
import nl.waarborg.identity.PersonNames;
import nl.waarborg.notification.Recipients.Recipient;
import nl.waarborg.workflow.IncidentDeadlineNear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The use cases of the e-mail notifications: who hears of a fact, in which mail. Each writes outbox rows (or digest
 * items) in the caller's transaction and sends nothing itself. Nobody is mailed about their own action, nobody without
 * an address, nobody deactivated, nobody who switched that kind of mail off; without an SMTP host ({@code spring.mail.host}) nothing is
 * written at all.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Recipients recipients;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final Digests digests;
    private final MailSettings settings;
    private final PersonNames names;
    private final ObjectProvider<JavaMailSender> mailSender;

    Notifications(
            Recipients recipients,
            MailTemplates templates,
            Outbox outbox,
            Digests digests,
            MailSettings settings,
            PersonNames names,
            ObjectProvider<JavaMailSender> mailSender) {
        this.recipients = recipients;
        this.templates = templates;
        this.outbox = outbox;
        this.digests = digests;
        this.settings = settings;
        this.names = names;
        this.mailSender = mailSender;
    }

    /** Whether mail is configured at all. */
    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    /** A new task: its group's members (a content task: the system's team) hear of it, in their digest or at once. */
    void taskCreated(TaskFact task, String actor) {
        if (!enabled()) {
            return;
        }
        String system = recipients.systemName(task.systemId());
        for (Recipient to : recipients.people(workers(task), actor)) {
            if (!to.settings().wants(MailKind.NEW_GROUP_TASK)) {
                continue;
            }
            if (to.settings().digest()) {
                digests.add(to.userId(), task, system);
            } else {
                mail(MailKind.NEW_GROUP_TASK, to, taskValues(task, system, to));
            }
        }
    }

    /** A task was given to someone other than the one who gave it (a claim of one's own is no news). */
    void taskAssigned(TaskFact task, String actor) {
        if (!enabled() || task.assignee() == null || task.assignee().equals(actor)) {
            return;
        }
        recipients.person(task.assignee()).ifPresent(to -> {
            Map<String, Object> values = taskValues(task, recipients.systemName(task.systemId()), to);
            values.put("actor", actor == null ? "Waarborg" : names.of(actor));
            mail(MailKind.TASK_ASSIGNED, to, values);
        });
    }

    /** A deadline approaches or passed: the task's group (or team), its assignee and the managers hear of it. */
    void deadline(TaskFact task, MailKind kind) {
        if (!enabled()) {
            return;
        }
        Set<String> people = new LinkedHashSet<>(workers(task));
        people.add(task.assignee());
        people.addAll(recipients.membersOf(Groups.MANAGER));
        String system = recipients.systemName(task.systemId());
        for (Recipient to : recipients.people(people, null)) {
            Map<String, Object> values = taskValues(task, system, to);
            values.put("due", MailTemplates.moment(task.due(), to.settings().language()));
            mail(kind, to, values);
        }
    }

    /**
     * A gate decided: the owner hears of the decision (the rest of the team when the owner is deactivated); a send-back
     * goes to the whole team, with the remarks.
     */
    void gateDecided(GateDecided decided) {
        if (!enabled()) {
            return;
        }
        String system = recipients.systemName(decided.systemId());
        Collection<String> people =
                decided.sentBack() ? recipients.team(decided.systemId()) : recipients.ownerOrTeam(decided.systemId());
        MailKind kind = decided.sentBack() ? MailKind.SEND_BACK : MailKind.DECISION;
        for (Recipient to : recipients.people(people, decided.userId())) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", to.name());
            values.put("system", system);
            values.put("type", decided.type().name());
            values.put("version", decided.version());
            values.put(
                    "gate", MailTemplates.gateName(decided.gate(), to.settings().language()));
            values.put("decider", names.of(decided.userId()));
            values.put("link", settings.link("/systemen/" + decided.systemId()));
            if (decided.sentBack()) {
                values.put("remarks", decided.motivation());
            }
            mail(kind, to, values);
        }
    }

    /**
     * An incident's notification nears its legal deadline (ADR 0033): every manager hears of it at once (never in a
     * digest), with the system, the incident (when it was reported, no description), the notification and its deadline.
     */
    void incidentDeadlineNear(IncidentDeadlineNear near) {
        if (!enabled()) {
            return;
        }
        String system = recipients.systemName(near.systemId());
        for (Recipient to : recipients.people(recipients.membersOf(Groups.MANAGER), null)) {
            String language = to.settings().language();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", to.name());
            values.put("system", system);
            values.put("reported", MailTemplates.moment(near.reportedAt(), language));
            values.put("notification", MailTemplates.notificationName(near.notification(), language));
            values.put("due", MailTemplates.moment(near.dueAt(), language));
            values.put("link", settings.link("/systemen/" + near.systemId()));
            mail(MailKind.INCIDENT_DEADLINE_NEAR, to, values);
        }
    }

    /** Who works a task: a content task's team, else the members of its candidate groups. */
    private List<String> workers(TaskFact task) {
        if (task.contentTask()) {
            return recipients.team(task.systemId());
        }
        List<String> people = new ArrayList<>();
        task.groups().forEach(group -> people.addAll(recipients.membersOf(group)));
        return people;
    }

    private Map<String, Object> taskValues(TaskFact task, String system, Recipient to) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", to.name());
        values.put("task", task.displayName(system));
        values.put("system", system);
        values.put("link", settings.link(task.path()));
        return values;
    }

    /** A mail that cannot be written (a broken template) is logged and left out: it never fails the work it reports. */
    private void mail(MailKind kind, Recipient to, Map<String, Object> values) {
        if (!to.settings().wants(kind)) {
            return;
        }
        MailTemplates.Rendered rendered;
        try {
            rendered = templates.render(kind, to.settings().language(), values);
        } catch (RuntimeException | LinkageError e) {
            log.error("No {} mail for {}: its template failed", kind, to.userId(), e);
            return;
        }
        outbox.add(kind, to, rendered);
    }
}
