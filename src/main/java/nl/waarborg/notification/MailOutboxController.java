package nl.waarborg.notification;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail outbox for the functional administrator (group admin; everyone else 403): the mails page by page, newest
 * first ({@code X-Total-Count} has the total), the count per state, and an idempotent retry of a failed mail.
 */
@RestController
@RequestMapping("/api/admin/mail-outbox")
public class MailOutboxController {

    private final MailOutbox outbox;

    public MailOutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    public ResponseEntity<List<MailOutbox.Entry>> list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        MailOutbox.Page page = outbox.page(status, limit, offset);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .body(page.items());
    }

    @GetMapping("/counts")
    public Map<String, Object> counts() {
        return Map.of("enabled", outbox.enabled(), "counts", outbox.counts());
    }

    @PostMapping("/{id}/retry")
    public MailOutbox.Entry retry(@PathVariable String id) {
        return outbox.retry(id);
    }
}
