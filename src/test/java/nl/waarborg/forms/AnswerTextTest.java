package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The one renderer of answers: lists as tables with the form's labels in the form's order, choices by label. */
class AnswerTextTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final AnswerText ANSWERS = new AnswerText(messages(), new FormCatalog(new ObjectMapper()));

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** A stored row has its keys sorted, as the canonical JSON stores them. */
    static Map<String, Object> risk(String id, String likelihood, String impact, String level) {
        return new java.util.TreeMap<>(Map.of(
                "riskId",
                id,
                "risk",
                "Onjuiste afwijzing",
                "likelihood",
                likelihood,
                "impact",
                impact,
                "level",
                level));
    }

    @Test
    void risksReadAsATableInFormOrderWithLabelsNotCodes() {
        ReadableAnswer risks =
                ANSWERS.answer("dpia-section-c", "sectionCRisks", List.of(risk("R1", "LOW", "HIGH", "MEDIUM")), DUTCH);

        assertThat(risks.question()).isEqualTo("[16] Risico's voor betrokkenen");
        assertThat(risks.hasTable()).isTrue();
        // The number first, "Impact" as the form names it, and no column that no row fills (origin, reason).
        assertThat(risks.table().columns()).containsExactly("Nummer", "Risico", "Kans", "Impact", "Risiconiveau");
        assertThat(risks.table().rows())
                .containsExactly(List.of("R1", "Onjuiste afwijzing", "Laag", "Hoog", "Gemiddeld"));
    }

    @Test
    void rightsShowTheirLabelsAndTheOldScaleOnlyWhereARowUsesIt() {
        ReadableAnswer rights = ANSWERS.answer(
                "iama-part-4",
                "part4Rights",
                List.of(Map.of(
                        "right", "eerbiediging-van-het-priv-leven-en-familieleven",
                        "impact", "NEGATIVE",
                        "infringementSeverity", "SERIOUS")),
                DUTCH);

        assertThat(rights.table().columns())
                .containsExactly("Grondrecht", "Effect", "Ernst van de inbreuk (IAMA versie 2)");
        assertThat(rights.table().rows())
                .containsExactly(List.of(
                        "Eerbiediging van het privéleven en familieleven", "Negatief (maakt inbreuk)", "Ernstig"));
    }

    @Test
    void emptyRowsAreLeftOutAndAListOfOnlyEmptyRowsReadsAsNoAnswer() {
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("what", "");
        empty.put("owner", null);
        ReadableAnswer points = ANSWERS.answer(
                "iama-part-4",
                "part4ActionPoints",
                List.of(empty, Map.of("what", "Bias-toets", "dueDate", "2027-02-24")),
                DUTCH);
        assertThat(points.table().columns()).containsExactly("Wat moet er gebeuren?", "Uiterlijk");
        assertThat(points.table().rows()).containsExactly(List.of("Bias-toets", "24-02-2027"));

        ReadableAnswer none = ANSWERS.answer("iama-part-4", "part4ActionPoints", List.of(empty), DUTCH);
        assertThat(none.hasTable()).isFalse();
        assertThat(none.isEmpty()).isTrue();
    }

    @Test
    void aSectionFollowsTheFormOrderAndListsWithoutAFormUseTheItemNames() {
        Map<String, Object> stored = new java.util.TreeMap<>(
                Map.of("sectionCRisks", List.of(risk("R1", "LOW", "LOW", "LOW")), "sectionCNotAskedAnyMore", "oud"));
        assertThat(ANSWERS.section("dpia-section-c", stored, DUTCH))
                .extracting(ReadableAnswer::key)
                .containsExactly("sectionCRisks", "sectionCNotAskedAnyMore");

        ReadableAnswer decided = ANSWERS.answer(
                "iama-alderman-decision",
                "conditionActionPoints",
                List.of(Map.of("owner", "lead", "what", "Logboek inrichten")),
                DUTCH);
        assertThat(decided.question()).isEqualTo("Actiepunten uit overgenomen voorwaarden");
        assertThat(decided.table().columns()).containsExactly("Wat", "Eigenaar");
    }
}
