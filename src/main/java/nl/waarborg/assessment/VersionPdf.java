package nl.waarborg.assessment;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private final TemplateEngine templates;
    private final FormCatalog forms;
    private final VersionDiff labels;

    public VersionPdf(TemplateEngine templates, FormCatalog forms, VersionDiff labels) {
        this.templates = templates;
        this.forms = forms;
        this.labels = labels;
    }

    public record Row(String question, String answer) {
    }

    public record Section(String id, List<Row> rows) {
    }

    public byte[] render(AssessmentVersion version, String systemName) {
        Context context = new Context(Locale.forLanguageTag("nl"));
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
                        .forEach((key, value) -> rows.add(new Row(labels.question(section.getKey(), key), display(value))));
            }
            sections.add(new Section(section.getKey(), rows));
        }
        return sections;
    }

    static String display(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean b) {
            return b ? "Ja" : "Nee";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(display(item)));
            return String.join("; ", parts);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + ": " + display(v)));
            return String.join(", ", parts);
        }
        return value.toString();
    }
}
