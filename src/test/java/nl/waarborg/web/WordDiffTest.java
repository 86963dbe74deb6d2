package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import nl.waarborg.web.WordDiff.Kind;
import nl.waarborg.web.WordDiff.Part;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void aChangedWordIsRemovedAndAddedTheRestStays() {
        assertThat(WordDiff.between("De kans is laag.", "De kans is hoog."))
                .containsExactly(
                        new Part(Kind.SAME, "De kans is "),
                        new Part(Kind.REMOVED, "laag."),
                        new Part(Kind.ADDED, "hoog."));
    }

    @Test
    void joinedTheUnchangedAndAddedPartsGiveTheNewTextAndTheRemovedOnesTheOld() {
        String before = "Binnen twee weken beslissen over een vergunning";
        String after = "Binnen vier weken zorgvuldig beslissen over de vergunning";
        List<Part> parts = WordDiff.between(before, after);
        assertThat(text(parts, Kind.REMOVED)).isEqualTo(before);
        assertThat(text(parts, Kind.ADDED)).isEqualTo(after);
        assertThat(parts)
                .filteredOn(p -> p.kind() == Kind.ADDED)
                .extracting(Part::text)
                .containsExactly("vier ", "zorgvuldig ", "de ");
    }

    @Test
    void anEmptySideIsWhollyAddedOrRemoved() {
        assertThat(WordDiff.between("", "Nieuw antwoord")).containsExactly(new Part(Kind.ADDED, "Nieuw antwoord"));
        assertThat(WordDiff.between("Oud antwoord", null)).containsExactly(new Part(Kind.REMOVED, "Oud antwoord"));
        assertThat(WordDiff.between("Gelijk", "Gelijk")).containsExactly(new Part(Kind.SAME, "Gelijk"));
    }

    @Test
    void longUnchangedStretchesAreCutToTheirContext() {
        String before = "een twee drie vier vijf zes zeven acht negen tien elf twaalf";
        String after = "een twee drie vier vijf zes ZEVEN acht negen tien elf twaalf";
        assertThat(WordDiff.between(before, after, 2))
                .containsExactly(
                        new Part(Kind.GAP, "… "),
                        new Part(Kind.SAME, "vijf zes "),
                        new Part(Kind.REMOVED, "zeven "),
                        new Part(Kind.ADDED, "ZEVEN "),
                        new Part(Kind.SAME, "acht negen "),
                        new Part(Kind.GAP, "… "));
    }

    @Test
    void shortUnchangedStretchesStayWhole() {
        assertThat(WordDiff.between("a b c", "a x c", 2))
                .extracting(Part::kind)
                .containsExactly(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME);
    }

    /** The text a reader of one side sees: the unchanged parts and those of the given kind. */
    private static String text(List<Part> parts, Kind side) {
        return parts.stream()
                .filter(p -> p.kind() == Kind.SAME || p.kind() == side)
                .map(Part::text)
                .collect(Collectors.joining());
    }
}
