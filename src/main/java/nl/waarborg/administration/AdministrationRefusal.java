package nl.waarborg.administration;

import nl.waarborg.shared.WaarborgException;
import org.springframework.http.HttpStatus;

/**
 * A refused administrator's action (users, groups, accounts, settings, stuck work): its {@link Code} gives the status,
 * the field at fault and the Dutch message of the Beheer pages ({@code admin.error.<code>}); the detail is the English
 * text of the API. Nothing was changed.
 */
public class AdministrationRefusal extends WaarborgException {

    public enum Code {
        REASON_REQUIRED(HttpStatus.BAD_REQUEST, "reason"),
        REASON_TOO_LONG(HttpStatus.BAD_REQUEST, "reason"),
        ID_INVALID(HttpStatus.BAD_REQUEST, "id"),
        ID_TAKEN(HttpStatus.CONFLICT, "id"),
        ID_RETIRED(HttpStatus.CONFLICT, "id"),
        FIRST_NAME_INVALID(HttpStatus.BAD_REQUEST, "firstName"),
        LAST_NAME_INVALID(HttpStatus.BAD_REQUEST, "lastName"),
        EMAIL_INVALID(HttpStatus.BAD_REQUEST, "email"),
        PASSWORD_POLICY(HttpStatus.BAD_REQUEST, "password"),
        UNKNOWN_GROUP(HttpStatus.BAD_REQUEST, "groupId"),
        ACCOUNT_INVALID(HttpStatus.BAD_REQUEST, "account"),
        ADDRESS_NOT_LOCKED(HttpStatus.NOT_FOUND, "address"),
        UNKNOWN_USER(HttpStatus.NOT_FOUND, "id"),
        NOT_A_MEMBER(HttpStatus.NOT_FOUND, "groupId"),
        SELF_GRANT(HttpStatus.FORBIDDEN, "groupId"),
        LAST_ADMIN(HttpStatus.CONFLICT, null),
        PASSWORD_SETTER(HttpStatus.FORBIDDEN, "groupId"),
        OWN_PASSWORD(HttpStatus.FORBIDDEN, "id"),
        SINGLE_SIGN_ON_ACCOUNT(HttpStatus.CONFLICT, "id"),
        CURRENT_PASSWORD_WRONG(HttpStatus.BAD_REQUEST, "currentPassword"),
        SAME_PASSWORD(HttpStatus.BAD_REQUEST, "newPassword"),
        DEACTIVATED(HttpStatus.CONFLICT, null),
        NOT_A_CANDIDATE(HttpStatus.BAD_REQUEST, "assignee"),
        NOT_IN_TEAM(HttpStatus.BAD_REQUEST, "assignee"),
        SEGREGATION_OF_DUTIES(HttpStatus.CONFLICT, "assignee"),
        DUE_DATE_MISSING(HttpStatus.BAD_REQUEST, "dueDate"),
        DUE_DATE_IN_PAST(HttpStatus.BAD_REQUEST, "dueDate"),
        DUE_DATE_TOO_FAR(HttpStatus.BAD_REQUEST, "dueDate"),
        TASK_NOT_FOUND(HttpStatus.NOT_FOUND, null),
        JOB_NOT_FOUND(HttpStatus.NOT_FOUND, null),
        SYSTEM_NOT_FOUND(HttpStatus.NOT_FOUND, null),
        JOB_NOT_FAILED(HttpStatus.CONFLICT, null),
        NOT_IN_EVALUATE(HttpStatus.CONFLICT, null),
        UNKNOWN_SETTING(HttpStatus.NOT_FOUND, "name"),
        /** The field is the setting's own name. */
        SETTING_INVALID(HttpStatus.BAD_REQUEST, "value");

        private final HttpStatus status;
        private final String field;

        Code(HttpStatus status, String field) {
            this.status = status;
            this.field = field;
        }
    }

    private final Code code;

    AdministrationRefusal(Code code, String detail) {
        this(code, detail, code.field);
    }

    /** A refusal whose field is not the code's usual one (e.g. the name of the setting at fault). */
    AdministrationRefusal(Code code, String detail, String field) {
        super(code.status, detail, field, null);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
