package nl.waarborg.system;

import nl.waarborg.shared.NotFoundException;

/** No system with this id is registered. */
public class SystemNotFoundException extends NotFoundException {

    public SystemNotFoundException(String id) {
        super("No system is registered with id '" + id + "'.");
    }
}
