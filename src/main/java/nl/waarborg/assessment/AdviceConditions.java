package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The conditions of the advice a version received, one item per condition, in gate order. An adviser writes the
 * conditions as one text; each non-blank line is a condition (a leading bullet or number is not part of it). The
 * alderman gives each item a verdict (ADR 0035), so no condition can disappear between the advice and the decision.
 */
final class AdviceConditions {

    /** One condition of one advice: the gate that gave it, its Dutch name and the condition's text. */
    record Item(String gate, String source, String condition) {}

    private static final Pattern BULLET = Pattern.compile("^(?:[-*•]|\\d{1,3}[.)]|[a-zA-Z][.)])\\s+");

    private AdviceConditions() {}

    /** The conditions in one advice text: its non-blank lines without their bullets or numbers. */
    static List<String> split(String text) {
        List<String> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String line : text.split("\\R")) {
            String condition = BULLET.matcher(line.strip()).replaceFirst("").strip();
            if (!condition.isEmpty()) {
                result.add(condition);
            }
        }
        return result;
    }

    /** The conditions of the latest advice per gate (advice without conditions gives none), in gate order. */
    static List<Item> of(Collection<Signature> latestAdvice) {
        List<Item> items = new ArrayList<>();
        for (String gateId : Gate.TASK_IDS) {
            for (Signature s : latestAdvice) {
                if (s.gate().equals(gateId) && s.advice()) {
                    String source = Gate.ofTask(gateId).map(Gate::dutchName).orElse(gateId);
                    split(s.conditions()).forEach(c -> items.add(new Item(gateId, source, c)));
                }
            }
        }
        return items;
    }
}
