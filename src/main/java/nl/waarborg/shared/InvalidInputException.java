package nl.waarborg.shared;

import org.springframework.http.HttpStatus;

/** 400: the input cannot be accepted as submitted; {@link #field()} names the field or parameter at fault. */
public class InvalidInputException extends WaarborgException {

    public InvalidInputException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, detail, field, null);
    }
}
