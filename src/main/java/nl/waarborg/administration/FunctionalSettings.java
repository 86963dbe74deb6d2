package nl.waarborg.administration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.settings.RuntimeSettings;
import nl.waarborg.settings.Setting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run-time settings of the functional administrator (ADR 0027): list them, and change one with a reason, checked
 * on the server and recorded in the audit trail (SETTING_CHANGED with before and after) in the same transaction. Every
 * node uses the new value at once. Deployment settings stay in the environment.
 */
@Service
public class FunctionalSettings {

    /** A setting as the administrator sees it; {@code changedBy} null: the environment's value is in use. */
    public record View(
            String name,
            String value,
            String environmentValue,
            String kind,
            int min,
            int max,
            String changedBy,
            Instant changedAt) {}

    /** A change: the new value and why. */
    public record Change(String value, String reason) {}

    private final RuntimeSettings settings;
    private final AccountStore store;
    private final AuditTrail audit;

    FunctionalSettings(RuntimeSettings settings, AccountStore store, AuditTrail audit) {
        this.settings = settings;
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<View> list() {
        UserAccounts.requireAdministrator();
        return settings.all().stream().map(FunctionalSettings::view).toList();
    }

    @Transactional
    public View change(String name, Change change) {
        UserAccounts.requireAdministrator();
        Setting setting = Setting.byKey(name)
                .orElseThrow(() -> new AdministrationRefusal(
                        AdministrationRefusal.Code.UNKNOWN_SETTING,
                        "There is no setting '" + name + "'; the settings are "
                                + String.join(
                                        ", ",
                                        List.of(Setting.values()).stream()
                                                .map(Setting::key)
                                                .toList())
                                + "."));
        String value;
        try {
            value = setting.check(change.value());
        } catch (IllegalArgumentException e) {
            throw new AdministrationRefusal(AdministrationRefusal.Code.SETTING_INVALID, e.getMessage(), setting.key());
        }
        String reason = Reasons.required(change.reason());
        store.lock();
        String before = settings.value(setting);
        settings.store(setting, value, CurrentUser.id());
        Map<String, Object> details = UserAccounts.details(setting.key(), reason);
        details.put("before", before);
        details.put("after", value);
        audit.record(AuditAction.SETTING_CHANGED, CurrentUser.id(), null, details);
        return list().stream()
                .filter(v -> v.name().equals(setting.key()))
                .findFirst()
                .orElseThrow();
    }

    private static View view(RuntimeSettings.Current current) {
        Setting s = current.setting();
        return new View(
                s.key(),
                current.value(),
                current.environmentValue(),
                s.kind().name(),
                s.min(),
                s.max(),
                current.changedBy(),
                current.changedAt());
    }
}
