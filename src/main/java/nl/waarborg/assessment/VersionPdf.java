package nl.waarborg.assessment;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarborg.forms.AnswerText;
import nl.waarborg.forms.ReadableAnswer;
import nl.waarborg.forms.RiskMatrix;
import nl.waarborg.identity.PersonNames;
import nl.waarborg.shared.DutchDates;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A version as a Dutch PDF for the alderman and the archive: sections with questions and answers, decisions with
 * motivation and conditions, who signed when, and the content hash. Thymeleaf escapes every answer, so stored
 * HTML or script appears as text.
 */
@Component
public class VersionPdf {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final TemplateEngine templates;
    private final AnswerText answers;
    private final MessageSource messages;
    private final PersonNames people;
    private final AssessmentReads reads;
    private final RoundReasons roundReasons;

    public VersionPdf(
            TemplateEngine templates,
            AnswerText answers,
            MessageSource messages,
            PersonNames people,
            AssessmentReads reads,
            RoundReasons roundReasons) {
        this.roundReasons = roundReasons;
        this.reads = reads;
        this.messages = messages;
        this.people = people;
        this.templates = templates;
        this.answers = answers;
    }

    /** A section under its Dutch title with its answers (a list answer as a table). */
    public record Section(String title, List<ReadableAnswer> rows) {}

    public record ActionPointRow(
            String what, String owner, LocalDate dueDate, String done, String result, String evidence) {}

    /** A signature as the record reads it: the step and the decision in words, the signer by name, the time in Dutch time. */
    public record SignatureRow(
            String gate,
            String decision,
            String motivation,
            String deviationMotivation,
            String conditions,
            String signedBy) {}

    public byte[] render(AssessmentVersion version, String systemName) {
        Context context = new Context(DUTCH);
        context.setVariable("v", version);
        context.setVariable("systemName", systemName);
        context.setVariable("sections", sections(version));
        context.setVariable("riskMatrix", RiskMatrix.gridOf(version.answers()));
        context.setVariable("actionPoints", actionPoints(version));
        context.setVariable(
                "signatures",
                version.signatures().stream().map(this::signatureRow).toList());
        context.setVariable(
                "status",
                messages.getMessage(
                        "versionStatus." + version.status().name(),
                        null,
                        version.status().name(),
                        DUTCH));
        context.setVariable("dates", new Dates());
        context.setVariable("roundReason", roundReason(version));
        // Whether the stored hash still checks now, so that the printed hash is not mistaken for proof on its own.
        context.setVariable("hashIntact", reads.hashCheck(version));
        String html = templates.process("export/version", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF", e);
        }
    }

    /** Why the version's round started, in words ("Klacht – toelichting"); null for a first round. */
    private String roundReason(AssessmentVersion version) {
        return roundReasons
                .of(version.systemId(), version.cycleRound())
                .map(r -> messages.getMessage("trigger." + r.triggerType(), null, r.triggerType(), DUTCH) + " – "
                        + (r.explanation().isBlank()
                                ? messages.getMessage("round.periodicWithoutExplanation", null, DUTCH)
                                : r.explanation()))
                .orElse(null);
    }

    /** Dates in the PDF as on the pages: day-month-year, times in Dutch time. */
    public static final class Dates {
        public String dateTime(Instant at) {
            return DutchDates.dateTime(at);
        }

        public String date(LocalDate day) {
            return DutchDates.date(day);
        }
    }

    private SignatureRow signatureRow(Signature s) {
        return new SignatureRow(
                messages.getMessage("gate." + s.gate(), null, s.gate(), DUTCH),
                messages.getMessage(s.kind() + "." + s.decision(), null, s.decision(), DUTCH),
                s.motivation(),
                s.deviationMotivation(),
                s.conditions(),
                (s.signerName() == null ? people.of(s.user()) : s.signerName()) + ", " + DutchDates.dateTime(s.at()));
    }

    /** Each section under its Dutch title, with the answers given (unanswered questions and empty rows left out). */
    private List<Section> sections(AssessmentVersion version) {
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, Object> section : version.answers().entrySet()) {
            List<ReadableAnswer> rows = section.getValue() instanceof Map<?, ?> fields
                    ? answers.section(section.getKey(), fields, DUTCH).stream()
                            .filter(a -> !a.isEmpty())
                            .toList()
                    : List.of();
            sections.add(new Section(
                    messages.getMessage("section." + section.getKey(), null, section.getKey(), DUTCH), rows));
        }
        return sections;
    }

    /** The action points with something to do, their owner by name where the user directory knows the login. */
    private List<ActionPointRow> actionPoints(AssessmentVersion version) {
        return version.actionPoints().stream()
                .filter(a -> a.what() != null && !a.what().isBlank())
                .map(a -> new ActionPointRow(
                        a.what(),
                        a.owner() == null || a.owner().isBlank() ? null : people.of(a.owner()),
                        a.dueDate(),
                        !a.done() ? "nee" : a.doneBy() == null ? "ja" : "ja (" + people.of(a.doneBy()) + ")",
                        a.result(),
                        a.evidence()))
                .toList();
    }
}
