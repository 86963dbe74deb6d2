package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceConditionsTest {

    static Signature advice(String gate, String decision, String conditions) {
        return new Signature(gate, decision, "Motivering", conditions, null, "fg", Instant.EPOCH, null, null);
    }

    @Test
    void eachNonBlankLineIsOneConditionWithoutItsBulletOrNumber() {
        assertThat(AdviceConditions.split(
                        "- Logging zes maanden bewaren\n\n  2. Jaarlijks op bias toetsen \r\n* a) geen\n"
                                + "b. Betrokkenen informeren\n• Verwerkersovereenkomst sluiten"))
                .containsExactly(
                        "Logging zes maanden bewaren",
                        "Jaarlijks op bias toetsen",
                        "a) geen",
                        "Betrokkenen informeren",
                        "Verwerkersovereenkomst sluiten");
        assertThat(AdviceConditions.split(null)).isEmpty();
        assertThat(AdviceConditions.split("  \n ")).isEmpty();
        // A number inside the text is part of it.
        assertThat(AdviceConditions.split("2027 evalueren")).containsExactly("2027 evalueren");
    }

    @Test
    void theConditionsOfTheLatestAdviceComeInGateOrderWithTheirSource() {
        List<AdviceConditions.Item> items = AdviceConditions.of(List.of(
                advice("ethics-committee-advice", "APPROVED_WITH_CONDITIONS", "Burgerpanel raadplegen"),
                advice("privacy-officer-advice", "APPROVED_WITH_CONDITIONS", "Logging bewaren\nBias toetsen"),
                new Signature(
                        "alderman-decision",
                        "SENT_BACK",
                        "Terug",
                        "Niet van een advies",
                        null,
                        "w",
                        Instant.EPOCH,
                        null,
                        null)));
        assertThat(items)
                .extracting(AdviceConditions.Item::gate, AdviceConditions.Item::condition)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("privacy-officer-advice", "Logging bewaren"),
                        org.assertj.core.groups.Tuple.tuple("privacy-officer-advice", "Bias toetsen"),
                        org.assertj.core.groups.Tuple.tuple("ethics-committee-advice", "Burgerpanel raadplegen"));
        assertThat(items.get(0).source()).isEqualTo("Advies functionaris gegevensbescherming");
        assertThat(items.get(2).source()).isEqualTo("Advies ethische commissie");
    }
}
