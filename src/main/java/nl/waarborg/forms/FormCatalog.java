package nl.waarborg.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of forms/: which variable keys each form writes, so the bridge can save exactly a task's
 * section, and the labels, so exports and diffs can show questions instead of keys.
 */
@Component
public class FormCatalog {

    private static final List<String> CONTAINERS = List.of("group", "iframe");
    private static final Pattern TEMPLATE_VARIABLE =
            Pattern.compile("\\{\\{\\s*(?:#(?:if|loop)\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, Form> forms = new LinkedHashMap<>();
    private final ObjectMapper objectMapper;

    public FormCatalog(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    Form form = parse(in);
                    forms.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms in forms/", e);
        }
    }

    /** A form from its JSON (a .form file, e.g. as deployed in the engine). */
    public Form parse(InputStream json) throws IOException {
        JsonNode root = objectMapper.readTree(json);
        Map<String, String> fields = new LinkedHashMap<>();
        collect(root.path("components"), fields);
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        collectOptions(root.path("components"), options);
        Set<String> shown = new LinkedHashSet<>();
        collectShown(root.path("components"), shown);
        return new Form(
                root.path("id").asText(),
                Collections.unmodifiableMap(fields),
                Collections.unmodifiableMap(options),
                Collections.unmodifiableSet(shown),
                FormField.of(root.path("components"), List.of()));
    }

    private static void collect(JsonNode components, Map<String, String> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            String label = component.path("label").asText(null);
            if ("dynamiclist".equals(type) && component.hasNonNull("path")) {
                fields.put(component.path("path").asText(), label);
            } else if (component.hasNonNull("key")) {
                fields.put(component.path("key").asText(), label);
            } else if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            if (CONTAINERS.contains(type) && component.has("components")) {
                collect(component.path("components"), fields);
            }
        }
    }

    /**
     * Variables that a text or HTML view of the form shows ({{actionPointWhat}}, {{#if x}}): the form needs them, though
     * it asks for none. (A value is shown only in an HTML view, which escapes it; a text view would read it as
     * markdown, see FormTextsTest.)
     */
    private static void collectShown(JsonNode components, Set<String> shown) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("text".equals(type) || "html".equals(type)) {
                Matcher m = TEMPLATE_VARIABLE.matcher(
                        component.path("text".equals(type) ? "text" : "content").asText(""));
                while (m.find()) {
                    shown.add(m.group(1));
                }
            }
            if (component.has("components")) {
                collectShown(component.path("components"), shown);
            }
        }
    }

    /** The labels of the fixed choices (select, radio, checklist), per key, also for fields inside a list. */
    private static void collectOptions(JsonNode components, Map<String, Map<String, String>> options) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && component.path("values").isArray()) {
                Map<String, String> labels =
                        options.computeIfAbsent(component.path("key").asText(), k -> new LinkedHashMap<>());
                component
                        .path("values")
                        .forEach(v -> labels.putIfAbsent(
                                v.path("value").asText(), v.path("label").asText()));
            }
            if (component.has("components")) {
                collectOptions(component.path("components"), options);
            }
        }
    }

    /**
     * A section's answers for reading: in the form's order, then what the form no longer asks, with fixed choices as
     * the form labels them. Without a form for the section, the answers as stored.
     */
    public Map<String, Object> readableAnswers(String section, Map<?, ?> answers) {
        Form form = forms.get(section);
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (form != null) {
            form.fields().keySet().stream().filter(answers::containsKey).forEach(k -> ordered.put(k, answers.get(k)));
        }
        answers.forEach((k, v) -> ordered.putIfAbsent(k.toString(), v));
        if (form != null) {
            ordered.replaceAll(form::readable);
        }
        return ordered;
    }

    public Optional<Form> form(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    public List<Form> all() {
        return new ArrayList<>(forms.values());
    }

    /**
     * A form: its id, its field keys with their labels in form order, and for fields with fixed choices the label of
     * each stored value, the variables its texts show, and its inputs with their rules (for {@link FormValidator}).
     */
    public record Form(
            String id,
            Map<String, String> fields,
            Map<String, Map<String, String>> options,
            Set<String> shownVariables,
            List<FormField> inputs) {

        /** The input with this key (a list's path), if the form has one. */
        public Optional<FormField> input(String key) {
            return inputs.stream().filter(f -> f.key().equals(key)).findFirst();
        }

        /** The label the form shows for a stored value of this field; the value itself when it is not a choice. */
        public Object choiceLabel(String key, Object value) {
            Map<String, String> labels = options.get(key);
            return value != null && labels != null && labels.containsKey(value.toString())
                    ? labels.get(value.toString())
                    : value;
        }

        /** An answer with its stored codes of fixed choices replaced by their labels, also inside list items. */
        public Object readable(String key, Object value) {
            if (value instanceof List<?> list) {
                return list.stream()
                        .map(item -> item instanceof Map<?, ?> fields ? readableItem(fields) : choiceLabel(key, item))
                        .toList();
            }
            return choiceLabel(key, value);
        }

        private Map<String, Object> readableItem(Map<?, ?> fields) {
            Map<String, Object> item = new LinkedHashMap<>();
            fields.forEach((k, v) -> item.put(k.toString(), choiceLabel(k.toString(), v)));
            return item;
        }
    }
}
