package nl.waarborg.shared;

import org.springframework.http.HttpStatus;

/** 413: the content is larger than Waarborg accepts. */
public class TooLargeException extends WaarborgException {

    public TooLargeException(String detail) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, detail, null, null);
    }
}
