package nl.waarborg.forms;

/**
 * What is wrong with one field of a submitted form. {@code field} names it for machines (a list's column as
 * {@code sectionDMeasures[0].measure}), {@code label} as the form shows it, {@code row} counts from 1 inside a list,
 * {@code limit} is the bound or the value at fault. The pages say it in Dutch through the messages {@code form.error.*}.
 * A {@link Problem#CONTRADICTION} between answers ({@link TriageContradictions}, {@link RiskMatrix},
 * {@link RiskReferences}) carries its own explanation: Dutch in {@code label}, English in {@code limit}.
 */
public record FormViolation(String field, String label, Integer row, Problem problem, String limit) {

    public enum Problem {
        REQUIRED,
        NO_ROW,
        TOO_SHORT,
        TOO_LONG,
        BELOW_MIN,
        ABOVE_MAX,
        PATTERN,
        NOT_AN_OPTION,
        WRONG_TYPE,
        NOT_ON_FORM,
        CONTRADICTION,
        CONTROL_CHARACTER,
        /** A date before the earliest one the field takes (its limit): a passed due date, or before 1900. */
        DATE_BEFORE,
        /** A date after the latest one the field takes (its limit). */
        DATE_AFTER,
        /** A number with more decimals than the field takes (its limit; 0: a whole number). */
        TOO_MANY_DECIMALS
    }

    /** The English text for API clients. */
    public String message() {
        String name = "'" + field + "'";
        return switch (problem) {
            case REQUIRED -> "Field " + name + " is required.";
            case NO_ROW -> "Field " + name + " needs at least one row.";
            case TOO_SHORT -> "Field " + name + " must be at least " + limit + " characters long.";
            case TOO_LONG -> "Field " + name + " may be at most " + limit + " characters long.";
            case BELOW_MIN -> "Field " + name + " must be at least " + limit + ".";
            case ABOVE_MAX -> "Field " + name + " must be at most " + limit + ".";
            case PATTERN -> "Field " + name + " must match the pattern " + limit + ".";
            case NOT_AN_OPTION -> "Field " + name + " has a value that is not one of its choices: " + limit + ".";
            case WRONG_TYPE -> "Field " + name + " must be " + limit + ".";
            case CONTRADICTION -> "Field " + name + " contradicts another answer: " + limit;
            case CONTROL_CHARACTER ->
                "Field " + name + " contains an invisible control character (" + limit
                        + "); remove it and send the text again.";
            case DATE_BEFORE -> "Field " + name + " may not lie before " + limit + ".";
            case DATE_AFTER -> "Field " + name + " may not lie after " + limit + ".";
            case TOO_MANY_DECIMALS ->
                "0".equals(limit)
                        ? "Field " + name + " must be a whole number."
                        : "Field " + name + " may have at most " + limit + " decimals.";
            case NOT_ON_FORM ->
                "Field " + name + " is not on form '" + limit + "'; send only the fields of the task's form.";
        };
    }
}
