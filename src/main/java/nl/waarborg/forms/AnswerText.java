package nl.waarborg.forms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An answer as one line of text, the same on the pages and in the PDF export: yes/no for booleans, list items
 * joined, and the fields inside an item named as the reader knows them (messages item.*, e.g. "Eigenaar: Team Data").
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
            return list.isEmpty() ? EMPTY : list.stream().map(item -> of(item, locale)).collect(Collectors.joining("; "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> messages.getMessage("item." + e.getKey(), null, e.getKey().toString(), locale) + ": " + of(e.getValue(), locale))
                    .collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
