package nl.waarborg.shared;

import org.springframework.http.HttpStatus;

/** 404: there is no such thing (or none the user may see). */
public class NotFoundException extends WaarborgException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail, null, null);
    }
}
