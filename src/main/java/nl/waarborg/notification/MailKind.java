package nl.waarborg.notification;

/** The kinds of mail Waarborg sends; each has its own template per language and its own switch in the user's settings. */
public enum MailKind {
    /** One new task of the user's group (when the user has the digest off). */
    NEW_GROUP_TASK("new-group-task"),
    /** The new tasks of the user's groups since the last digest. */
    DIGEST("digest"),
    TASK_ASSIGNED("task-assigned"),
    DEADLINE_APPROACHING("deadline-approaching"),
    DEADLINE_PASSED("deadline-passed"),
    /** A gate decided on a version of the user's system. */
    DECISION("decision"),
    /** A gate sent a version of the user's team back, with the reviewer's remarks. */
    SEND_BACK("send-back"),
    /** A notification of an incident nears its legal deadline: the managers' escalation (ADR 0033). */
    INCIDENT_DEADLINE_NEAR("incident-deadline-near");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
