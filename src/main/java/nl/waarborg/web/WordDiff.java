package nl.waarborg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words added and removed between two texts (longest common subsequence of words), with the unchanged stretches
 * cut down to a few words of context around each change, so that a reviewer reads only what changed.
 */
public final class WordDiff {

    public enum Kind {
        SAME,
        ADDED,
        REMOVED,
        /** Unchanged words left out. */
        GAP
    }

    public record Part(Kind kind, String text) {}

    static final String GAP = "…";
    /** Beyond this many word pairs the texts are shown as wholly removed and added, to keep the page fast. */
    private static final long MAX_CELLS = 4_000_000L;

    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+\\s*|\\s+");

    private WordDiff() {}

    /** The changes from one text to the other, unchanged stretches of more than 2 × context words cut down. */
    public static List<Part> between(String before, String after, int context) {
        return collapse(between(before, after), context);
    }

    /** The changes from one text to the other, word by word; joined, the SAME and ADDED parts give the new text. */
    public static List<Part> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Part> parts = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(parts, Kind.REMOVED, String.join("", a));
            add(parts, Kind.ADDED, String.join("", b));
            return parts;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = same(a.get(i), b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && same(a.get(i), b.get(j))) {
                add(parts, Kind.SAME, b.get(j++));
                i++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                // Removed words before added ones, as a reader expects "was → becomes".
                add(parts, Kind.REMOVED, a.get(i++));
            } else {
                add(parts, Kind.ADDED, b.get(j++));
            }
        }
        return parts;
    }

    /** Unchanged stretches cut to their first and last words of context; an answer without change stays whole. */
    public static List<Part> collapse(List<Part> parts, int context) {
        if (parts.stream().allMatch(p -> p.kind() == Kind.SAME)) {
            return parts;
        }
        List<Part> result = new ArrayList<>();
        for (int n = 0; n < parts.size(); n++) {
            Part part = parts.get(n);
            if (part.kind() != Kind.SAME) {
                result.add(part);
                continue;
            }
            List<String> words = tokens(part.text());
            boolean first = n == 0;
            boolean last = n == parts.size() - 1;
            int keepStart = first ? 0 : context;
            int keepEnd = last ? 0 : context;
            if (words.size() <= keepStart + keepEnd + 1) {
                result.add(part);
                continue;
            }
            if (keepStart > 0) {
                result.add(new Part(Kind.SAME, String.join("", words.subList(0, keepStart))));
            }
            result.add(new Part(Kind.GAP, GAP + " "));
            if (keepEnd > 0) {
                result.add(new Part(Kind.SAME, String.join("", words.subList(words.size() - keepEnd, words.size()))));
            }
        }
        return result;
    }

    private static boolean same(String a, String b) {
        return a.strip().equals(b.strip());
    }

    private static void add(List<Part> parts, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last).kind() == kind) {
            parts.set(last, new Part(kind, parts.get(last).text() + text));
        } else {
            parts.add(new Part(kind, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
