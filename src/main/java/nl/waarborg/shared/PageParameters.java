package nl.waarborg.shared;

/** The checks on a list endpoint's {@code limit} and {@code offset}: a 400 naming the parameter. */
public final class PageParameters {

    private PageParameters() {}

    public static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", "Parameter 'limit' must be between 1 and " + max + ".");
        }
    }

    public static void check(int limit, int offset, int maxLimit) {
        checkLimit(limit, maxLimit);
        if (offset < 0) {
            throw new InvalidInputException("offset", "Parameter 'offset' must not be negative.");
        }
    }
}
