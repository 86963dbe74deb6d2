package nl.waarborg.notification;

import nl.waarborg.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The logged-in user's own notification settings ("Mijn instellingen", {@code /api/me/notification-settings}). */
@Service
public class MySettings {

    private final SettingsStore store;

    MySettings(SettingsStore store) {
        this.store = store;
    }

    public NotificationSettings get() {
        return store.of(me());
    }

    /** Replaces the user's settings; 400 naming the field when a choice is missing or the language is unknown. */
    public NotificationSettings change(NotificationSettings settings) {
        NotificationSettings valid = settings == null
                ? new NotificationSettings(null, null, null, null, null, null, null, null).validated()
                : settings.validated();
        store.save(me(), valid);
        return valid;
    }

    private static String me() {
        String id = CurrentUser.id();
        if (id == null) {
            throw new AccessDeniedException("Notification settings belong to a logged-in user.");
        }
        return id;
    }
}
