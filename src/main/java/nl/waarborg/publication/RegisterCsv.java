package nl.waarborg.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.SpreadsheetText;

/**
 * Register entries as CSV for bulk upload: one column per field of the standard in its order, lists of themes joined
 * with a comma, groupings as JSON text. Every value is quoted; a value a spreadsheet would run as a formula is prefixed
 * with an apostrophe ({@link SpreadsheetText}).
 */
final class RegisterCsv {

    private RegisterCsv() {}

    static String write(List<RegisterEntry> entries) {
        List<String> columns = new ArrayList<>();
        for (var component : RegisterEntry.class.getRecordComponents()) {
            columns.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase());
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(RegisterCsv::quote).toList()))
                .append("\r\n");
        for (RegisterEntry entry : entries) {
            ObjectNode tree = CanonicalJson.MAPPER.valueToTree(entry);
            List<String> row = new ArrayList<>();
            for (String column : columns) {
                row.add(quote(cell(tree.get(column))));
            }
            csv.append(String.join(",", row)).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray() && (value.isEmpty() || value.get(0).isTextual())) {
            List<String> items = new ArrayList<>();
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                items.add(it.next().asText());
            }
            return String.join(", ", items);
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String quote(String value) {
        String safe = SpreadsheetText.neutralised(value);
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
