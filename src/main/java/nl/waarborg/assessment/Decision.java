package nl.waarborg.assessment;

import java.util.Arrays;
import java.util.List;

/**
 * What a gate decides (the contract's {@code decision} field). On an advice gate REJECTED is negative advice; the
 * alderman's REJECTED rejects the version; SENT_BACK returns it to draft for rework.
 */
public enum Decision {
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    SENT_BACK,
    REJECTED;

    /** The values as the forms and the API send them. */
    public static final List<String> VALUES =
            Arrays.stream(values()).map(Enum::name).toList();

    /** Whether the value sent (a form value, a process variable, a stored signature) is this decision. */
    public boolean is(Object value) {
        return value != null && name().equals(value.toString().trim());
    }

    /** APPROVED or APPROVED_WITH_CONDITIONS. */
    public static boolean approves(Object value) {
        return APPROVED.is(value) || APPROVED_WITH_CONDITIONS.is(value);
    }
}
