package nl.waarborg.shared;

/**
 * The one rule for a text that goes into a CSV file a spreadsheet opens: a cell that a spreadsheet would run as a
 * formula (its first character other than spaces, also non-breaking or invisible ones, is =, +, - or @, or it starts with a tab or carriage return) gets a
 * leading apostrophe, so it shows as text. Used by every CSV export (the oversight list, the register's bulk upload).
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String neutralised(String value) {
        String v = value == null ? "" : value;
        int first = 0;
        while (first < v.length() && blank(v.charAt(first))) {
            first++;
        }
        boolean formula = (first < v.length() && "=+-@".indexOf(v.charAt(first)) >= 0)
                || (!v.isEmpty() && "\t\r\n".indexOf(v.charAt(0)) >= 0);
        return formula ? "'" + v : v;
    }

    /**
     * Characters a spreadsheet may pass over before a formula: white space, also the non-breaking kinds, and invisible
     * format characters such as a zero-width space or a byte order mark.
     */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }
}
