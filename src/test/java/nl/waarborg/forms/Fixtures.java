package nl.waarborg.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.lifecycle.FullLifecycleApiTest;

/** Complete answers to the IAMA parts and DPIA sections (forms/), as a careful project lead gives them over HTTP. */
public final class Fixtures {

    private Fixtures() {}

    /** Part 1 to 5 of the IAMA, as in the lifecycle test. */
    public static Map<String, Object> iamaPart(int part) {
        return FullLifecycleApiTest.part(part, "Binnen vier weken beslissen");
    }

    public static Map<String, Object> dpiaSection(char section) {
        Map<String, Object> v = new HashMap<>();
        switch (section) {
            case 'a' -> {
                v.put("sectionAProposal", "Aanvragen automatisch voorsorteren");
                v.put("sectionAPersonalData", "Naam, adres, inkomen");
                v.put("sectionAProcessing", "Vergelijken met eerdere aanvragen");
                v.put("sectionAPurposes", "Sneller beslissen");
                v.put("sectionARetention", "Vijf jaar na het besluit");
            }
            case 'b' -> {
                v.put("sectionBLegalBasis", "Wettelijke plicht (art. 6 lid 1 onder c AVG)");
                v.put("sectionBPurposeLimitation", "Alleen voor de beoordeling");
                v.put("sectionBNecessity", "Geen minder ingrijpende manier");
                v.put("sectionBDataSubjectRights", "Inzage en bezwaar via het loket");
            }
            case 'c' ->
                v.put(
                        "sectionCRisks",
                        List.of(Map.of(
                                "riskId",
                                "R1",
                                "risk",
                                "Onterechte afwijzing",
                                "likelihood",
                                "MEDIUM",
                                "impact",
                                "HIGH",
                                "level",
                                "HIGH",
                                "origin",
                                "Onvolledige gegevens in de aanvraag")));
            default -> {
                v.put(
                        "sectionDMeasures",
                        List.of(Map.of(
                                "riskId",
                                "R1",
                                "measure",
                                "Menselijke toets van elke afwijzing",
                                "residualRisk",
                                "LOW")));
                v.put("sectionDResidualJustification", "Het restrisico is laag door de menselijke toets");
            }
        }
        v.putAll(ModelQuestionAnswers.dpia(section));
        return v;
    }
}
