package nl.waarborg.administration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A user changes their own password (ADR 0058); the one way out while an administrator's one-time password holds. */
@RestController
public class OwnPasswordController {

    private final OwnPassword password;

    public OwnPasswordController(OwnPassword password) {
        this.password = password;
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void change(@RequestBody OwnPassword.Change change) {
        password.change(change);
    }
}
