package nl.waarborg.workflow.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which notifications an incident requires and by when, counted in calendar time from the moment the deployer
 * became aware of it (none of these periods counts working days).
 *
 * <ul>
 *   <li>AI Act Art. 26(5): a serious incident (Art. 3(49)) is reported to the provider immediately; Waarborg sets
 *       an internal target of 24 hours for "immediately".
 *   <li>AI Act Art. 26(5) with Art. 73(2)-(4): then the importer or distributor and the market surveillance
 *       authority, at the latest 15 days after awareness; 10 days when a person died; 2 days for a widespread
 *       infringement or a serious and irreversible disruption of critical infrastructure.
 *   <li>GDPR Art. 33(1): a personal-data breach that is likely to result in a risk goes to the Dutch DPA within
 *       72 hours (later only with the reasons for the delay).
 *   <li>GDPR Art. 34(1): a breach likely to result in a high risk is also communicated to the data subjects
 *       without undue delay; Waarborg sets the same 72 hours as an internal target.
 * </ul>
 *
 * Escalation comes when three quarters of a period have passed.
 */
public final class IncidentDeadlines {

    /** What kind of serious incident (AI Act Art. 3(49)), if any. */
    public enum Seriousness {
        NONE,
        SERIOUS,
        DEATH,
        WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE
    }

    /** The risk of a personal-data breach (GDPR Art. 4(12)) to the rights and freedoms of persons, if any. */
    public enum BreachRisk {
        NO_BREACH,
        UNLIKELY,
        RISK,
        HIGH_RISK
    }

    /** The notifications, each with the prefix of its process variables. */
    public enum Notification {
        PROVIDER("provider", "AI Act art. 26(5)"),
        AUTHORITY("authority", "AI Act art. 26(5), 73"),
        DPA("dpa", "AVG art. 33"),
        DATA_SUBJECTS("dataSubjects", "AVG art. 34");

        private final String prefix;
        private final String legalBasis;

        Notification(String prefix, String legalBasis) {
            this.prefix = prefix;
            this.legalBasis = legalBasis;
        }

        public String prefix() {
            return prefix;
        }

        public String legalBasis() {
            return legalBasis;
        }
    }

    /** One notification due: by {@code dueAt}; escalated to the manager at {@code escalateAt}. */
    public record Deadline(Notification notification, Instant dueAt, Instant escalateAt) {}

    static final Duration IMMEDIATELY = Duration.ofHours(24);
    static final Duration ART_73_GENERAL = Duration.ofDays(15);
    static final Duration ART_73_DEATH = Duration.ofDays(10);
    static final Duration ART_73_WIDESPREAD = Duration.ofDays(2);
    static final Duration ART_33 = Duration.ofHours(72);

    private IncidentDeadlines() {}

    /** The notifications this classification requires, each with its deadline counted from {@code awareAt}. */
    public static List<Deadline> of(Seriousness seriousness, BreachRisk breach, Instant awareAt) {
        List<Deadline> due = new ArrayList<>();
        if (seriousness != Seriousness.NONE) {
            due.add(deadline(Notification.PROVIDER, awareAt, IMMEDIATELY));
            due.add(deadline(Notification.AUTHORITY, awareAt, authorityPeriod(seriousness)));
        }
        if (breach == BreachRisk.RISK || breach == BreachRisk.HIGH_RISK) {
            due.add(deadline(Notification.DPA, awareAt, ART_33));
        }
        if (breach == BreachRisk.HIGH_RISK) {
            due.add(deadline(Notification.DATA_SUBJECTS, awareAt, ART_33));
        }
        return due;
    }

    /** Art. 73(2)-(4): the shortest period that applies wins. */
    static Duration authorityPeriod(Seriousness seriousness) {
        return switch (seriousness) {
            case WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE -> ART_73_WIDESPREAD;
            case DEATH -> ART_73_DEATH;
            default -> ART_73_GENERAL;
        };
    }

    /** Whether a notification made at {@code doneAt} is late, so that the reasons for the delay are required. */
    public static boolean late(Instant dueAt, Instant doneAt) {
        return doneAt.isAfter(dueAt);
    }

    private static Deadline deadline(Notification notification, Instant awareAt, Duration period) {
        Instant due = awareAt.plus(period);
        return new Deadline(notification, due, due.minus(period.dividedBy(4)));
    }
}
