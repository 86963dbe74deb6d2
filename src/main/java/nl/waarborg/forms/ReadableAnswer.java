package nl.waarborg.forms;

/**
 * One answer as a reader sees it: the question as the form asks it, and the answer as one text or, for a list of
 * items (rights, risks, measures, action points), as a table.
 */
public record ReadableAnswer(String key, String question, String text, AnswerTable table) {

    public boolean hasTable() {
        return table != null;
    }

    /** Nothing filled in: no text and no row. */
    public boolean isEmpty() {
        return table == null ? AnswerText.EMPTY.equals(text) : table.rows().isEmpty();
    }

    /** This question with the text or table of another answer. */
    ReadableAnswer withValue(ReadableAnswer value) {
        return new ReadableAnswer(key, question, value.text, value.table);
    }
}
