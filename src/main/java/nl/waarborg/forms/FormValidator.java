package nl.waarborg.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.waarborg.forms.FormViolation.Problem;
import nl.waarborg.shared.TextInput;

/**
 * Checks answers against a Camunda Form as form-js does in the browser, so that no client can skip it: required
 * fields (a checkbox is answered by ticking it, a list by at least one row when a column is required), min/max length,
 * min/max, pattern, the fixed choices, the kind of value, and the columns of list rows. A field that a form-js
 * condition ({@code conditional.hide}, evaluated with Camunda's FEEL engine) hides is not required. Every text answer
 * is at most {@link #MAX_TEXT_LENGTH} characters, also where the form names no limit. Lengths count as form-js does,
 * without leading and trailing blanks.
 */
public class FormValidator {

    /** The longest text answer of any field (characters); documented in the README and on the forms. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    /** A date as the forms' date fields send it; a date-time, a bare time or anything after the day is no answer. */
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The days a date field takes at all: no record of this product lies outside them. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** How far ahead a planned date (a field with {@code disallowPassedDates}, such as a due date) may lie. */
    static final int PLANNED_YEARS_AHEAD = 10;

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final FormConditions conditions = new FormConditions();
    /** The forms' patterns, compiled once each. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /**
     * The problems of these answers, in form order; empty when they are complete. {@code values} gives the value of
     * any variable by name (the answers, and what the form's conditions read, e.g. an earlier advice).
     */
    public List<FormViolation> check(FormCatalog.Form form, Function<String, Object> values) {
        List<FormViolation> problems = new ArrayList<>();
        for (FormField field : form.inputs()) {
            check(field, field.key(), field.label(), null, values.apply(field.key()), values, problems);
        }
        return problems;
    }

    /** The submitted keys that are not inputs of the form, in the order given. */
    public List<FormViolation> unknownKeys(FormCatalog.Form form, Collection<String> keys) {
        Set<String> known = new LinkedHashSet<>();
        form.inputs().forEach(f -> known.add(f.key()));
        return keys.stream()
                .filter(k -> !known.contains(k))
                .map(k -> new FormViolation(k, k, null, Problem.NOT_ON_FORM, form.id()))
                .toList();
    }

    /** What a saved draft may still lack or get wrong while it is being written; the rest bounds it as a completion. */
    private static final Set<Problem> UNFINISHED = Set.of(
            Problem.REQUIRED,
            Problem.NO_ROW,
            Problem.TOO_SHORT,
            Problem.BELOW_MIN,
            Problem.ABOVE_MAX,
            Problem.PATTERN,
            Problem.CONTRADICTION);

    /**
     * The problems of a draft (unfinished answers, ADR 0045): the same key check and the same bounds as a completion
     * (keys not on the form, in list rows too; texts over their maximum length; values of the wrong kind; choices the
     * form does not offer), but nothing needs to be answered yet, nor complete.
     */
    public List<FormViolation> draftProblems(FormCatalog.Form form, Map<String, Object> answers) {
        List<FormViolation> problems = new ArrayList<>(unknownKeys(form, answers.keySet()));
        check(form, answers::get).stream()
                .filter(p -> !UNFINISHED.contains(p.problem()))
                .forEach(problems::add);
        return problems;
    }

    private void check(
            FormField field,
            String path,
            String label,
            Integer row,
            Object value,
            Function<String, Object> context,
            List<FormViolation> problems) {
        if (isEmpty(field, value)) {
            // Only here does it matter whether a condition hides the field: an answer that is given is checked anyway.
            if ((field.needsARow() || field.required()) && !hidden(field, context)) {
                problems.add(new FormViolation(
                        path, label, row, field.needsARow() ? Problem.NO_ROW : Problem.REQUIRED, null));
            }
            return;
        }
        FormViolation wrong = switch (field.type()) {
            case "textfield", "textarea" -> text(field, path, label, row, value);
            case "number" -> number(field, path, label, row, value);
            case "checkbox" ->
                value instanceof Boolean
                        ? null
                        : new FormViolation(path, label, row, Problem.WRONG_TYPE, "true or false");
            case "select", "radio" -> choice(field, path, label, row, value);
            case "checklist", "taglist" -> choices(field, path, label, row, value);
            case "datetime" -> date(field, path, label, row, value);
            case "dynamiclist" -> rows(field, path, label, value, context, problems);
            default -> null;
        };
        if (wrong != null) {
            problems.add(wrong);
        }
    }

    private static boolean isEmpty(FormField field, Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())
                || ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value));
    }

    private static FormViolation text(FormField field, String path, String label, Integer row, Object value) {
        if (!(value instanceof String text)) {
            return new FormViolation(path, label, row, Problem.WRONG_TYPE, "text");
        }
        int refused = TextInput.firstRefused(text);
        if (refused >= 0) {
            return new FormViolation(
                    path, label, row, Problem.CONTROL_CHARACTER, String.format("U+%04X", (int) text.charAt(refused)));
        }
        int length = text.trim().length();
        int max = field.maxLength() == null ? MAX_TEXT_LENGTH : Math.min(field.maxLength(), MAX_TEXT_LENGTH);
        if (length > max) {
            return new FormViolation(path, label, row, Problem.TOO_LONG, String.valueOf(max));
        }
        if (field.minLength() != null && length < field.minLength()) {
            return new FormViolation(path, label, row, Problem.TOO_SHORT, String.valueOf(field.minLength()));
        }
        if (field.pattern() != null
                && !PATTERNS.computeIfAbsent(field.pattern(), Pattern::compile)
                        .matcher(text)
                        .find()) {
            return new FormViolation(path, label, row, Problem.PATTERN, field.pattern());
        }
        return null;
    }

    private static FormViolation number(FormField field, String path, String label, Integer row, Object value) {
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(((String) value).trim());
        } catch (NumberFormatException | ClassCastException e) {
            return new FormViolation(path, label, row, Problem.WRONG_TYPE, "a number");
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return new FormViolation(
                    path, label, row, Problem.BELOW_MIN, field.min().toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return new FormViolation(
                    path, label, row, Problem.ABOVE_MAX, field.max().toPlainString());
        }
        if (field.decimalDigits() != null
                && Math.max(0, number.stripTrailingZeros().scale()) > field.decimalDigits()) {
            return new FormViolation(
                    path, label, row, Problem.TOO_MANY_DECIMALS, String.valueOf(field.decimalDigits()));
        }
        return null;
    }

    private static FormViolation choice(FormField field, String path, String label, Integer row, Object value) {
        if (!(value instanceof String s)) {
            return new FormViolation(path, label, row, Problem.WRONG_TYPE, "one of its choices as text");
        }
        return field.options() == null || field.options().contains(s)
                ? null
                : new FormViolation(path, label, row, Problem.NOT_AN_OPTION, s);
    }

    private static FormViolation choices(FormField field, String path, String label, Integer row, Object value) {
        if (!(value instanceof Collection<?> chosen) || chosen.stream().anyMatch(v -> !(v instanceof String))) {
            return new FormViolation(path, label, row, Problem.WRONG_TYPE, "a list of its choices");
        }
        return chosen.stream()
                .filter(v -> field.options() != null && !field.options().contains(v))
                .findFirst()
                .map(v -> new FormViolation(path, label, row, Problem.NOT_AN_OPTION, v.toString()))
                .orElse(null);
    }

    /**
     * A date field: a day (YYYY-MM-DD, or a Date that an engine client sent, read in Amsterdam) between 1900 and 2199;
     * a field with {@code disallowPassedDates} (a planned date such as a due date) from today up to ten years ahead.
     */
    private static FormViolation date(FormField field, String path, String label, Integer row, Object value) {
        LocalDate day = null;
        if (value instanceof Date d) {
            day = d.toInstant().atZone(AMSTERDAM).toLocalDate();
        } else if (value instanceof String s && ISO_DATE.matcher(s.trim()).matches()) {
            try {
                day = LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                // an impossible date such as 2027-02-30
            }
        }
        if (day == null) {
            return new FormViolation(path, label, row, Problem.WRONG_TYPE, "a date (YYYY-MM-DD)");
        }
        LocalDate today = LocalDate.now(AMSTERDAM);
        LocalDate earliest = field.noPassedDates() ? today : EARLIEST;
        LocalDate latest = field.noPassedDates() ? today.plusYears(PLANNED_YEARS_AHEAD) : LATEST;
        if (day.isBefore(earliest)) {
            return new FormViolation(path, label, row, Problem.DATE_BEFORE, earliest.toString());
        }
        if (day.isAfter(latest)) {
            return new FormViolation(path, label, row, Problem.DATE_AFTER, latest.toString());
        }
        return null;
    }

    private FormViolation rows(
            FormField list,
            String path,
            String label,
            Object value,
            Function<String, Object> context,
            List<FormViolation> problems) {
        if (!(value instanceof List<?> rows)) {
            return new FormViolation(path, label, null, Problem.WRONG_TYPE, "a list of rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = path + "[" + i + "]";
            int row = i + 1;
            if (!(rows.get(i) instanceof Map<?, ?> cells)) {
                problems.add(
                        new FormViolation(rowPath, label, row, Problem.WRONG_TYPE, "a row with the list's fields"));
                continue;
            }
            Set<String> columns = new LinkedHashSet<>();
            list.columns().forEach(c -> columns.add(c.key()));
            cells.keySet().stream()
                    .map(String::valueOf)
                    .filter(k -> !columns.contains(k))
                    .forEach(k -> problems.add(
                            new FormViolation(rowPath + "." + k, k, row, Problem.NOT_ON_FORM, list.key())));
            // A condition inside a row reads the row's fields first, then the rest.
            Function<String, Object> rowContext =
                    name -> cells.containsKey(name) ? cells.get(name) : context.apply(name);
            for (FormField column : list.columns()) {
                check(
                        column,
                        rowPath + "." + column.key(),
                        label + " › " + column.label(),
                        row,
                        cells.get(column.key()),
                        rowContext,
                        problems);
            }
        }
        return null;
    }

    /** Whether a condition hides the field; a condition that cannot be evaluated hides nothing (the field is checked). */
    private boolean hidden(FormField field, Function<String, Object> context) {
        for (String condition : field.hiddenWhen()) {
            if (conditions.holds(condition, context)) {
                return true;
            }
        }
        return false;
    }

    /** The variable names a form condition reads (for checks that relate forms to decisions and models). */
    public static java.util.Set<String> names(String expression) {
        return FormConditions.names(expression);
    }
}
