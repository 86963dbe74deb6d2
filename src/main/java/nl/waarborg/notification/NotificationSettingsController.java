package nl.waarborg.notification;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every logged-in user reads and replaces their own e-mail settings (each field required on PUT). */
@RestController
@RequestMapping("/api/me/notification-settings")
public class NotificationSettingsController {

    private final MySettings settings;

    public NotificationSettingsController(MySettings settings) {
        this.settings = settings;
    }

    @GetMapping
    public NotificationSettings get() {
        return settings.get();
    }

    @PutMapping
    public NotificationSettings put(@RequestBody(required = false) NotificationSettings request) {
        return settings.change(request);
    }
}
