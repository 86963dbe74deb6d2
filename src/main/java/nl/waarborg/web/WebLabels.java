package nl.waarborg.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import nl.waarborg.assessment.GoLiveDuties;
import nl.waarborg.forms.AnswerText;
import nl.waarborg.identity.PersonNames;
import nl.waarborg.shared.DutchDates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Display helpers for the templates (as {@code @ui}): dates in Dutch time, and the names of gates, groups, phases and
 * statuses in the user's language, falling back to the technical id when there is no translation.
 */
@Component("ui")
public class WebLabels {

    public static final ZoneId ZONE = DutchDates.ZONE;

    private final MessageSource messages;
    private final AnswerText answers;
    private final PersonNames people;

    public WebLabels(MessageSource messages, AnswerText answers, PersonNames people) {
        this.messages = messages;
        this.answers = answers;
        this.people = people;
    }

    /** A person by name and login name ({@link PersonNames}). */
    public String person(String userId) {
        return people.of(userId);
    }

    public String dateTime(Instant at) {
        return at == null ? "–" : DutchDates.dateTime(at);
    }

    public String date(Instant at) {
        return at == null ? "–" : DutchDates.date(at);
    }

    /** A calendar day (a due date), as {@link #date(Instant)} shows a moment's day. */
    public String day(LocalDate day) {
        return day == null ? "–" : DutchDates.date(day);
    }

    /** Average waiting time in days, one decimal, in the user's number format. */
    public String days(double days) {
        return String.format(locale(), "%.1f", days);
    }

    /**
     * A gate or wait by its task id; DPA consultations are named by their prefix, a go-live check by the check itself
     * ("Controle: EU-databank"; the duties of the multi-instance task by their GoLiveDuties code).
     */
    public String gate(String taskId) {
        if (taskId == null) {
            return "–";
        }
        if (taskId.startsWith("dpa-consultation-")) {
            return label("gate", "dpa-consultation", taskId);
        }
        if (taskId.startsWith("go-live-")) {
            return GoLiveDuties.Duty.ofCode(taskId)
                    .map(GoLiveDuties.Duty::label)
                    .orElseGet(() -> label("gate", taskId, label("gate", "go-live", taskId)));
        }
        return label("gate", taskId, taskId);
    }

    /** A gate or wait with the assessment it belongs to, e.g. "Advies functionaris gegevensbescherming (DPIA)". */
    public String gate(String taskId, String assessmentType) {
        String gate = gate(taskId);
        return assessmentType == null || assessmentType.isBlank() ? gate : gate + " (" + assessmentType + ")";
    }

    /**
     * A task's name on a page that names its system beside it: without the system's part the engine's name carries for
     * Tasklist (ADR 0047), e.g. "Advies functionaris gegevensbescherming (DPIA)".
     */
    public String taskName(String taskName, String systemName) {
        return nl.waarborg.shared.TaskNames.withoutSystem(taskName, systemName);
    }

    public String group(String groupId) {
        return groupId == null ? "–" : label("group", groupId, groupId);
    }

    /** Any enumerated value with a message "prefix.value", e.g. phase.DEVELOP; the value itself when untranslated. */
    public String label(String prefix, Object value) {
        return value == null ? "–" : label(prefix, value.toString(), value.toString());
    }

    /** An answer as text in the user's language (see AnswerText). */
    public String value(Object value) {
        return answers.of(value, locale());
    }

    private String label(String prefix, String key, String fallback) {
        return messages.getMessage(prefix + "." + key, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
