package nl.waarborg.shared;

/**
 * The one rule for a text that goes into a CSV file a spreadsheet opens: a cell that a spreadsheet would run as a
 * formula (its first character other than spaces is =, +, - or @, or it starts with a tab or carriage return) gets a
 * leading apostrophe, so it shows as text. Used by every CSV export (the oversight list, the register's bulk upload).
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String neutralised(String value) {
        String v = value == null ? "" : value;
        String start = v.stripLeading();
        boolean formula = (!start.isEmpty() && "=+-@".indexOf(start.charAt(0)) >= 0)
                || (!v.isEmpty() && "\t\r\n".indexOf(v.charAt(0)) >= 0);
        return formula ? "'" + v : v;
    }
}
