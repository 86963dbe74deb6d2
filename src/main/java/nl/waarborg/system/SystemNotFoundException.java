package nl.waarborg.system;

/** No system with this id is registered. */
public class SystemNotFoundException extends RuntimeException {

    public SystemNotFoundException(String id) {
        super("No system is registered with id '" + id + "'.");
    }
}
