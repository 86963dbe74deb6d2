package nl.waarborg.workflow.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a DPIA leaves a high residual risk, which requires prior consultation of the Dutch DPA (GDPR Art. 36(1)):
 * a measure of section D whose residual risk is HIGH, or a HIGH risk of section C that no measure of section D
 * addresses (an unmitigated high risk stays high). The privacy officer (FG) may also require the consultation.
 */
public final class ResidualRiskLevel {

    public static final String HIGH = "HIGH";

    private ResidualRiskLevel() {}

    /** @param measures the measures as plain JSON values: a list of objects with a field "residualRisk" */
    public static boolean high(Object measures) {
        return maps(measures).stream().anyMatch(m -> HIGH.equals(String.valueOf(m.get("residualRisk"))));
    }

    /**
     * @param risks the risks of section C: a list of objects with "riskId" and "level"
     * @param measures the measures of section D: a list of objects with "riskId", "measure" and "residualRisk"
     */
    public static boolean high(Object risks, Object measures) {
        return high(measures) || !unmitigatedHighRisks(risks, measures).isEmpty();
    }

    /** Whether the DPA must be consulted: a high residual risk, or the privacy officer requires it. */
    public static boolean consultationRequired(Object risks, Object measures, boolean privacyOfficerRequires) {
        return privacyOfficerRequires || high(risks, measures);
    }

    /** The ids of section C's HIGH risks that no measure of section D names (compared trimmed, ignoring case). */
    public static List<String> unmitigatedHighRisks(Object risks, Object measures) {
        Set<String> addressed = maps(measures).stream()
                .filter(m -> !blank(m.get("measure")))
                .map(m -> id(m.get("riskId")))
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toSet());
        return maps(risks).stream()
                .filter(r -> HIGH.equals(String.valueOf(r.get("level"))))
                .map(r -> id(r.get("riskId")))
                .filter(id -> !addressed.contains(id))
                .toList();
    }

    private static List<Map<?, ?>> maps(Object value) {
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(m -> m instanceof Map<?, ?>)
                    .<Map<?, ?>>map(m -> (Map<?, ?>) m)
                    .toList();
        }
        return List.of();
    }

    private static String id(Object value) {
        return value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
