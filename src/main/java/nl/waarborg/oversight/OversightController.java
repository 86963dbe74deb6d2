package nl.waarborg.oversight;

import java.util.List;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
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

    @GetMapping("/blocked")
    public List<OversightService.BlockedItem> blocked(@RequestParam(required = false) String department,
                                                      @RequestParam(required = false) String gate) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        return oversight.blocked(department, gate);
    }

    @GetMapping("/statistics")
    public List<OversightService.GateStatistics> statistics(@RequestParam(required = false) String department) {
        CurrentUser.requireAnyOf(Groups.MANAGER, Groups.ADMIN);
        return oversight.statistics(oversight.blocked(department, null));
    }
}
