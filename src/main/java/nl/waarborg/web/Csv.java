package nl.waarborg.web;

import java.util.List;
import nl.waarborg.shared.SpreadsheetText;

/**
 * CSV for spreadsheets (semicolon, as Dutch Excel expects; UTF-8 with a byte order mark). A cell that a spreadsheet
 * would run as a formula gets a leading apostrophe ({@link SpreadsheetText}); a cell with a separator of either kind
 * (semicolon or comma) is quoted, so that no locale splits a formula out of it.
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
        String v = SpreadsheetText.neutralised(value);
        // Quoted also with a comma: a spreadsheet that splits on commas must not start a cell (a formula) inside it.
        if (v.contains(";") || v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
