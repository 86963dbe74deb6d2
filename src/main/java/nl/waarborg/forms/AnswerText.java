package nl.waarborg.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.waarborg.shared.DutchDates;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Answers as a reader sees them, the same in the review pane, on the version page, in the diff and in the PDF: a
 * section's questions in the order of the form with fixed choices by their labels, yes/no for booleans, dates as
 * day-month-year, and a list of items (rights, risks, measures) as a table with the form's column labels in the
 * form's order. Fields of an item that no form names are named by the messages item.*.
 */
@Component
public class AnswerText {

    static final String EMPTY = "–";

    private static final List<String> ITEM_ORDER = List.of("what", "owner", "dueDate");
    /** The reference in front of a column label ("[16.1.3] Kans"): the list's question already carries it. */
    private static final Pattern REFERENCE = Pattern.compile("^\\[[^]]*]\\s*");

    private final MessageSource messages;
    private final FormCatalog forms;

    public AnswerText(MessageSource messages, FormCatalog forms) {
        this.messages = messages;
        this.forms = forms;
    }

    /** A section's answers in the order of its form, then what the form no longer asks. */
    public List<ReadableAnswer> section(String section, Map<?, ?> answers, Locale locale) {
        Optional<FormCatalog.Form> form = forms.form(section);
        List<ReadableAnswer> result = new ArrayList<>();
        forms.readableAnswers(section, answers)
                .forEach((key, value) -> result.add(new ReadableAnswer(key, question(section, key, locale), null, null)
                        .withValue(answer(form, key, value, locale))));
        return result;
    }

    /** One answer of a section; its value as stored (codes of fixed choices are shown by their labels). */
    public ReadableAnswer answer(String section, String key, Object value, Locale locale) {
        Optional<FormCatalog.Form> form = forms.form(section);
        return new ReadableAnswer(key, question(section, key, locale), null, null)
                .withValue(
                        answer(form, key, form.map(f -> f.readable(key, value)).orElse(value), locale));
    }

    /** The question as the form asks it; else as the messages question.* name it; else the key. */
    public String question(String section, String key, Locale locale) {
        return forms.form(section)
                .map(f -> f.fields().get(key))
                .orElseGet(() -> messages.getMessage("question." + key, null, key, locale));
    }

    private ReadableAnswer answer(Optional<FormCatalog.Form> form, String key, Object value, Locale locale) {
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?>)) {
            AnswerTable table = table(form.flatMap(f -> f.input(key)), list, locale);
            return table.rows().isEmpty() ? text(EMPTY) : new ReadableAnswer(null, null, null, table);
        }
        return text(of(value, locale));
    }

    private static ReadableAnswer text(String text) {
        return new ReadableAnswer(null, null, text, null);
    }

    private AnswerTable table(Optional<FormField> list, List<?> items, Locale locale) {
        Map<String, String> columns = new LinkedHashMap<>();
        list.ifPresent(l -> l.columns().forEach(c -> columns.put(c.key(), columnLabel(c.key(), c.label(), locale))));
        Set<String> other = new LinkedHashSet<>();
        items.forEach(item -> ((Map<?, ?>) item).keySet().forEach(k -> other.add(k.toString())));
        other.stream()
                .sorted(Comparator.comparingInt(AnswerText::itemOrder))
                .forEach(k -> columns.putIfAbsent(k, columnLabel(k, k, locale)));
        List<List<String>> cells = new ArrayList<>();
        for (Object item : items) {
            Map<?, ?> fields = (Map<?, ?>) item;
            cells.add(columns.keySet().stream()
                    .map(k -> of(fields.get(k), locale))
                    .toList());
        }
        cells.removeIf(row -> row.stream().allMatch(EMPTY::equals));
        List<String> keys = new ArrayList<>(columns.keySet());
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int column = i;
            if (cells.stream().anyMatch(row -> !EMPTY.equals(row.get(column)))) {
                filled.add(i);
            }
        }
        return new AnswerTable(
                filled.stream().map(i -> columns.get(keys.get(i))).toList(),
                cells.stream()
                        .map(row -> filled.stream().map(row::get).toList())
                        .toList());
    }

    private String columnLabel(String key, String label, Locale locale) {
        return label == null || label.equals(key)
                ? messages.getMessage("item." + key, null, key, locale)
                : REFERENCE.matcher(label).replaceFirst("");
    }

    /** An answer as one line of text: yes/no, list items joined, dates as day-month-year. */
    public String of(Object value, Locale locale) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return EMPTY;
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "value.yes" : "value.no", null, locale);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? EMPTY
                    : list.stream().map(item -> of(item, locale)).collect(Collectors.joining("; "));
        }
        if (value instanceof Map<?, ?> map) {
            // Stored answers have their keys sorted; an item reads what, who and when first.
            return map.entrySet().stream()
                    .sorted(Comparator.comparingInt(e -> itemOrder(e.getKey().toString())))
                    .map(e -> messages.getMessage(
                                    "item." + e.getKey(), null, e.getKey().toString(), locale) + ": "
                            + of(e.getValue(), locale))
                    .collect(Collectors.joining(", "));
        }
        // Form dates are stored as ISO (2027-02-24, with a time when the form asks for one); shown as everywhere else.
        return DutchDates.fromIso(value.toString()).orElse(value.toString());
    }

    private static int itemOrder(String key) {
        int index = ITEM_ORDER.indexOf(key);
        return index < 0 ? ITEM_ORDER.size() : index;
    }
}
