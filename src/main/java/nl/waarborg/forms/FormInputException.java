package nl.waarborg.forms;

import java.util.List;
import nl.waarborg.shared.InvalidInputException;

/**
 * A task completion refused because its answers do not fit the task's form (400 on every path): the first problem
 * names the field; all of them are in {@link #violations()}. One of Waarborg's refusals (InvalidInputException), so
 * every path answers it the same way, Tasklist's /camunda/api included (engine.CamundaRestProblems).
 */
public class FormInputException extends InvalidInputException {

    private final transient List<FormViolation> violations;

    public FormInputException(List<FormViolation> violations) {
        super(violations.isEmpty() ? null : violations.get(0).field(), message(violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(List<FormViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A refusal needs at least one violation");
        }
        String first = violations.get(0).message();
        return violations.size() == 1
                ? first
                : first + " (" + (violations.size() - 1) + " more: "
                        + String.join(
                                ", ",
                                violations.stream()
                                        .skip(1)
                                        .map(FormViolation::field)
                                        .toList()) + ")";
    }

    public List<FormViolation> violations() {
        return violations;
    }

    /** The field at fault (the first one). */
    public String field() {
        return violations.get(0).field();
    }
}
