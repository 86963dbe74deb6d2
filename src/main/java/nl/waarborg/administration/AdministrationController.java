package nl.waarborg.administration;

import java.util.List;
import nl.waarborg.security.LoginThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Waarborg's administration over HTTP (ADR 0019), for group admin only (403 for everyone else): users, their groups,
 * login locks and the accounts under attack. Every change takes a {@code reason} (for DELETE as a query parameter)
 * and is recorded in the audit trail. Run-time settings: /api/admin/settings. System teams: /api/systems/{id}/team;
 * stuck work: /api/admin/work.
 */
@RestController
@RequestMapping("/api/admin")
public class AdministrationController {

    private final UserAccounts users;
    private final AccountGroups groups;
    private final LoginAlerts alerts;
    private final FunctionalSettings settings;

    public AdministrationController(
            UserAccounts users, AccountGroups groups, LoginAlerts alerts, FunctionalSettings settings) {
        this.users = users;
        this.groups = groups;
        this.alerts = alerts;
        this.settings = settings;
    }

    /** One page of users by id, with the full count in the body and, as on every list, in X-Total-Count. */
    @GetMapping("/users")
    public ResponseEntity<Account.Page> users(
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        Account.Page page = users.list(limit, offset);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .body(page);
    }

    @GetMapping("/users/{id}")
    public Account user(@PathVariable String id) {
        return users.get(id);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public Account create(@RequestBody Account.New request) {
        return users.create(request);
    }

    @PutMapping("/users/{id}")
    public Account changeProfile(@PathVariable String id, @RequestBody Account.ProfileChange change) {
        return users.changeProfile(id, change);
    }

    @PostMapping("/users/{id}/password")
    public Account resetPassword(@PathVariable String id, @RequestBody Account.PasswordReset reset) {
        return users.resetPassword(id, reset);
    }

    @PostMapping("/users/{id}/deactivation")
    public Account deactivate(@PathVariable String id, @RequestBody(required = false) Account.Reason reason) {
        return users.deactivate(id, reason);
    }

    @DeleteMapping("/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id, @RequestParam(required = false) String reason) {
        users.delete(id, reason);
    }

    @PutMapping("/users/{id}/groups/{groupId}")
    public Account addToGroup(
            @PathVariable String id,
            @PathVariable String groupId,
            @RequestBody(required = false) Account.Reason reason) {
        groups.add(id, groupId, reason);
        return users.get(id);
    }

    @DeleteMapping("/users/{id}/groups/{groupId}")
    public Account removeFromGroup(
            @PathVariable String id, @PathVariable String groupId, @RequestParam(required = false) String reason) {
        groups.remove(id, groupId, reason);
        return users.get(id);
    }

    @GetMapping("/groups")
    public List<AccountGroups.GroupView> groups() {
        return groups.groups();
    }

    @GetMapping("/login-alerts")
    public List<LoginAlerts.Alert> loginAlerts() {
        return alerts.current();
    }

    /** The client addresses locked now after failed logins (ADR 0050); their locks end by themselves or by an unlock. */
    @GetMapping("/locked-addresses")
    public List<LoginThrottle.AddressLock> lockedAddresses() {
        return alerts.lockedAddresses();
    }

    /** The run-time settings (ADR 0027): the value in use, the environment's, and who changed it when. */
    @GetMapping("/settings")
    public List<FunctionalSettings.View> settings() {
        return settings.list();
    }

    /** Changes one setting: {@code {"value": "15", "reason": "…"}}; 400 naming the setting when the value is refused. */
    @PutMapping("/settings/{name}")
    public FunctionalSettings.View changeSetting(
            @PathVariable String name, @RequestBody(required = false) FunctionalSettings.Change change) {
        return settings.change(name, change == null ? new FunctionalSettings.Change(null, null) : change);
    }

    @PostMapping("/accounts/{account}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unlock(@PathVariable String account, @RequestBody(required = false) Account.Reason reason) {
        alerts.unlock(account, reason);
    }

    /** Lifts the lock of a client address (ADR 0050); 404 when it is not locked now. */
    @PostMapping("/locked-addresses/{address}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unlockAddress(@PathVariable String address, @RequestBody(required = false) Account.Reason reason) {
        alerts.unlockAddress(address, reason);
    }
}
