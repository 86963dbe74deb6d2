package nl.waarborg.publication;

import nl.waarborg.shared.ConflictException;

/**
 * 409: the version someone read and acts on is no longer the latest (a register entry's draft that the privacy officer
 * approves, the EU-database data whose reference number the owner records).
 */
public class DraftChangedException extends ConflictException {

    public DraftChangedException(String detail) {
        super(detail);
    }
}
