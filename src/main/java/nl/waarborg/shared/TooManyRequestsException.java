package nl.waarborg.shared;

import org.springframework.http.HttpStatus;

/** 429: the user asked for something costly too often; {@link #retryAfterSeconds()} says when it is possible again. */
public class TooManyRequestsException extends WaarborgException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, detail, null, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
