package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a person wrote reaches a reviewer as written (probe 62). The form viewer reads a text view as markdown and HTML,
 * and drops what it does not allow together with the text inside it (an unknown element, a comment, a link
 * definition): a project lead could hide half of their reasons from the privacy officer. An HTML view escapes every
 * value it shows. So a form shows a value only in an HTML view; text views hold the form's own words.
 */
class FormTextsTest {

    /** A value put into the text ({{name}}, {{a.b}}), not a condition ({{#if x}}, {{/if}}). */
    private static final Pattern SHOWN_VALUE = Pattern.compile("\\{\\{\\s*[^#/\\s]");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noTextViewShowsAValueAndEveryHtmlViewDoes() throws IOException {
        List<String> textViewsWithValues = new ArrayList<>();
        List<String> htmlViews = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                collect(JSON.readTree(file.toFile()).path("components"), file, textViewsWithValues, htmlViews);
            }
        }
        assertThat(textViewsWithValues)
                .as("text views that read a value as markdown")
                .isEmpty();
        // The HTML views are the ones that show values (so this test notices a form that went back to a text view).
        assertThat(htmlViews)
                .hasSizeGreaterThanOrEqualTo(27)
                .allSatisfy(v -> assertThat(v).contains("{{"));
    }

    @Test
    void theRuleSeesAValueButNotACondition() {
        assertThat(SHOWN_VALUE.matcher("**Wat:** {{actionPointWhat}}").find()).isTrue();
        assertThat(SHOWN_VALUE.matcher("{{ reviewRemarks }}").find()).isTrue();
        assertThat(SHOWN_VALUE
                        .matcher("{{#if decision = \"APPROVED\"}}positief{{/if}}")
                        .find())
                .isFalse();
    }

    private static void collect(JsonNode components, Path file, List<String> textViews, List<String> htmlViews) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("text".equals(type)
                    && SHOWN_VALUE.matcher(component.path("text").asText("")).find()) {
                textViews.add(file.getFileName() + "#" + component.path("id").asText());
            }
            if ("html".equals(type)) {
                htmlViews.add(component.path("content").asText(""));
            }
            if (component.has("components")) {
                collect(component.path("components"), file, textViews, htmlViews);
            }
        }
    }
}
