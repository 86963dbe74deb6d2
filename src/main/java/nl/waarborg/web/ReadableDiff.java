package nl.waarborg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.waarborg.assessment.VersionDiff;
import nl.waarborg.forms.AnswerTable;
import nl.waarborg.forms.AnswerText;
import nl.waarborg.forms.ReadableAnswer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The difference between two versions as a reviewer reads it: per question, and for a list answer per row and
 * column, the answers as labelled text (no codes) with the changed words marked and the unchanged words cut down.
 */
@Component
public class ReadableDiff {

    /** Words of context kept around each change. */
    static final int CONTEXT = 6;

    /** One changed line: the row and column of a list ("R2 · Kans"), or none for a plain answer. */
    public record Line(String label, List<WordDiff.Part> parts) {}

    public record Change(String section, String question, VersionDiff.Change change, List<Line> lines) {}

    private final AnswerText answers;
    private final MessageSource messages;

    public ReadableDiff(AnswerText answers, MessageSource messages) {
        this.answers = answers;
        this.messages = messages;
    }

    public List<Change> of(VersionDiff.Result result, Locale locale) {
        List<Change> changes = new ArrayList<>();
        for (VersionDiff.Entry e : result.changes()) {
            ReadableAnswer before = answers.answer(e.section(), e.key(), e.oldValue(), locale);
            ReadableAnswer after = answers.answer(e.section(), e.key(), e.newValue(), locale);
            List<Line> lines = before.hasTable() || after.hasTable()
                    ? rows(table(before, locale), table(after, locale))
                    : List.of(line(null, before.text(), after.text()));
            changes.add(new Change(e.section(), after.question(), e.change(), lines));
        }
        return changes;
    }

    private Map<String, Map<String, String>> table(ReadableAnswer answer, Locale locale) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        if (!answer.hasTable()) {
            return rows;
        }
        AnswerTable table = answer.table();
        boolean byFirstCell =
                table.rows().stream().map(r -> r.get(0)).distinct().count()
                        == table.rows().size();
        for (int n = 0; n < table.rows().size(); n++) {
            List<String> row = table.rows().get(n);
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < row.size(); c++) {
                cells.put(table.columns().get(c), row.get(c));
            }
            // Rows are paired by their first column (risk number, right) when that tells them apart, else by place.
            rows.put(byFirstCell ? row.get(0) : messages.getMessage("diff.row", new Object[] {n + 1}, locale), cells);
        }
        return rows;
    }

    private static List<Line> rows(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<Line> lines = new ArrayList<>();
        for (String key : keys) {
            Map<String, String> old = before.getOrDefault(key, Map.of());
            Map<String, String> now = after.getOrDefault(key, Map.of());
            if (old.isEmpty() || now.isEmpty()) {
                lines.add(line(key, whole(old), whole(now)));
                continue;
            }
            Set<String> columns = new LinkedHashSet<>(now.keySet());
            columns.addAll(old.keySet());
            for (String column : columns) {
                if (!Objects.equals(old.get(column), now.get(column))) {
                    lines.add(line(key + " · " + column, old.get(column), now.get(column)));
                }
            }
        }
        return lines;
    }

    private static String whole(Map<String, String> cells) {
        List<String> parts = new ArrayList<>();
        cells.forEach((column, value) -> parts.add(column + ": " + value));
        return String.join("; ", parts);
    }

    private static Line line(String label, String before, String after) {
        return new Line(label, WordDiff.between(blankIfEmpty(before), blankIfEmpty(after), CONTEXT));
    }

    private static String blankIfEmpty(String text) {
        return text == null || "–".equals(text) ? "" : text;
    }
}
