package nl.waarborg.administration;

/**
 * The one rule for the reason every administrator's action needs (accounts, groups, settings, stuck work): present,
 * not blank, at most {@link #MAX} characters after trimming. The reason goes into the audit trail and, for stuck work,
 * into the engine's history (delete reasons hold 4000 characters).
 */
public final class Reasons {

    /** The longest reason kept. */
    public static final int MAX = 2000;

    private Reasons() {}

    /** The reason, trimmed; refused (400, field {@code reason}) when it is missing, blank or too long. */
    public static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.REASON_REQUIRED,
                    "Field 'reason' is required: say why, it is recorded in the audit trail.");
        }
        String trimmed = reason.trim();
        if (trimmed.length() > MAX) {
            throw new AdministrationRefusal(
                    AdministrationRefusal.Code.REASON_TOO_LONG,
                    "Field 'reason' must be at most " + MAX + " characters.");
        }
        return trimmed;
    }
}
