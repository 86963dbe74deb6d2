package nl.waarborg.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Map<String, Form> forms = new LinkedHashMap<>();

    public FormCatalog(ObjectMapper objectMapper) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode root = objectMapper.readTree(in);
                    Map<String, String> fields = new LinkedHashMap<>();
                    collect(root.path("components"), fields);
                    forms.put(root.path("id").asText(), new Form(root.path("id").asText(), Collections.unmodifiableMap(fields)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms in forms/", e);
        }
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

    public Optional<Form> form(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    public List<Form> all() {
        return new ArrayList<>(forms.values());
    }

    /** A form: its id and its field keys with their labels, in form order. */
    public record Form(String id, Map<String, String> fields) {
    }
}
