package nl.waarborg.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One input of a Camunda Form as the server checks it: its key (a dynamic list's path), type, label, the rules of its
 * {@code validate} block, a date field's {@code disallowPassedDates} and a number's {@code decimalDigits} (form-js
 * properties that the browser keeps too), its fixed choices, the form-js conditions that hide it ({@code conditional.hide}, also those
 * of the groups around it) and, for a dynamic list, the fields of one row.
 */
public record FormField(
        String key,
        String type,
        String label,
        boolean required,
        Integer minLength,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        String pattern,
        boolean noPassedDates,
        Integer decimalDigits,
        Set<String> options,
        List<String> hiddenWhen,
        List<FormField> columns) {

    /** form-js field types that hold a value under their key; text, image, spacer and the like hold none. */
    static final Set<String> KEYED = Set.of(
            "textfield",
            "textarea",
            "number",
            "datetime",
            "checkbox",
            "checklist",
            "radio",
            "select",
            "taglist",
            "expression",
            "filepicker");

    public boolean isList() {
        return "dynamiclist".equals(type);
    }

    public boolean isText() {
        return "textfield".equals(type) || "textarea".equals(type);
    }

    /** Several choices at once (a checklist or tag list): the value is a list of option values. */
    public boolean isMultipleChoice() {
        return "checklist".equals(type) || "taglist".equals(type);
    }

    /** A list needs a row when one of its columns must be filled in: a required column of no row says nothing. */
    public boolean needsARow() {
        return isList() && columns.stream().anyMatch(FormField::required);
    }

    /** The inputs among these form components, in form order; groups pass their conditions on to what they hold. */
    static List<FormField> of(JsonNode components, List<String> hiddenWhen) {
        List<FormField> fields = new ArrayList<>();
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            List<String> conditions = new ArrayList<>(hiddenWhen);
            String hide = component.path("conditional").path("hide").asText("");
            if (!hide.isBlank()) {
                conditions.add(hide);
            }
            if ("dynamiclist".equals(type) && component.hasNonNull("path")) {
                fields.add(field(
                        component,
                        component.path("path").asText(),
                        conditions,
                        // As in form-js, a hidden list hides its columns: they are not required then.
                        of(component.path("components"), conditions)));
            } else if (component.hasNonNull("key") && KEYED.contains(type)) {
                fields.add(field(component, component.path("key").asText(), conditions, List.of()));
            } else if (component.has("components")) {
                fields.addAll(of(component.path("components"), conditions));
            }
        }
        return Collections.unmodifiableList(fields);
    }

    private static FormField field(JsonNode component, String key, List<String> hiddenWhen, List<FormField> columns) {
        JsonNode validate = component.path("validate");
        Set<String> options = null;
        if (component.path("values").isArray()) {
            options = new LinkedHashSet<>();
            for (JsonNode value : component.path("values")) {
                options.add(value.path("value").asText());
            }
        }
        return new FormField(
                key,
                component.path("type").asText(),
                component.path("label").asText(key),
                validate.path("required").asBoolean(false),
                integer(validate, "minLength"),
                integer(validate, "maxLength"),
                decimal(validate, "min"),
                decimal(validate, "max"),
                validate.path("pattern").asText(null),
                component.path("disallowPassedDates").asBoolean(false),
                component.path("decimalDigits").isInt()
                        ? component.path("decimalDigits").asInt()
                        : null,
                options == null ? null : Collections.unmodifiableSet(options),
                List.copyOf(hiddenWhen),
                columns);
    }

    private static Integer integer(JsonNode validate, String name) {
        return validate.path(name).isNumber() ? validate.path(name).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode validate, String name) {
        return validate.path(name).isNumber() ? validate.path(name).decimalValue() : null;
    }
}
