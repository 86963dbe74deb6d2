package nl.waarborg.shared;

import org.springframework.http.HttpStatus;

/** 409: not possible in the current state (a frozen version, a task already done, a cycle already running). */
public class ConflictException extends WaarborgException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, detail, null, null);
    }
}
