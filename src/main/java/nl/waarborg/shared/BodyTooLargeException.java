package nl.waarborg.shared;

import java.io.IOException;

/**
 * A request body grew beyond the limit while it was read. An IOException, because it is thrown from the body's
 * input stream; {@link ProblemStatus} answers 413 for it.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes / (1024 * 1024)
                + " MB; one section's answers may be at most 1 MB.");
    }
}
