package nl.waarborg.forms;

import java.util.List;

/**
 * A list answer as a table: the column labels in the order of the form and one row of cell texts per item. Columns
 * that no item fills and items that fill nothing are left out.
 */
public record AnswerTable(List<String> columns, List<List<String>> rows) {

    public AnswerTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
