package nl.waarborg.workflow.rules;

import java.util.List;
import java.util.Map;

/**
 * Whether a DPIA leaves a high residual risk, which requires prior consultation of the Dutch DPA (GDPR Art. 36(1)):
 * a measure of section D whose residual risk is HIGH.
 */
public final class ResidualRiskLevel {

    public static final String HIGH = "HIGH";

    private ResidualRiskLevel() {}

    /** @param measures the measures as plain JSON values: a list of objects with a field "residualRisk" */
    public static boolean high(Object measures) {
        if (measures instanceof List<?> list) {
            return list.stream()
                    .anyMatch(m -> m instanceof Map<?, ?> map && HIGH.equals(String.valueOf(map.get("residualRisk"))));
        }
        return false;
    }
}
