package nl.waarborg.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The form-js conditions of a form ({@code conditional.hide}), evaluated with Camunda's FEEL engine. Each condition
 * is parsed once. The FEEL engine builds its whole library of built-in functions for every evaluation, which made
 * these conditions the largest cost of a task completion; so the result of a condition that calls no function other
 * than FEEL's {@link #PURE_FUNCTIONS} (which read only their arguments; {@code not(...)} and the keywords before a
 * parenthesis are syntax) is kept per condition and per value of each variable it reads: text up to
 * {@link #MEMO_TEXT_LENGTH} characters, yes/no, numbers, null, and small lists and maps of those (at most
 * {@link #MEMO_LIST_VALUES} values in all, kept as a copy that nobody can change). Such a condition is a pure function
 * of those values, so a kept result is the one FEEL would give again. Other conditions (larger lists, longer texts,
 * functions such as {@code today()}) are evaluated every time.
 */
final class FormConditions {

    /** The longest text value whose condition result is kept. */
    static final int MEMO_TEXT_LENGTH = 256;
    /** Kept results; the memo starts over when it holds more (a form has a handful of conditions over a few choices). */
    static final int MEMO_SIZE = 4096;
    /** The most values (list items, map entries, nested ones too) a list or map may hold for its condition's result to be kept. */
    static final int MEMO_LIST_VALUES = 64;
    /** FEEL's built-in functions whose result depends on their arguments alone (not on the clock or anything else). */
    static final Set<String> PURE_FUNCTIONS = Set.of("count", "sum", "min", "max", "mean", "abs", "floor", "ceiling");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Set<String> FEEL_WORDS = Set.of(
            "and",
            "or",
            "not",
            "null",
            "true",
            "false",
            "in",
            "between",
            "instance",
            "of",
            "if",
            "then",
            "else",
            "for",
            "return",
            "some",
            "every",
            "satisfies",
            "function");
    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
    private final Map<String, Condition> conditions = new ConcurrentHashMap<>();
    private final Map<List<Object>, Boolean> results = new ConcurrentHashMap<>();
    /** How often FEEL evaluated a condition (for the tests: a kept result is not evaluated again). */
    private final AtomicLong evaluations = new AtomicLong();

    /** A parsed condition, the variables it reads and whether its result may be kept. */
    private record Condition(String expression, ParsedExpression parsed, List<String> names, boolean pure) {}

    /**
     * Whether the condition holds for these values. A condition that cannot be evaluated (e.g. comparing text with a
     * number) does not hold; one that is not valid FEEL fails.
     */
    boolean holds(String condition, Function<String, Object> values) {
        Condition c = conditions.computeIfAbsent(condition, this::parse);
        Object[] key = c.pure() ? new Object[c.names().size() + 1] : null;
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < c.names().size(); i++) {
            Object value = feelValue(values.apply(c.names().get(i)));
            variables.put(c.names().get(i), value);
            if (key != null) {
                Object kept = memoKey(value, new int[] {MEMO_LIST_VALUES});
                key = kept == NOT_KEPT ? null : key;
                if (key != null) {
                    key[i + 1] = kept;
                }
            }
        }
        if (key == null) {
            return evaluate(c, variables);
        }
        key[0] = c.expression();
        List<Object> memoKey = Arrays.asList(key);
        Boolean kept = results.get(memoKey);
        if (kept == null) {
            kept = evaluate(c, variables);
            if (results.size() >= MEMO_SIZE) {
                results.clear();
            }
            results.put(memoKey, kept);
        }
        return kept;
    }

    private boolean evaluate(Condition c, Map<String, Object> variables) {
        evaluations.incrementAndGet();
        EvaluationResult result = feel.evaluate(c.parsed(), variables);
        return result.isSuccess() && Boolean.TRUE.equals(result.result());
    }

    long evaluations() {
        return evaluations.get();
    }

    private Condition parse(String condition) {
        String expression = condition.trim().startsWith("=") ? condition.trim().substring(1) : condition.trim();
        ParseResult result = feel.parseExpression(expression);
        if (!result.isSuccess()) {
            throw new IllegalStateException("A form condition is not valid FEEL: " + expression + " ("
                    + result.failure().message() + ")");
        }
        return new Condition(
                expression,
                result.parsedExpression(),
                List.copyOf(names(expression)),
                PURE_FUNCTIONS.containsAll(functions(expression)));
    }

    /** The variable names an expression reads: every name outside string literals that is not a FEEL word or function. */
    static Set<String> names(String expression) {
        Set<String> names = new LinkedHashSet<>();
        String code = withoutStrings(expression);
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            if (!FEEL_WORDS.contains(m.group()) && !calls(code, m)) {
                names.add(m.group());
            }
        }
        return names;
    }

    /**
     * The functions an expression calls (outside string literals), e.g. {@code today}; not the FEEL words before a
     * parenthesis ({@code and (}, {@code not(}), which are syntax and pure.
     */
    static Set<String> functions(String expression) {
        Set<String> functions = new LinkedHashSet<>();
        String code = withoutStrings(expression);
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            if (calls(code, m) && !FEEL_WORDS.contains(m.group())) {
                functions.add(m.group());
            }
        }
        return functions;
    }

    private static String withoutStrings(String expression) {
        return STRING_LITERAL.matcher(expression).replaceAll("\"\"");
    }

    private static boolean calls(String code, Matcher name) {
        return code.substring(name.end()).stripLeading().startsWith("(");
    }

    /** Marks a value whose condition result is not kept. */
    private static final Object NOT_KEPT = new Object();

    /**
     * The value as part of a memo key: itself for null, yes/no, numbers and short texts; an unmodifiable copy for a small
     * list or map of such values ({@code budget} counts the values still allowed); {@link #NOT_KEPT} for anything else.
     */
    private static Object memoKey(Object value, int[] budget) {
        if (value == null || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof String s) {
            return s.length() <= MEMO_TEXT_LENGTH ? s : NOT_KEPT;
        }
        if (value instanceof List<?> list) {
            if ((budget[0] -= list.size()) < 0) {
                return NOT_KEPT;
            }
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                Object kept = memoKey(item instanceof Number n ? feelValue(n) : item, budget);
                if (kept == NOT_KEPT) {
                    return NOT_KEPT;
                }
                copy.add(kept);
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            if ((budget[0] -= map.size()) < 0) {
                return NOT_KEPT;
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object kept = memoKey(entry.getValue() instanceof Number n ? feelValue(n) : entry.getValue(), budget);
                if (kept == NOT_KEPT || !(entry.getKey() instanceof String)) {
                    return NOT_KEPT;
                }
                copy.put(entry.getKey(), kept);
            }
            return Collections.unmodifiableMap(copy);
        }
        return NOT_KEPT;
    }

    /** FEEL compares numbers as numbers and reads lists and maps as its own; other values go in as they are. */
    private static Object feelValue(Object value) {
        return value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString()) : value;
    }
}
