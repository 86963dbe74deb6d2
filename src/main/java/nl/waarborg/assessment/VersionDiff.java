package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.waarborg.forms.AnswerText;
import nl.waarborg.shared.CanonicalJson;
import org.springframework.stereotype.Component;

/** Per question: what was added, removed or changed between two versions, with old and new value. */
@Component
public class VersionDiff {

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED
    }

    public record Entry(String section, String key, String question, Change change, Object oldValue, Object newValue) {}

    public record Result(String assessmentId, int from, int to, List<Entry> changes) {}

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final AnswerText answers;

    public VersionDiff(AnswerText answers) {
        this.answers = answers;
    }

    public Result between(AssessmentVersion from, AssessmentVersion to) {
        Map<String, Object> before = flatten(from.answers());
        Map<String, Object> after = flatten(to.answers());
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Entry> changes = new ArrayList<>();
        for (String path : keys) {
            boolean had = before.containsKey(path) && before.get(path) != null;
            boolean has = after.containsKey(path) && after.get(path) != null;
            Change change = null;
            if (had && !has) {
                change = Change.REMOVED;
            } else if (!had && has) {
                change = Change.ADDED;
            } else if (had
                    && !Objects.equals(CanonicalJson.write(before.get(path)), CanonicalJson.write(after.get(path)))) {
                change = Change.CHANGED;
            }
            if (change != null) {
                String section = path.substring(0, path.indexOf('/'));
                String key = path.substring(path.indexOf('/') + 1);
                changes.add(new Entry(section, key, question(section, key), change, before.get(path), after.get(path)));
            }
        }
        return new Result(to.assessmentId(), from.number(), to.number(), changes);
    }

    /** The question as the form asks it (in Dutch, see AnswerText), or the key when nothing names that field. */
    public String question(String section, String key) {
        return answers.question(section, key, DUTCH);
    }

    private static Map<String, Object> flatten(Map<String, Object> answers) {
        Map<String, Object> flat = new LinkedHashMap<>();
        answers.forEach((section, fields) -> {
            if (fields instanceof Map<?, ?> map) {
                map.forEach((key, value) -> flat.put(section + "/" + key, value));
            } else {
                flat.put(section + "/" + section, fields);
            }
        });
        return flat;
    }
}
