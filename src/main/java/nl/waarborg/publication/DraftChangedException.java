package nl.waarborg.publication;

import nl.waarborg.shared.ConflictException;

/** 409: the register entry's draft is not the version the privacy officer read and approves. */
public class DraftChangedException extends ConflictException {

    public DraftChangedException(String detail) {
        super(detail);
    }
}
