package nl.waarborg.forms;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.waarborg.shared.DutchDates;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An answer as one line of text, the same on the pages and in the PDF export: yes/no for booleans, list items
 * joined, the fields inside an item named as the reader knows them (messages item.*, e.g. "Eigenaar: Team Data"),
 * what/owner/due date first, and dates as day-month-year.
 */
@Component
public class AnswerText {

    static final String EMPTY = "–";

    private final MessageSource messages;

    public AnswerText(MessageSource messages) {
        this.messages = messages;
    }

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

    private static final List<String> ITEM_ORDER = List.of("what", "owner", "dueDate");

    private static int itemOrder(String key) {
        int index = ITEM_ORDER.indexOf(key);
        return index < 0 ? ITEM_ORDER.size() : index;
    }
}
