package nl.waarborg.shared;

import org.springframework.http.HttpStatus;

/** 403: this user may not do this (a missing group, segregation of duties). */
public class ForbiddenException extends WaarborgException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, detail, null, null);
    }
}
