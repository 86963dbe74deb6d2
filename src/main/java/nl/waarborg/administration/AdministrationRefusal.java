package nl.waarborg.administration;

import nl.waarborg.shared.WaarborgException;
import org.springframework.http.HttpStatus;

/**
 * A refused change of users, groups or accounts: its {@link Code} gives the status, the field at fault and the Dutch
 * message of the Beheer pages ({@code admin.error.<code>}); the detail is the English text of the API.
 */
public class AdministrationRefusal extends WaarborgException {

    public enum Code {
        REASON_REQUIRED(HttpStatus.BAD_REQUEST, "reason"),
        REASON_TOO_LONG(HttpStatus.BAD_REQUEST, "reason"),
        ID_INVALID(HttpStatus.BAD_REQUEST, "id"),
        ID_TAKEN(HttpStatus.CONFLICT, "id"),
        FIRST_NAME_INVALID(HttpStatus.BAD_REQUEST, "firstName"),
        LAST_NAME_INVALID(HttpStatus.BAD_REQUEST, "lastName"),
        EMAIL_INVALID(HttpStatus.BAD_REQUEST, "email"),
        PASSWORD_POLICY(HttpStatus.BAD_REQUEST, "password"),
        UNKNOWN_GROUP(HttpStatus.BAD_REQUEST, "groupId"),
        ACCOUNT_INVALID(HttpStatus.BAD_REQUEST, "account"),
        UNKNOWN_USER(HttpStatus.NOT_FOUND, "id"),
        NOT_A_MEMBER(HttpStatus.NOT_FOUND, "groupId"),
        SELF_GRANT(HttpStatus.FORBIDDEN, "groupId"),
        LAST_ADMIN(HttpStatus.CONFLICT, null),
        DEACTIVATED(HttpStatus.CONFLICT, null);

        private final HttpStatus status;
        private final String field;

        Code(HttpStatus status, String field) {
            this.status = status;
            this.field = field;
        }
    }

    private final Code code;

    AdministrationRefusal(Code code, String detail) {
        super(code.status, detail, code.field, null);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
