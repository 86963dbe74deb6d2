package nl.waarborg.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers cut back to a form's own inputs: a key the form does not have is left out, also a column of a list's row that
 * the list does not have. For answers saved against an older version of the form (a task's draft, ADR 0045), so that
 * nothing is offered that a completion would refuse as "not on the form".
 */
public final class FormKeys {

    private FormKeys() {}

    /** The answers whose keys are inputs of the form (in the answers' order); rows keep only the list's columns. */
    public static Map<String, Object> onTheForm(FormCatalog.Form form, Map<String, Object> answers) {
        return kept(form.inputs(), answers);
    }

    private static Map<String, Object> kept(List<FormField> fields, Map<?, ?> answers) {
        Map<String, Object> kept = new LinkedHashMap<>();
        answers.forEach((key, value) -> field(fields, String.valueOf(key))
                .ifPresent(field -> kept.put(field.key(), field.isList() ? rows(field, value) : value)));
        return kept;
    }

    /** A list's rows with only its columns; a value that is no list of rows is kept as it is (its check refuses it). */
    private static Object rows(FormField list, Object value) {
        if (!(value instanceof List<?> rows)) {
            return value;
        }
        return rows.stream()
                .map(row -> row instanceof Map<?, ?> cells ? kept(list.columns(), cells) : row)
                .toList();
    }

    private static Optional<FormField> field(List<FormField> fields, String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
