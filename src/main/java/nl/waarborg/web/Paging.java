package nl.waarborg.web;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Which page of a list a page shows ("?pagina=N"): 1-based, within 1..pages (at least one page, also when the list is
 * empty), with the numbers of its first and last row. Shared by "Mijn taken", "Mijn systemen" and "Wacht op
 * goedkeuring"; the pager fragment in layout.html shows it.
 */
public record Paging(int page, int pages, long total, int first, int last) {

    /** Rows of one page as read, and how many the whole list has. */
    public record Found<T>(List<T> rows, long total) {}

    /** The rows of the page shown, with its paging. */
    public record Shown<T>(List<T> rows, Paging paging) {}

    static Paging of(int requested, long total, int pageSize) {
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(1, requested), pages);
        int first = total == 0 ? 0 : (page - 1) * pageSize + 1;
        int last = (int) Math.min(total, (long) page * pageSize);
        return new Paging(page, pages, total, first, last);
    }

    /**
     * Reads the page asked for with {@code read(limit, offset)}. A page number beyond the last shows the last page (rows
     * go away while someone pages); below 1 or not a number (an edited or old link), the first.
     */
    static <T> Shown<T> show(String pagina, int pageSize, BiFunction<Integer, Integer, Found<T>> read) {
        int requested = pageNumber(pagina);
        Found<T> found = read.apply(pageSize, (int) Math.min((requested - 1L) * pageSize, Integer.MAX_VALUE));
        Paging paging = of(requested, found.total(), pageSize);
        if (paging.page() != requested) {
            found = read.apply(pageSize, paging.offset(pageSize));
            paging = of(paging.page(), found.total(), pageSize);
        }
        return new Shown<>(found.rows(), paging);
    }

    static int pageNumber(String text) {
        if (text == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            // Digits beyond int range ask for a page past the end: the last one; anything else gets the first.
            return text.trim().matches("\\d+") ? Integer.MAX_VALUE : 1;
        }
    }

    int offset(int pageSize) {
        return (page - 1) * pageSize;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
