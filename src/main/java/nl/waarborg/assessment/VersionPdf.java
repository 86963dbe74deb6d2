package nl.waarborg.assessment;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarborg.forms.AnswerText;
import nl.waarborg.forms.FormCatalog;
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
    private final FormCatalog forms;
    private final VersionDiff labels;
    private final AnswerText answers;

    public VersionPdf(TemplateEngine templates, FormCatalog forms, VersionDiff labels, AnswerText answers) {
        this.templates = templates;
        this.forms = forms;
        this.labels = labels;
        this.answers = answers;
    }

    public record Row(String question, String answer) {
    }

    public record Section(String id, List<Row> rows) {
    }

    public byte[] render(AssessmentVersion version, String systemName) {
        Context context = new Context(DUTCH);
        context.setVariable("v", version);
        context.setVariable("systemName", systemName);
        context.setVariable("sections", sections(version));
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

    private List<Section> sections(AssessmentVersion version) {
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, Object> section : version.answers().entrySet()) {
            List<Row> rows = new ArrayList<>();
            if (section.getValue() instanceof Map<?, ?> fields) {
                forms.readableAnswers(section.getKey(), fields)
                        .forEach((key, value) -> rows.add(new Row(labels.question(section.getKey(), key), answers.of(value, DUTCH))));
            }
            sections.add(new Section(section.getKey(), rows));
        }
        return sections;
    }
}
