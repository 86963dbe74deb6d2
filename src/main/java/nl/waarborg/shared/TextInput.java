package nl.waarborg.shared;

/**
 * Text that Waarborg accepts from a user: no invisible control characters. Refused are the C0 controls other than tab,
 * line feed and carriage return (e.g. NUL, which PostgreSQL cannot store and H2 stores silently), DEL, the C1 controls
 * and the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make a name shown to
 * another user read differently from what it is (ADR 0055). Line breaks and tabs in answers stay allowed.
 */
public final class TextInput {

    private TextInput() {}

    /** 400: a text holds a character that {@link TextInput} refuses. */
    public static class RefusedException extends InvalidInputException {
        RefusedException(String field, String detail) {
            super(field, detail);
        }
    }

    /** 400: a name holds a web address ({@link #checkNoWebAddress}). */
    public static final class WebAddressException extends RefusedException {
        WebAddressException(String field, String detail) {
            super(field, detail);
        }
    }

    /** The first refused character of the value, or -1 when there is none (or no value). */
    public static int firstRefused(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (refused(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean refused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * The first line break or tab of a value that must stay on one line (a name shown in lists and quoted in e-mails), or
     * -1: line feed, carriage return, tab, and the line and paragraph separators U+2028 and U+2029.
     */
    public static int firstLineBreak(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (lineBreak(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the character breaks a line that must stay one: line feed, carriage return, tab, U+2028, U+2029. */
    public static boolean lineBreak(char c) {
        return "\n\r\t\u2028\u2029".indexOf(c) >= 0;
    }

    /**
     * Refuses (400, naming the field) a name with a refused character or a line break: a system's name with a line break
     * put lines of its own, such as a link elsewhere, into every e-mail about the system.
     */
    public static void checkSingleLine(String field, String value) {
        check(field, value);
        int at = firstLineBreak(value);
        if (at >= 0) {
            throw new RefusedException(
                    field,
                    "'" + field + "' is one line: it contains a line break or tab (U+"
                            + String.format("%04X", (int) value.charAt(at)) + " at position " + (at + 1) + ").");
        }
    }

    /** Refuses (400, naming the field and the character) a value with a refused character. */
    public static void check(String field, String value) {
        int at = firstRefused(value);
        if (at >= 0) {
            throw new RefusedException(
                    field,
                    (field == null ? "The text" : "'" + field + "'") + " contains an invisible control character (U+"
                            + String.format("%04X", (int) value.charAt(at)) + " at position " + (at + 1)
                            + "); remove it and send the text again.");
        }
    }

    private static final java.util.regex.Pattern WEB_ADDRESS =
            java.util.regex.Pattern.compile("(?i)([a-z][a-z0-9+.-]*://|\\bwww\\.)");

    /**
     * Refuses (400, naming the field) a name that holds a web address: names are quoted in Waarborg's mails and pages,
     * whose links are Waarborg's own (ADR 0026), so a name cannot carry a link to another site in Waarborg's words.
     */
    public static void checkNoWebAddress(String field, String value) {
        if (value != null && WEB_ADDRESS.matcher(value).find()) {
            throw new WebAddressException(
                    field,
                    "'" + field + "' is a name: it may not contain a web address (such as https:// or www.), which"
                            + " Waarborg would quote in its mails.");
        }
    }
}
