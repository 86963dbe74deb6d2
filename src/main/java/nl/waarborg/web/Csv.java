package nl.waarborg.web;

import java.util.List;

/**
 * CSV for spreadsheets (semicolon, as Dutch Excel expects; UTF-8 with a byte order mark). A cell that starts with
 * =, +, -, @, tab or carriage return gets a leading apostrophe, so a spreadsheet never runs it as a formula.
 */
final class Csv {

    private Csv() {}

    static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(';');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
