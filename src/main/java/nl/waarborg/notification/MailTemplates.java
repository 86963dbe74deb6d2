package nl.waarborg.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.waarborg.assessment.Gate;
import nl.waarborg.workflow.rules.IncidentDeadlines.Notification;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mails' texts: Thymeleaf text templates under {@code mail/<language>/<kind>.txt} (Dutch, and English for users who
 * chose it), whose first line is the subject, and one footer per language. Values are names and links only (and a
 * send-back's remarks): no answers of an assessment go into a mail.
 */
@Component
class MailTemplates {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final Map<String, String> ENGLISH_GATES = Map.of(
            Gate.PRIVACY_OFFICER_ADVICE.taskId(), "Advice of the data protection officer",
            Gate.ETHICS_COMMITTEE_ADVICE.taskId(), "Advice of the ethics committee",
            Gate.ALDERMAN_DECISION.taskId(), "Decision of the alderman");

    /** A mail ready for the outbox. */
    record Rendered(String subject, String body) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MailSettings settings;

    MailTemplates(MailSettings settings) {
        this.settings = settings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    Rendered render(MailKind kind, String language, Map<String, ?> values) {
        Context context = new Context(Locale.forLanguageTag(language));
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put("settingsLink", settings.link("/instellingen"));
        context.setVariables(all);
        String text = engine.process(language + "/" + kind.template(), context);
        String footer = engine.process(language + "/footer", context);
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text : text.substring(0, end))
                .replaceAll("[\\r\\n\\t]", " ")
                .trim();
        String body = (end < 0 ? "" : text.substring(end + 1)).strip();
        return new Rendered(subject.length() > 500 ? subject.substring(0, 500) : subject, body + "\n" + footer);
    }

    /** A gate's name in the mail's language. */
    static String gateName(String gateId, String language) {
        if ("en".equals(language)) {
            return ENGLISH_GATES.getOrDefault(gateId, gateId);
        }
        return Gate.ofTask(gateId).map(Gate::dutchName).orElse(gateId);
    }

    /** An incident's notification with its legal basis, in the mail's language. */
    static String notificationName(Notification notification, String language) {
        boolean en = "en".equals(language);
        return switch (notification) {
            case PROVIDER ->
                en
                        ? "informing the provider (AI Act Art. 26(5))"
                        : "het informeren van de aanbieder (art. 26 lid 5 AI-verordening)";
            case AUTHORITY ->
                en
                        ? "informing the importer or distributor and the market surveillance authority (AI Act Art. 73)"
                        : "het informeren van de importeur of distributeur en de markttoezichthouder (art. 73"
                                + " AI-verordening)";
            case DPA ->
                en
                        ? "notifying the personal-data breach to the Dutch DPA (GDPR Art. 33)"
                        : "de melding van het datalek bij de Autoriteit Persoonsgegevens (art. 33 AVG)";
            case DATA_SUBJECTS ->
                en ? "informing the data subjects (GDPR Art. 34)" : "het informeren van de betrokkenen (art. 34 AVG)";
        };
    }

    /** A moment as the mail's reader reads it, in Dutch time. */
    static String moment(Instant at, String language) {
        String pattern = "en".equals(language) ? "d MMMM yyyy 'at' HH:mm" : "d MMMM yyyy 'om' HH:mm";
        return DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(language))
                .withZone(AMSTERDAM)
                .format(at);
    }
}
