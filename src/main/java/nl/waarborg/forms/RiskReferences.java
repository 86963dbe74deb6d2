package nl.waarborg.forms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.waarborg.forms.FormViolation.Problem;

/**
 * A measure of DPIA section D ({@code sectionDMeasures}) names the risk of section C ({@code sectionCRisks}) it
 * addresses by its number; a number that section C does not have (R7 when only R1-R3 exist) is refused, naming
 * {@code sectionDMeasures[i].riskId}. Numbers compare trimmed and ignoring case, as {@code ResidualRiskLevel} does.
 */
public final class RiskReferences {

    public static final String FORM_ID = "dpia-section-d";
    public static final String MEASURES = "sectionDMeasures";
    public static final String RISK_ID = "riskId";

    private RiskReferences() {}

    /** The measures that name a risk section C does not have; empty when all references hold. */
    public static List<FormViolation> check(Object measures, Object risks) {
        List<FormViolation> found = new ArrayList<>();
        if (!(measures instanceof List<?> rows)) {
            return found;
        }
        Set<String> known = ids(risks);
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> measure) || blank(measure.get(RISK_ID))) {
                continue; // a missing number is the form check's to report
            }
            String id = measure.get(RISK_ID).toString().strip();
            if (!known.contains(normal(id))) {
                String existing = known.isEmpty() ? "geen" : String.join(", ", displayIds(risks));
                found.add(new FormViolation(
                        MEASURES + "[" + i + "]." + RISK_ID,
                        "Deze maatregel noemt risico ‘" + id + "’, maar onderdeel C heeft dat risico" + " niet (wel: "
                                + existing + "). Kies een nummer uit onderdeel C.",
                        i + 1,
                        Problem.CONTRADICTION,
                        "measure " + (i + 1) + " names risk '" + id + "', which section C (sectionCRisks) does not"
                                + " have; its risks are: "
                                + (known.isEmpty() ? "none" : String.join(", ", displayIds(risks)))
                                + "."));
            }
        }
        return found;
    }

    private static Set<String> ids(Object risks) {
        Set<String> ids = new LinkedHashSet<>();
        displayIds(risks).forEach(id -> ids.add(normal(id)));
        return ids;
    }

    private static List<String> displayIds(Object risks) {
        List<String> ids = new ArrayList<>();
        if (risks instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> risk && !blank(risk.get(RISK_ID))) {
                    ids.add(risk.get(RISK_ID).toString().strip());
                }
            }
        }
        return ids;
    }

    private static String normal(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
