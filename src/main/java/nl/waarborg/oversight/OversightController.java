package nl.waarborg.oversight;

import java.util.List;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.PageParameters;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The manager's view: what is blocked on approval, where, and for how long. */
@RestController
@RequestMapping("/api/oversight")
public class OversightController {

    private final OversightService oversight;

    public OversightController(OversightService oversight) {
        this.oversight = oversight;
    }

    /** Longest waiting first, at most `limit` items (default 100, a screen) from `offset`; X-Total-Count has the full count. */
    @GetMapping("/blocked")
    public ResponseEntity<List<OversightService.BlockedItem>> blocked(
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String gate,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        PageParameters.check(limit, offset, 10000);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(oversight.countBlocked(department, gate)))
                .body(oversight.blocked(department, gate, limit, offset));
    }

    @GetMapping("/statistics")
    public List<OversightService.GateStatistics> statistics(
            @RequestParam(required = false) String department, @RequestParam(required = false) String gate) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        return oversight.statistics(department, gate);
    }
}
